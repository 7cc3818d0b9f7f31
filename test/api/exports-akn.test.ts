/**
 * Akoma Ntoso: the export validates against the official 3.0 schema with
 * xmllint (latest revision, consolidated text, a bill with divisions, the
 * staff version), with eIds like `art_1__para_2` and the amendments as
 * `<amendment>` attachments; the import of the Italian Senate's bill reads
 * its articles, numbers, headings and paragraphs; and a round trip (export,
 * import) gives the same articles.
 */
import assert from 'node:assert/strict'
import { DOMParser } from '@xmldom/xmldom'
import { type ApiClient } from '../helpers/server.ts'
import { consultationSuite, download } from '../helpers/consultation.ts'
import { assertConsultationName } from '../helpers/download-name.ts'
import { validateAkn } from '../helpers/files.ts'
import { IT_SENATO_DDL_ARTICLES, fixtureText } from '../helpers/fixtures.ts'

const NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** Elements of a name in the AKN namespace. */
function elements (xml: string, name: string): Element[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml')
  return Array.from(doc.getElementsByTagNameNS(NS, name)) as unknown as Element[]
}

async function akn (c: ApiClient, billId: string, query = ''): Promise<string> {
  const r = await download(c, `/bills/${billId}/export?format=akn${query}`)
  assert.equal(r.status, 200, r.text)
  const verdict = await validateAkn(r.bytes)
  assert.ok(verdict.ok, verdict.messages)
  return r.text
}

/** The articles of a bill as the API shows them: number, heading, alinéas. */
async function articles (c: ApiClient, billId: string): Promise<{ num: string; heading: string | null; alineas: string[] }[]> {
  return (await c.get(`/bills/${billId}`)).body.articles.map((a: any) => ({ num: a.num, heading: a.heading, alineas: a.alineas }))
}

describe('API: Akoma Ntoso export and import', function () {
  this.timeout(60_000)
  const { s, c } = consultationSuite()

  it('exports the latest revision with eIds and the amendments, valid against the official schema', async () => {
    const r = await download(s.client(), `/bills/${c.bill.id}/export?format=akn`)
    assert.equal(r.headers.get('content-type'), 'application/akn+xml; charset=utf-8')
    assertConsultationName(r.headers.get('content-disposition'), 'texte', 'akn.xml')
    const xml = await akn(s.client(), c.bill.id)
    assert.match(xml, /<akomaNtoso xmlns="http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0">/)
    assert.deepEqual(elements(xml, 'article').map(a => a.getAttribute('eId')), ['art_1', 'art_2', 'art_2bis'])
    assert.deepEqual(elements(xml, 'paragraph').map(p => p.getAttribute('eId')), ['art_1__para_1', 'art_1__para_2', 'art_2__para_1', 'art_2__para_2', 'art_2bis__para_1'])
    assert.equal(elements(xml, 'docTitle')[0].textContent, c.bill.title)
    // Every amendment but the withdrawn one, with its dispositif, its two columns and its exposé.
    const amendments = elements(xml, 'amendment')
    assert.equal(amendments.length, 5)
    assert.ok(xml.includes('<del>trente</del>') && xml.includes('<ins>quinze</ins>'))
    assert.ok(xml.includes('<docStatus>adopté</docStatus>') && xml.includes('<docStatus>rejeté</docStatus>'))
    assert.ok(xml.includes('Quinze jours suffisent.'))
    for (const secret of c.hiddenTexts) assert.equal(xml.includes(secret), false, secret)
    assert.ok(xml.includes('masqué par la modération'))
    // FRBR expressions are written "fra@<date>"; no email address is.
    assert.doesNotMatch(xml.replace(/\/fra@\d{4}-\d{2}-\d{2}/g, ''), /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/)
    for (const email of c.emails) assert.equal(xml.includes(email), false)
  })

  it('gives staff the hidden amendment\'s text, and exports the consolidated text or a given revision', async () => {
    const staff = await akn(c.staff, c.bill.id, '&audience=staff')
    assert.ok(staff.includes('SECRET-AMENDEMENT') && staff.includes('SECRET-EXPOSE'))
    const consolidated = await akn(s.client(), c.bill.id, '&version=consolidated')
    const paragraphs = elements(consolidated, 'paragraph').map(p => p.textContent)
    assert.equal(paragraphs[0], 'Les administrations publient leurs données dans un format ouvert.')
    assert.ok(consolidated.includes('contains="singleVersion"'))
    const first = await akn(s.client(), c.bill.id, '&version=1')
    assert.equal(elements(first, 'paragraph')[0].textContent, 'Les administrations publient leurs données.')
    assert.equal((await s.client().get(`/bills/${c.bill.id}/export?format=akn&version=9`)).status, 404)
    assert.equal((await s.client().get(`/bills/${c.bill.id}/export?format=akn&version=draft`)).status, 400)
    const draft = (await c.editor.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['x'] }] })).body
    const unpublished = await c.editor.get(`/bills/${draft.id}/export?format=akn`)
    assert.deepEqual([unpublished.status, unpublished.body.error.code], [422, 'nothing_published'])
  })

  it('marks an article deleted by an accepted amendment in the consolidated text', async () => {
    const editor = await s.as('author')
    const bill = (await editor.post('/bills', { title: 'Suppression', articles: [{ num: '1er', alineas: ['Gardé.'] }, { num: '2', alineas: ['Supprimé bientôt.'] }] })).body
    const open = (await editor.post(`/bills/${bill.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })).body
    const citizen = await s.as('citizen')
    const amendment = (await citizen.post(`/articles/${open.articles[1].id}/amendments`, { alineas: [], explanation: 'Inutile.', baseRevision: 1 })).body
    assert.equal((await editor.post(`/amendments/${amendment.id}/decision`, { status: 'accepted', response: 'D\'accord.' })).status, 200)
    const xml = await akn(s.client(), bill.id, '&version=consolidated')
    assert.deepEqual(elements(xml, 'paragraph').map(p => p.textContent), ['Gardé.', '(Supprimé)'])
    assert.ok(xml.includes('Supprimer cet article.'))
  })

  it('nests articles in their divisions (titre, chapitre) and stays valid', async () => {
    const editor = await s.as('author')
    const text = [
      '# Titre Ier – Dispositions générales', '## Chapitre Ier – Objet', '### Article 1er – Objet', 'La loi a pour objet la transparence.',
      '### Article 2', 'Elle s\'applique à tous.', 'Sans exception.', '# Titre II – Dispositions finales', '### Article 3', 'Elle entre en vigueur demain.'
    ].join('\n\n')
    const bill = (await editor.post('/bills', { title: 'Avec divisions', text })).body
    await editor.post(`/bills/${bill.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    const xml = await akn(s.client(), bill.id)
    const titles = elements(xml, 'title')
    assert.equal(titles.length, 2)
    assert.deepEqual(elements(xml, 'chapter').map(ch => ch.getAttribute('eId')), ['chp_1'])
    assert.ok(/<title eId="title_1"><heading>Titre Ier – Dispositions générales<\/heading>\s*<chapter eId="chp_1"><heading>Chapitre Ier – Objet<\/heading>\s*<article eId="art_1">/.test(xml))
    // Round trip: the import reads the same articles and divisions back.
    const again = await editor.post('/bills', { title: 'Réimport', akn: xml })
    assert.equal(again.status, 201, JSON.stringify(again.body))
    assert.deepEqual(await articles(editor, again.body.id), await articles(editor, bill.id))
    assert.deepEqual(again.body.outline.filter((o: any) => o.kind === 'division').map((o: any) => o.title), ['Titre Ier – Dispositions générales', 'Chapitre Ier – Objet', 'Titre II – Dispositions finales'])
  })

  it('round-trips: the exported bill imports with the same articles, numbers, headings and alinéas', async () => {
    const xml = await akn(s.client(), c.bill.id)
    const imported = await c.editor.post('/bills', { title: 'Réimport', akn: xml })
    assert.equal(imported.status, 201, JSON.stringify(imported.body))
    assert.deepEqual(await articles(c.editor, imported.body.id), await articles(c.editor, c.bill.id))
  })

  it('imports the Italian Senate\'s bill (POST /bills with akn): articles, numbers, headings, paragraphs', async () => {
    const editor = await s.as('author')
    const r = await editor.post('/bills', { title: 'DDL 356', akn: fixtureText('akn/it-senato-ddl-2013-bill.xml') })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    const arts = r.body.articles
    assert.deepEqual(arts.map((a: any) => a.num), IT_SENATO_DDL_ARTICLES.nums)
    assert.deepEqual(arts.map((a: any) => a.heading), IT_SENATO_DDL_ARTICLES.headings)
    assert.deepEqual(arts.map((a: any) => a.alineas.length), IT_SENATO_DDL_ARTICLES.alineaCounts)
    assert.match(arts[0].alineas[1], /^a\) l'articolo 1 è sostituito dal seguente: «Art\. 1\./)
    assert.match(arts[5].alineas[0], /entra in vigore/)
    // Published, it exports back to valid Akoma Ntoso 3.0 with the same text.
    await editor.post(`/bills/${r.body.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    const xml = await akn(s.client(), r.body.id)
    assert.equal(elements(xml, 'article').length, 6)
    assert.equal(elements(xml, 'paragraph').length, 81 + 48 + 6 + 3)
    const back = await editor.post('/bills', { title: 'DDL 356 bis', akn: xml })
    assert.deepEqual(await articles(editor, back.body.id), await articles(editor, r.body.id))
  })
})
