/**
 * The open data (`format=json`): parsed back, its figures equal the
 * synthesis; authors and voters are pseudonyms (stable per bill, from two
 * separate spaces) with their profile types, never a user id or an email;
 * hidden content is flagged, its text replaced for the public and kept for
 * staff.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { consultationSuite, download } from '../helpers/consultation.ts'
import { assertConsultationName } from '../helpers/download-name.ts'

describe('API: open data export (json)', function () {
  this.timeout(30_000)
  const { s, c, syn } = consultationSuite()
  let publicText: string
  let open: any
  let staffText: string
  let staff: any
  before(async () => {
    const pub = await download(s.client(), `/bills/${c.bill.id}/export?format=json`)
    assert.equal(pub.status, 200, pub.text)
    publicText = pub.text
    open = JSON.parse(pub.text)
    const st = await download(c.staff, `/bills/${c.bill.id}/export?format=json&audience=staff`)
    assert.equal(st.status, 200, st.text)
    staffText = st.text
    staff = JSON.parse(st.text)
  })

  it('is a JSON download with the bill, its revisions and articles, amendments, arguments and votes', async () => {
    const r = await download(s.client(), `/bills/${c.bill.id}/export?format=json`)
    assert.equal(r.headers.get('content-type'), 'application/json; charset=utf-8')
    assertConsultationName(r.headers.get('content-disposition'), 'donnees', 'json')
    assert.deepEqual(Object.keys(open), ['format', 'version', 'audience', 'generatedAt', 'bill', 'revisions', 'articles', 'amendments', 'arguments', 'votes'])
    assert.deepEqual([open.format, open.version, open.audience, staff.audience], ['alinea-open-data', 1, 'public', 'staff'])
    assert.deepEqual([open.bill.id, open.bill.title, open.bill.revision], [c.bill.id, c.bill.title, 1])
    assert.deepEqual(open.revisions.map((r: any) => [r.number, r.articles.map((a: any) => a.num)]), [[1, ['1er', '2', '2 bis']]])
    assert.deepEqual(open.revisions[0].articles[1].alineas, ['Le délai est de trente jours.', 'Un décret fixe les modalités.'])
    // Every amendment, withdrawn ones included, numbered in creation order; arguments not deleted; every vote.
    assert.deepEqual(open.amendments.map((a: any) => a.number), [1, 2, 3, 4, 5, 6])
    assert.equal(open.amendments.filter((a: any) => a.status === 'withdrawn').length, 1)
    assert.equal(open.arguments.length, syn.participation.contributions.arguments)
    assert.equal(open.votes.length, syn.participation.contributions.votes.total)
  })

  it('has the figures of the synthesis', () => {
    for (const a of syn.articles) {
      const x = open.articles.find((o: any) => o.id === a.id)
      assert.deepEqual([x.num, x.position, x.tally, x.votes, x.shares, x.amendments, x.arguments], [a.num, a.position, a.tally, a.votes, a.shares, a.amendments, a.arguments])
    }
    const best = open.amendments.find((a: any) => a.id === c.amendments.best)
    const top = syn.articles[1].topAmendments[0]
    assert.deepEqual([best.tally, best.support, best.wording, best.articleNum], [top.tally, top.support, top.wording, '2'])
    const accepted = open.amendments.find((a: any) => a.id === c.amendments.accepted)
    assert.deepEqual([accepted.status, accepted.decidedSeq, accepted.decision.response], ['accepted', 1, 'Adopté : le format ouvert s\'impose.'])
    // Votes recount to the tallies: per target and value.
    for (const a of syn.articles) {
      const mine = open.votes.filter((v: any) => v.target.type === 'article' && v.target.id === a.id)
      assert.deepEqual({ for: 0, mixed: 0, against: 0, ...Object.fromEntries(['for', 'mixed', 'against'].map(v => [v, mine.filter((x: any) => x.value === v).length])) }, a.tally)
    }
    const upvotes = open.votes.filter((v: any) => v.target.type === 'argument' && v.target.id === c.arguments.topFor)
    assert.equal(upvotes.length, open.arguments.find((g: any) => g.id === c.arguments.topFor).upvotes)
    const profiles = new Map<string, string>()
    for (const v of open.votes) profiles.set(v.voter, v.voterProfile)
    assert.deepEqual([...profiles.values()].sort(), ['citizen', 'citizen', 'citizen', 'citizen', 'citizen', 'citizen', 'institution', 'organisation', 'organisation'])
  })

  it('names people by pseudonyms: stable per bill, authors and voters apart, no user id, other bills differ', async () => {
    for (const p of [c.editor, c.staff, c.moderator, ...c.people]) {
      assert.equal(publicText.includes(p.userId), false, 'no user id')
      assert.equal(staffText.includes(p.userId), false, 'no user id for staff either')
    }
    const authors = new Set([...open.amendments.map((a: any) => a.author), ...open.arguments.map((g: any) => g.author)])
    const voters = new Set(open.votes.map((v: any) => v.voter))
    for (const id of authors) assert.match(id as string, /^a_[A-Za-z0-9_-]{16}$/)
    for (const id of voters) assert.match(id as string, /^v_[A-Za-z0-9_-]{16}$/)
    assert.equal([...authors].some(a => voters.has(a)), false)
    // Citoyen 0 wrote the top argument and voted: one author id, one voter id, the same in every export.
    const again = JSON.parse((await download(s.client(), `/bills/${c.bill.id}/export?format=json`)).text)
    assert.deepEqual(again.arguments.map((g: any) => g.author), open.arguments.map((g: any) => g.author))
    assert.deepEqual(again.votes.map((v: any) => v.voter), open.votes.map((v: any) => v.voter))
    assert.deepEqual(staff.arguments.map((g: any) => g.author), open.arguments.map((g: any) => g.author))
    const topFor = open.arguments.find((g: any) => g.id === c.arguments.topFor)
    const otherBill = await publishedBill(c.editor)
    await c.people[0].post(`/articles/${otherBill.articles[0].id}/arguments`, { side: 'for', body: 'Ailleurs aussi.' })
    const other = JSON.parse((await download(s.client(), `/bills/${otherBill.id}/export?format=json`)).text)
    assert.notEqual(other.arguments[0].author, topFor.author, 'pseudonyms differ between bills')
    assert.equal(topFor.authorProfile, 'citizen')
  })

  it('never contains an email address', () => {
    for (const text of [publicText, staffText]) {
      for (const email of c.emails) assert.equal(text.includes(email), false, email)
      assert.doesNotMatch(text, /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/)
    }
  })

  it('flags hidden content; the public gets its place without its text, staff get the text', () => {
    for (const secret of c.hiddenTexts) {
      assert.equal(publicText.includes(secret), false, `public: ${secret}`)
      assert.equal(staffText.includes(secret), true, `staff: ${secret}`)
    }
    const arg = open.arguments.find((g: any) => g.id === c.arguments.hidden)
    assert.deepEqual([arg.hidden, arg.hiddenReason, arg.body, arg.upvotes], [true, 'offensive', 'hidden by moderation: offensive', 5])
    const staffArg = staff.arguments.find((g: any) => g.id === c.arguments.hidden)
    assert.deepEqual([staffArg.hidden, staffArg.body], [true, 'Argument injurieux SECRET-ARGUMENT.'])
    const am = open.amendments.find((a: any) => a.id === c.amendments.hidden)
    assert.deepEqual([am.hidden, am.explanation, am.alineas, am.diff, am.wording, am.tally.for], [true, 'hidden by moderation: offensive', [], null, null, 5])
    const staffAm = staff.amendments.find((a: any) => a.id === c.amendments.hidden)
    assert.deepEqual([staffAm.hidden, staffAm.explanation], [true, 'Exposé injurieux SECRET-EXPOSE.'])
    assert.equal(open.arguments.filter((g: any) => g.hidden).length, 1)
  })

  it('refuses the staff version to others; the public version is for anyone', async () => {
    const path = `/bills/${c.bill.id}/export?format=json&audience=staff`
    assert.equal((await download(s.client(), path)).status, 401)
    assert.equal((await download(c.people[0], path)).status, 403)
    assert.equal((await download(c.moderator, path)).status, 403)
    assert.equal((await download(c.editor, path)).status, 200)
    const bad = await s.client().get(`/bills/${c.bill.id}/export?format=yaml`)
    assert.deepEqual([bad.status, bad.body.error.code], [400, 'invalid_input'])
    assert.equal((await s.client().get(`/bills/${c.bill.id}/export`)).status, 400)
    assert.equal((await s.client().get(`/bills/${c.bill.id}/export?format=json&audience=everyone`)).status, 400)
    assert.equal((await s.client().get('/bills/nope/export?format=json')).status, 404)
  })
})
