/**
 * Official amendments imported from the fixtures (an Assemblée liasse,
 * sixteen single Assemblée amendments, a Sénat « jeu complet »): every
 * amendment of a file is in the report, imported or not, with reasons;
 * exact results for what the current dispositif parser reads. Bad files
 * store nothing.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { Amendment, ImportReport } from '../../shared/api.ts'
import { fixtureBytes, fixtureFiles, fixtureText } from '../helpers/fixtures.ts'

const AN_FILES = ['an-liasse.xml', ...fixtureFiles('amendments/an').map(f => `an/${f}`)]
const SENAT = fixtureBytes('amendments/senat-commission-2013-2014-310.csv')

/** Count `<amendement>` elements (opening tags) of an XML file. */
const amendementsIn = (xml: string): number => (xml.match(/<amendement[\s>]/g) ?? []).length
const alineas = (n: number, label: string): string[] => Array.from({ length: n }, (_, i) => `${label}, alinéa ${i + 1} du texte.`)

describe('API: official amendments import', () => {
  const s = serverSuite()

  async function anBill () {
    const editor = await s.as('author')
    const bill = await publishedBill(editor, [
      { num: '1er', alineas: alineas(2, 'Article premier') },
      { num: '2', alineas: alineas(2, 'Article 2') },
      { num: '3', alineas: alineas(3, 'Article 3') },
      { num: '8', alineas: alineas(2, 'Article 8') },
      { num: '9', alineas: alineas(2, 'Article 9') },
      { num: '40 quater', alineas: alineas(1, 'Article 40 quater') },
      { num: '43', alineas: alineas(8, 'Article 43') }
    ])
    const byNum = Object.fromEntries(bill.articles.map((a: any) => [a.num, a]))
    return { editor, bill, byNum }
  }

  it('imports the Assemblée fixtures: every amendment reported, deletions, rewrites and additional articles exactly', async () => {
    const { editor, bill, byNum } = await anBill()
    const imported = new Map<string, any>()
    const notImported = new Map<string, string>()
    for (const file of AN_FILES) {
      const xml = fixtureText(`amendments/${file}`)
      const r = await editor.post(`/bills/${bill.id}/amendments/import`, { format: 'an-xml', data: xml })
      assert.equal(r.status, 200, `${file}: ${JSON.stringify(r.body)}`)
      const report = ImportReport.parse(r.body)
      assert.equal(report.imported.length + report.notImported.length, amendementsIn(xml), `${file}: every amendment is reported`)
      for (const i of report.imported) {
        imported.set(i.number, i)
        if (!i.applies) assert.ok(i.reason && i.reason.length > 10, `${i.number} says why it does not apply`)
      }
      for (const n of report.notImported) {
        assert.ok(n.reason.length > 10, `${n.number} says why it is not imported`)
        notImported.set(n.number, n.reason)
      }
    }
    // Deletions of articles, a deletion of alinéas, a restored article: read by the current parser, applied exactly.
    for (const number of ['177', '270', '38']) assert.equal(imported.get(number)?.applies, true, number)
    const deletion = Amendment.parse((await s.client().get(`/amendments/${imported.get('177').amendmentId}`)).body)
    assert.equal(deletion.kind, 'article')
    assert.equal(deletion.articleId, byNum['3'].id)
    assert.deepEqual(deletion.alineas, [])
    assert.deepEqual(deletion.origin?.chamber, 'an')
    assert.equal(deletion.origin?.number, '177')
    assert.ok(deletion.origin!.authors.length > 100, 'the signatories are kept')
    assert.equal(deletion.origin?.dispositif, 'Supprimer cet article.')
    assert.equal(deletion.wording?.fr, 'Supprimer cet article.')
    assert.match(deletion.origin!.url!, /^https:\/\/www\.assemblee-nationale\.fr\//)
    assert.ok(deletion.number >= 1)
    const restored = (await s.client().get(`/amendments/${imported.get('AS103').amendmentId}`)).body
    assert.equal(restored.applies, true)
    assert.equal(restored.articleId, byNum['40 quater'].id)
    assert.match(restored.alineas[0], /^Dans les conditions prévues/)
    // « APRÈS L'ARTICLE 8 »: an additional article, its text the dispositif.
    const added = (await s.client().get(`/amendments/${imported.get('192').amendmentId}`)).body
    assert.equal(added.kind, 'addArticle')
    assert.deepEqual(added.position, { after: byNum['8'].id })
    assert.equal(added.applies, true)
    assert.match(added.alineas[0], /^I\. – La section 3 du chapitre 1er/)
    assert.equal((await s.client().get(`/amendments/${imported.get('1').amendmentId}`)).body.kind, 'addArticle')
    // Not imported, with their reasons: budget tables, an annex, sub-amendments.
    for (const number of ['II-398', 'II-494', '193', '319']) assert.match(notImported.get(number) ?? '', /matches no article/, number)
    // Sub-amendments amend an amendment (the liasse names the parent by its uid: shown as its number).
    assert.match(notImported.get('26') ?? '', /sub-amendment of amendment 28:/)
    assert.match(notImported.get('941') ?? '', /sub-amendment of amendment 155:/)
    assert.match(notImported.get('2 (Rect)') ?? '', /sub-amendment of amendment 1:/)
    // « Cet amendement est en cours de traitement »: kept, not applicable, with the reason.
    assert.equal(imported.get('28')?.applies, false)
    // Numbers follow the order of tabling, without gaps.
    const numbers = [...imported.values()].map(i => i.amendmentNumber).sort((a, b) => a - b)
    assert.deepEqual(numbers, numbers.map((_, i) => i + 1))
    // Imported amendments are amendments like others: listed, voted on.
    const list = (await s.client().get(`/bills/${bill.id}/amendments?limit=50`)).body.items
    assert.equal(list.length, imported.size)
    assert.equal((await (await s.as('citizen')).put(`/amendments/${imported.get('177').amendmentId}/vote`, { value: 'against' })).status, 200)
  })

  it('imports the Sénat CSV (Latin-1, base64): every line reported, withdrawn ones and divisions not imported, deletions of alinéas applied', async () => {
    const editor = await s.as('author')
    const articles = ['1er', '2', '3', '4', '5', '6', '7', '8', '9'].map(num => ({ num, alineas: alineas(30, `Article ${num}`) }))
    const bill = await publishedBill(editor, articles)
    const staff = await s.as('staff')
    const r = await staff.post(`/bills/${bill.id}/amendments/import`, { format: 'senat-csv', dataBase64: SENAT.toString('base64') })
    assert.equal(r.status, 200, JSON.stringify(r.body))
    const report = ImportReport.parse(r.body)
    const lines = new TextDecoder('latin1').decode(SENAT).split(/\r?\n/).filter(l => l.trim()).length - 2
    assert.equal(report.imported.length + report.notImported.length, lines, 'every line of the file is in the report')
    const parsed = report.imported.filter(i => i.applies).length
    console.log(`      Sénat CSV: ${report.imported.length} imported (${parsed} applied), ${report.notImported.length} not imported, of ${lines}`)
    for (const i of report.imported) if (!i.applies) assert.ok(i.reason, `${i.number} says why`)
    const reasons = new Map(report.notImported.map(n => [n.number, n.reason]))
    assert.match(reasons.get('COM-22') ?? '', /withdrawn/)
    assert.match(reasons.get('COM-8') ?? '', /TITRE II/)
    const com10 = report.imported.find(i => i.number === 'COM-10')!
    assert.equal(com10.applies, true)
    const a = (await s.client().get(`/amendments/${com10.amendmentId}`)).body
    assert.equal(a.origin.chamber, 'senat')
    assert.equal(a.origin.authors.length, 1)
    assert.match(a.origin.url, /^https:\/\/www\.senat\.fr\/amendements\/commissions\/2013-2014\/310\/Amdt_COM-10\.html$/)
    assert.deepEqual(a.alineas, alineas(30, 'Article 4').filter((_, i) => i !== 3))
    assert.match(a.explanation, /\S/)
  })

  it('refuses bad files, bad bodies and other roles, and stores nothing', async () => {
    const { editor, bill } = await anBill()
    const citizen = await s.as('citizen')
    const xml = fixtureText('amendments/an/269-177.xml')
    const cases: [any, Record<string, unknown>, number, string?][] = [
      [editor, { format: 'an-xml', data: '<amendement><numero>1</numero>' }, 422, 'unreadable_file'],
      [editor, { format: 'an-xml', data: '<html><body>nope</body></html>' }, 422, 'unreadable_file'],
      [editor, { format: 'senat-csv', data: 'a,b,c\n1,2,3' }, 422, 'unreadable_file'],
      [editor, { format: 'an-xml', data: '<!DOCTYPE x [<!ENTITY e "x">]><amendement/>' }, 422, 'unreadable_file'],
      [editor, { format: 'an-xml' }, 400],
      [editor, { format: 'an-xml', data: xml, dataBase64: 'eA==' }, 400],
      [editor, { format: 'word', data: xml }, 400],
      [citizen, { format: 'an-xml', data: xml }, 403],
      [s.client(), { format: 'an-xml', data: xml }, 401]
    ]
    for (const [who, body, status, code] of cases) {
      const r = await who.post(`/bills/${bill.id}/amendments/import`, body)
      assert.equal(r.status, status, `${JSON.stringify(body).slice(0, 80)}: ${JSON.stringify(r.body)}`)
      if (code) {
        assert.equal(r.body.error.code, code)
        assert.ok(r.body.error.message.length > 20)
      }
    }
    assert.deepEqual((await s.client().get(`/bills/${bill.id}/amendments`)).body.items, [])
  })
})
