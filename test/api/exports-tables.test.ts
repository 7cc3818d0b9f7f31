/**
 * The staff tables read back by real readers: each CSV kind parsed as RFC
 * 4180 (BOM, CRLF, quoted line breaks), the XLSX opened with exceljs
 * (sheets, headers, autofilters, widths); their figures equal the synthesis,
 * hidden content is flagged (and kept for staff, withheld with
 * `audience=public`), and no email address appears.
 */
import assert from 'node:assert/strict'
import ExcelJS from 'exceljs'
import { consultationSuite, download } from '../helpers/consultation.ts'
import { assertConsultationName } from '../helpers/download-name.ts'
import { csvObjects, parseCsv } from '../helpers/csv.ts'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/

describe('API: CSV and XLSX exports', function () {
  this.timeout(30_000)
  const { s, c, syn } = consultationSuite(async c => {
    // A text a spreadsheet would run as a formula.
    await c.people[6].post(`/articles/${c.articles.third}/arguments`, { side: 'for', body: '=HYPERLINK("http://example.org","clic")' })
  })

  async function csv (kind: string | null, audience?: string) {
    const r = await download(c.staff, `/bills/${c.bill.id}/export?format=csv${kind ? `&kind=${kind}` : ''}${audience ? `&audience=${audience}` : ''}`)
    assert.equal(r.status, 200, r.text)
    return r
  }

  it('writes UTF-8 CSV with a BOM, CRLF line ends and a header, one file per kind', async () => {
    const r = await csv(null)
    assert.equal(r.headers.get('content-type'), 'text/csv; charset=utf-8; header=present')
    assertConsultationName(r.headers.get('content-disposition'), 'articles', 'csv')
    assert.deepEqual([...r.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
    assert.match(r.text, /^\uFEFFposition,id,num,heading,votes_for,/)
    assert.ok(r.text.includes('\r\n'))
    for (const kind of ['articles', 'amendments', 'arguments', 'votes', 'participation']) {
      const x = await csv(kind)
      assertConsultationName(x.headers.get('content-disposition'), kind === 'amendments' ? 'amendements' : kind, 'csv')
      assert.ok(parseCsv(x.text).length > 1, kind)
      assert.doesNotMatch(x.text, EMAIL)
      for (const email of c.emails) assert.equal(x.text.includes(email), false)
    }
    assert.equal((await s.client().get(`/bills/${c.bill.id}/export?format=csv&kind=users`)).status, 400)
  })

  it('has the figures of the synthesis in the articles table, alinéas in one quoted cell', async () => {
    const rows = csvObjects((await csv('articles')).text)
    assert.deepEqual(rows.map(r => r.num), ['1er', '2', '2 bis'])
    for (const a of syn.articles) {
      const r = rows.find(x => x.id === a.id)!
      assert.deepEqual(
        [r.votes_for, r.votes_mixed, r.votes_against, r.votes_total, r.share_for, r.amendments_total, r.amendments_accepted, r.amendments_withdrawn, r.arguments_for, r.arguments_against].map(Number),
        [a.tally.for, a.tally.mixed, a.tally.against, a.votes, Math.round(a.shares.for * 10_000) / 10_000, a.amendments.total, a.amendments.accepted, a.amendments.withdrawn, a.arguments.for, a.arguments.against])
      assert.equal(r.text, a.alineas.join('\n'))
    }
  })

  it('lists amendments, arguments and votes; participation equals the synthesis', async () => {
    const amendments = csvObjects((await csv('amendments')).text)
    assert.equal(amendments.length, 6)
    const best = amendments.find(a => a.id === c.amendments.best)!
    assert.deepEqual([best.number, best.article_num, best.status, best.votes_for, best.author_profile, best.author_name], ['1', '2', 'proposed', '4', 'organisation', 'La Quadrature'])
    assert.match(best.author, /^a_/)
    const accepted = amendments.find(a => a.id === c.amendments.accepted)!
    assert.deepEqual([accepted.status, accepted.decided_seq, accepted.response, accepted.decided_by], ['accepted', '1', 'Adopté : le format ouvert s\'impose.', 'Députée Rapporteure'])
    const args = csvObjects((await csv('arguments')).text)
    assert.equal(args.length, syn.participation.contributions.arguments)
    assert.equal(args.find(a => a.id === c.arguments.markup)!.body, '<script>alert("x")</script> & « guillemets »')
    assert.equal(args.find(a => a.body.includes('HYPERLINK'))!.body, '\'=HYPERLINK("http://example.org","clic")', 'formulas are defused')
    const votes = csvObjects((await csv('votes')).text)
    assert.equal(votes.length, syn.participation.contributions.votes.total)
    assert.ok(votes.every(v => /^v_/.test(v.voter)))
    const participation = csvObjects((await csv('participation')).text)
    const value = (indicator: string, breakdown: string) => Number(participation.find(p => p.indicator === indicator && p.breakdown === breakdown)!.value)
    const p = syn.participation
    assert.deepEqual([value('participants', 'total'), value('participants', 'citizen'), value('participants', 'organisation'), value('participants', 'institution')],
      [p.participants.total, p.participants.citizen, p.participants.organisation, p.participants.institution])
    assert.deepEqual([value('votes', 'total'), value('amendments', 'total'), value('arguments', 'total')], [p.contributions.votes.total, p.contributions.amendments, p.contributions.arguments])
    assert.equal(value('votes_per_day', p.days[0].day), p.days[0].votes)
  })

  it('flags hidden content; staff get its text by default, audience=public withholds it', async () => {
    const staffArgs = csvObjects((await csv('arguments')).text)
    const hidden = staffArgs.find(a => a.id === c.arguments.hidden)!
    assert.deepEqual([hidden.hidden, hidden.hidden_reason, hidden.body], ['true', 'offensive', 'Argument injurieux SECRET-ARGUMENT.'])
    const staffAmendments = (await csv('amendments')).text
    assert.ok(staffAmendments.includes('SECRET-EXPOSE'))
    for (const kind of ['amendments', 'arguments']) {
      const text = (await csv(kind, 'public')).text
      for (const secret of c.hiddenTexts) assert.equal(text.includes(secret), false, secret)
      assert.equal(text.includes('author_name'), false, 'no display names in the public version')
    }
    const pub = csvObjects((await csv('arguments', 'public')).text).find(a => a.id === c.arguments.hidden)!
    assert.deepEqual([pub.hidden, pub.body], ['true', 'hidden by moderation: offensive'])
  })

  it('opens in a spreadsheet: five sheets with headers, autofilters and widths; figures equal the synthesis', async () => {
    const r = await download(c.staff, `/bills/${c.bill.id}/export?format=xlsx`)
    assert.equal(r.status, 200)
    assert.equal(r.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.bytes as unknown as ExcelJS.Buffer)
    assert.deepEqual(wb.worksheets.map(w => w.name), ['Synthèse', 'Articles', 'Amendements', 'Arguments', 'Participation'], 'French by default')
    for (const ws of wb.worksheets) {
      assert.ok(ws.autoFilter, `${ws.name} has an autofilter`)
      assert.ok(ws.getColumn(1).width! > 0, `${ws.name} has column widths`)
      assert.equal(ws.getRow(1).font?.bold, true)
    }
    const rows = (name: string) => {
      const ws = wb.getWorksheet(name)!
      const header = (ws.getRow(1).values as unknown[]).slice(1) as string[]
      const out: Record<string, unknown>[] = []
      ws.eachRow((row, n) => { if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1]]))) })
      return out
    }
    const synthesis = new Map(rows('Synthèse').map(r => [r.Indicateur, r.Valeur]))
    assert.deepEqual([synthesis.get('Participants'), synthesis.get('Votes'), synthesis.get('Amendements'), synthesis.get('Arguments'), synthesis.get('Participants : organisations')],
      [syn.participation.participants.total, syn.participation.contributions.votes.total, syn.participation.contributions.amendments, syn.participation.contributions.arguments, 2])
    const articles = rows('Articles')
    for (const a of syn.articles) {
      const x = articles.find(r => r.Identifiant === a.id)!
      assert.deepEqual([x.Article, x.Pour, x['Mitigé'], x.Contre, x.Votes, x.Amendements, x['Arguments pour'], x['Arguments contre']],
        [a.num, a.tally.for, a.tally.mixed, a.tally.against, a.votes, a.amendments.total, a.arguments.for, a.arguments.against])
    }
    assert.equal(rows('Amendements').length, 6)
    const hidden = rows('Arguments').find(r => r.Identifiant === c.arguments.hidden)!
    assert.deepEqual([hidden['Masqué'], hidden.Argument], [true, 'Argument injurieux SECRET-ARGUMENT.'])
    assert.deepEqual(rows('Participation').map(r => [r['Jour (UTC)'], r.Votes]), syn.participation.days.map((d: any) => [d.day, d.votes]))
    const all = JSON.stringify(wb.worksheets.map(w => w.getSheetValues()))
    assert.doesNotMatch(all, EMAIL)
  })
})
