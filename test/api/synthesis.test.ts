/**
 * GET /bills/:id/synthesis on a small consultation built through the API:
 * participation by profile type, kind and day; each article's tally,
 * shares and counts; the most supported amendments (Wilson lower bound) and
 * most upvoted arguments, hidden ones never put forward; decisions in
 * decision order with the editors' responses; the consolidated text.
 */
import assert from 'node:assert/strict'
import { consultationSuite } from '../helpers/consultation.ts'
import { supportScore } from '../../server/domain/ranking.ts'

describe('API: the synthesis of a consultation', function () {
  this.timeout(30_000)
  const { s, c, syn } = consultationSuite()

  const article = (id: string) => syn.articles.find((a: any) => a.id === id)

  it('is for anyone who may see the bill; a draft only for its editors', async () => {
    const draft = (await c.editor.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['x'] }] })).body
    assert.equal((await s.client().get(`/bills/${draft.id}/synthesis`)).status, 404)
    assert.equal((await c.people[0].get(`/bills/${draft.id}/synthesis`)).status, 404)
    const own = await c.editor.get(`/bills/${draft.id}/synthesis`)
    assert.equal(own.status, 200)
    assert.deepEqual([own.body.articles, own.body.participation.participants.total, own.body.consolidated.articles], [[], 0, []])
    assert.equal((await s.client().get('/bills/nope/synthesis')).status, 404)
  })

  it('counts participants by profile type, contributions by kind, and activity per day', () => {
    const p = syn.participation
    // Seven citizens, two organisations and one institution voted, argued or proposed; a withdrawn amendment alone does not count.
    assert.deepEqual(p.participants, { total: 10, citizen: 7, organisation: 2, institution: 1 })
    assert.deepEqual(p.contributions, { votes: { total: 35, articles: 12, amendments: 14, arguments: 9 }, amendments: 5, arguments: 6 })
    assert.equal(p.days.length, 1)
    assert.match(p.days[0].day, /^\d{4}-\d{2}-\d{2}$/)
    assert.deepEqual([p.days[0].votes, p.days[0].amendments, p.days[0].arguments], [35, 5, 6])
  })

  it('gives each article in order its tally, shares, amendments by status and arguments by side', () => {
    assert.deepEqual(syn.articles.map((a: any) => [a.num, a.position]), [['1er', 0], ['2', 1], ['2 bis', 2]])
    const [first, second, third] = syn.articles
    assert.deepEqual([first.tally, first.votes, first.shares], [{ for: 5, mixed: 2, against: 1 }, 8, { for: 0.625, mixed: 0.25, against: 0.125 }])
    assert.deepEqual(first.amendments, { total: 2, proposed: 0, accepted: 1, rejected: 1, withdrawn: 0 })
    assert.deepEqual(first.arguments, { for: 3, against: 1 })
    assert.deepEqual([second.tally, second.shares], [{ for: 1, mixed: 0, against: 3 }, { for: 0.25, mixed: 0, against: 0.75 }])
    assert.deepEqual(second.amendments, { total: 3, proposed: 3, accepted: 0, rejected: 0, withdrawn: 0 })
    assert.deepEqual(second.arguments, { for: 0, against: 1 })
    assert.deepEqual([third.votes, third.shares, third.amendments.withdrawn, third.amendments.total], [0, { for: 0, mixed: 0, against: 0 }, 1, 0])
  })

  it('agrees with the article views', async () => {
    const bill = (await s.client().get(`/bills/${c.bill.id}`)).body
    for (const a of bill.articles) {
      const x = article(a.id)
      assert.deepEqual([x.tally, x.amendments.total, x.arguments], [a.tally, a.amendmentCount, a.argumentCount])
    }
  })

  it('puts forward the most supported amendments by the Wilson lower bound, never a hidden one', () => {
    const top = article(c.articles.second).topAmendments
    // The hidden amendment has the most votes "for" (5) but is left out.
    assert.deepEqual(top.map((m: any) => m.id), [c.amendments.best, c.amendments.second])
    for (const m of top) assert.equal(m.support, supportScore(m.tally))
    assert.ok(top[0].support > top[1].support)
    assert.equal(top[0].wording.fr, 'À l\'alinéa 1, substituer au mot\u00a0: «\u00a0trente\u00a0» le mot\u00a0: «\u00a0quinze\u00a0».')
    assert.deepEqual([top[0].author.displayName, top[0].author.profileType, top[0].explanation], ['La Quadrature', 'organisation', 'Quinze jours suffisent.'])
    assert.equal(top[0].diff.alineas[0].kind, 'changed')
    assert.equal(syn.ranking.method, 'wilson-lower-bound')
    assert.match(syn.ranking.description, /Wilson/)
    assert.deepEqual(article(c.articles.third).topAmendments, [], 'a withdrawn amendment is not put forward')
  })

  it('puts forward the most upvoted arguments per side, never a hidden one', () => {
    const first = article(c.articles.first)
    assert.deepEqual(first.topArguments.for.map((g: any) => [g.body, g.upvotes]), [['La transparence renforce la confiance.', 3], ['Les chercheurs en ont besoin.', 1]])
    assert.deepEqual(first.topArguments.against.map((g: any) => g.id), [c.arguments.against])
    assert.equal(first.topArguments.for[0].author.displayName, 'Citoyen 0')
  })

  it('lists the decided amendments in decision order with the editors\' responses', () => {
    const decided = article(c.articles.first).decided
    assert.deepEqual(decided.map((m: any) => [m.id, m.status, m.decidedSeq, m.decision.response, m.decision.by.displayName]), [
      [c.amendments.accepted, 'accepted', 1, 'Adopté : le format ouvert s\'impose.', 'Députée Rapporteure'],
      [c.amendments.rejected, 'rejected', 2, 'Le décret reste nécessaire.', 'Députée Rapporteure']
    ])
    assert.deepEqual(article(c.articles.second).decided, [])
  })

  it('carries the consolidated text of GET /consolidated', async () => {
    const consolidated = (await s.client().get(`/bills/${c.bill.id}/consolidated`)).body
    assert.deepEqual(syn.consolidated, consolidated)
    assert.deepEqual(syn.consolidated.articles[0].consolidatedAlineas, ['Les administrations publient leurs données dans un format ouvert.', 'Un décret précise les formats.'])
  })

  it('never shows hidden text nor an email address', () => {
    const text = JSON.stringify(syn)
    for (const secret of c.hiddenTexts) assert.equal(text.includes(secret), false, secret)
    for (const email of c.emails) assert.equal(text.includes(email), false)
    assert.doesNotMatch(text, /@/)
  })
})
