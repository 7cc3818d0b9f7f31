/** Bills from Word: a .docx built here with the `docx` package, read into a draft; the dry run; refusals that store nothing. */
import assert from 'node:assert/strict'
import { Document, HeadingLevel, Packer, Paragraph } from 'docx'
import { type TestServer } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { BillImportResult } from '../../shared/api.ts'

/** A bill as a parliamentary office types it in Word. */
async function wordBill (paragraphs: string[]): Promise<string> {
  const doc = new Document({
    sections: [{
      children: paragraphs.map(text => /^(TITRE|CHAPITRE|Article|EXPOSÉ)/u.test(text)
        ? new Paragraph({ text, heading: HeadingLevel.HEADING_2 })
        : new Paragraph({ text }))
    }]
  })
  return (await Packer.toBuffer(doc)).toString('base64')
}

const PARAGRAPHS = [
  'PROPOSITION DE LOI',
  'visant à encadrer le préavis de grève dans le transport aérien',
  'EXPOSÉ DES MOTIFS',
  'Mesdames, Messieurs,',
  'Le transport aérien connaît des grèves annoncées tardivement.',
  'PROPOSITION DE LOI',
  'TITRE Ier',
  'DISPOSITIONS GÉNÉRALES',
  'CHAPITRE II',
  'Section 1',
  'Article 1er',
  'Le délai de préavis est de quarante-huit heures.',
  'Un décret en Conseil d’État fixe les modalités.',
  'Article 2 bis – Entrée en vigueur',
  'La présente loi entre en vigueur le 1er janvier.'
]

describe('API: bills from Word (POST /bills/import)', () => {
  const s = serverSuite()

  async function billCount (c: Awaited<ReturnType<TestServer['as']>>): Promise<number> {
    return (await c.get('/bills')).body.items.length
  }

  it('reads titles, chapters, sections, articles and the exposé des motifs into a draft', async () => {
    const author = await s.as('author')
    const r = await author.post('/bills/import', { format: 'docx', dataBase64: await wordBill(PARAGRAPHS) })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    BillImportResult.parse(r.body)
    assert.equal(r.body.title, 'PROPOSITION DE LOI visant à encadrer le préavis de grève dans le transport aérien')
    assert.equal(r.body.summary, 'Mesdames, Messieurs,\n\nLe transport aérien connaît des grèves annoncées tardivement.')
    assert.deepEqual(r.body.recognised.divisions, [
      { level: 1, title: 'TITRE Ier – DISPOSITIONS GÉNÉRALES' }, { level: 2, title: 'CHAPITRE II' }, { level: 3, title: 'Section 1' }
    ])
    assert.deepEqual(r.body.recognised.articles, [{ num: '1er', heading: null, alineas: 2 }, { num: '2 bis', heading: 'Entrée en vigueur', alineas: 1 }])
    assert.deepEqual(r.body.notRecognised, [])
    const bill = r.body.bill
    assert.equal(bill.status, 'draft')
    assert.equal(bill.summary, r.body.summary)
    assert.deepEqual(bill.outline.map((o: any) => o.kind === 'article' ? o.num : o.title), ['TITRE Ier – DISPOSITIONS GÉNÉRALES', 'CHAPITRE II', 'Section 1', '1er', '2 bis'])
    assert.deepEqual(bill.articles[0].alineas, ['Le délai de préavis est de quarante-huit heures.', 'Un décret en Conseil d’État fixe les modalités.'])
  })

  it('says what it did not recognise', async () => {
    const author = await s.as('author')
    const r = await author.post('/bills/import', { format: 'docx', dataBase64: await wordBill(['Proposition de loi sur les essais', 'Une note de bas de page égarée.', 'Article 1er', 'Texte.']) })
    assert.equal(r.status, 201)
    assert.deepEqual(r.body.notRecognised.map((u: any) => [u.paragraph, u.text]), [[2, 'Une note de bas de page égarée.']])
  })

  it('?dryRun=1 recognises without creating anything', async () => {
    const author = await s.as('author')
    const before = await billCount(author)
    const r = await author.post('/bills/import?dryRun=1', { format: 'docx', dataBase64: await wordBill(PARAGRAPHS) })
    assert.equal(r.status, 200)
    assert.equal(r.body.bill, null)
    assert.equal(r.body.recognised.articles.length, 2)
    assert.equal(await billCount(author), before)
  })

  it('reads the formats already supported (Markdown)', async () => {
    const author = await s.as('author')
    const r = await author.post('/bills/import', { format: 'markdown', data: '# Titre Ier\n\n## Article 1er\n\nUn.\n\nDeux.\n', title: 'Depuis Markdown' })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    assert.equal(r.body.bill.title, 'Depuis Markdown')
    assert.equal(r.body.recognised.articles[0].alineas, 2)
  })

  it('refuses an unreadable file, a file without any article, and other roles; nothing is stored', async () => {
    const author = await s.as('author')
    const before = await billCount(author)
    const garbage = await author.post('/bills/import', { format: 'docx', dataBase64: Buffer.from('not a zip at all').toString('base64') })
    assert.equal(garbage.status, 400)
    assert.match(garbage.body.error.message, /not a readable \.docx/)
    const none = await author.post('/bills/import', { format: 'docx', dataBase64: await wordBill(['Une lettre.', 'Rien d’autre.']) })
    assert.equal(none.status, 422)
    assert.equal(none.body.error.code, 'nothing_recognised')
    assert.equal((await author.post('/bills/import', { format: 'docx' })).status, 400)
    assert.equal((await author.post('/bills/import', { format: 'pdf', data: 'x' })).status, 400)
    const citizen = await s.as('citizen')
    assert.equal((await citizen.post('/bills/import', { format: 'docx', dataBase64: await wordBill(PARAGRAPHS) })).status, 403)
    assert.equal((await s.client().post('/bills/import', { format: 'markdown', data: '## Article 1er\n\nUn.' })).status, 401)
    assert.equal(await billCount(author), before)
  })
})
