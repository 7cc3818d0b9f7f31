/**
 * Seeded randomised run of concurrent amendment traffic: proposals, votes,
 * racing decisions and withdrawals. Afterwards every amendment is in one
 * state, each race had one winner, counts and tallies match, decision ranks
 * are distinct, and the consolidated text accounts for every accepted
 * amendment (applied or listed as a conflict) in decision order.
 * `SEED=n` replays one run.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { recountTally } from '../helpers/recount.ts'
import { seeded } from '../helpers/random.ts'

const WORDS = ['trente', 'quinze', 'vingt', 'jours', 'mois', 'décret', 'arrêté', 'préfet', 'maire', 'commune', 'État', 'loi']
const SEEDS = process.env.SEED ? [Number(process.env.SEED)] : [1, 2, 3]

describe('API: concurrent amendments (seeded)', function () {
  this.timeout(120_000)
  const s = serverSuite()

  for (const seed of SEEDS) {
    it(`keeps every invariant under concurrent proposals, votes, decisions and withdrawals (seed ${seed})`, async () => {
      const rnd = seeded(seed)
      const pick = rnd.pick
      const editor = await s.as('author')
      const bill = await publishedBill(editor, [
        { num: '1er', alineas: ['Le délai est de trente jours.', 'Un décret fixe les modalités.', 'Le maire informe la commune.'] },
        { num: '2', alineas: ['La loi entre en vigueur dans un mois.'] }
      ])
      const articles: { id: string; alineas: string[] }[] = bill.articles
      const users: ApiClient[] = []
      for (let i = 0; i < 8; i++) users.push(await s.as('citizen'))

      // Proposals: one or two words replaced somewhere in the article, concurrently.
      const proposals = await Promise.all(Array.from({ length: 24 }, async () => {
        const author = pick(users)
        const article = pick(articles)
        const alineas = article.alineas.map(a => a.split(' '))
        for (let k = 0; k < 1 + Math.floor(rnd() * 2); k++) {
          const line = pick(alineas)
          line[Math.floor(rnd() * line.length)] = pick(WORDS)
        }
        const text = alineas.map(words => words.join(' '))
        const r = await author.post(`/articles/${article.id}/amendments`, { alineas: text, explanation: 'Aléatoire.', baseRevision: 1 })
        assert.ok(r.status === 201 || (r.status === 422 && r.body.error.code === 'identical'), JSON.stringify(r.body))
        return r.status === 201 ? { id: r.body.id as string, articleId: article.id, author } : null
      }))
      const amendments = proposals.filter(p => p !== null)

      // Votes, racing decisions and withdrawals, all at once.
      const races = new Map<string, number[]>()
      const ops: Promise<void>[] = []
      for (const a of amendments) {
        for (let v = 0; v < 3; v++) {
          ops.push(pick(users).put(`/amendments/${a.id}/vote`, { value: pick(['for', 'mixed', 'against'] as const) }).then(r => {
            assert.ok([200, 422].includes(r.status), `vote ${r.status}`)
          }))
        }
        const contenders: Promise<number>[] = []
        if (rnd() < 0.7) contenders.push(editor.post(`/amendments/${a.id}/decision`, { status: rnd() < 0.6 ? 'accepted' : 'rejected', response: 'R.' }).then(r => r.status))
        if (rnd() < 0.4) contenders.push(editor.post(`/amendments/${a.id}/decision`, { status: 'accepted', response: 'R2.' }).then(r => r.status))
        if (rnd() < 0.3) contenders.push(a.author.post(`/amendments/${a.id}/withdraw`).then(r => r.status))
        ops.push(Promise.all(contenders).then(statuses => { races.set(a.id, statuses) }))
      }
      await Promise.all(ops)

      // One winner per race; final states agree.
      const store = s.app.ctx.store
      for (const a of amendments) {
        const statuses = races.get(a.id)!
        const stored = (await store.getAmendment(a.id))!
        if (statuses.length === 0) {
          assert.equal(stored.status, 'proposed')
          continue
        }
        assert.equal(statuses.filter(x => x === 200).length, 1, `${a.id}: ${statuses}`)
        assert.ok(statuses.every(x => x === 200 || x === 409))
        assert.notEqual(stored.status, 'proposed')
        assert.equal(stored.decision === null, stored.status === 'withdrawn')
        const recount = await recountTally(store, stored.billId, { type: 'amendment', id: a.id })
        assert.deepEqual(await store.getTally({ type: 'amendment', id: a.id }), recount)
      }

      // Counts leave withdrawn ones out.
      for (const article of articles) {
        const live = []
        for (const a of amendments.filter(x => x.articleId === article.id)) {
          if ((await store.getAmendment(a.id))!.status !== 'withdrawn') live.push(a.id)
        }
        assert.equal((await s.client().get(`/articles/${article.id}`)).body.amendmentCount, live.length)
      }

      // Decision ranks are distinct; consolidation accounts for every accepted amendment, in decision order.
      const decided = (await Promise.all(amendments.map(a => store.getAmendment(a.id)))).filter(a => a!.decidedSeq !== null)
      const ranks = decided.map(a => a!.decidedSeq!)
      assert.equal(new Set(ranks).size, ranks.length)
      const accepted = await store.listAcceptedAmendments(bill.id)
      const consolidated = (await s.client().get(`/bills/${bill.id}/consolidated`)).body
      assert.ok(accepted.length > 0, 'the run accepted something')
      for (const c of consolidated.articles) {
        const mine = accepted.filter(a => a.articleId === c.articleId).map(a => a.id)
        const accounted = [...c.applied, ...c.conflicts.map((x: any) => x.amendmentId)]
        assert.deepEqual([...accounted].sort(), [...mine].sort(), 'no accepted amendment is lost')
        assert.deepEqual(c.applied, mine.filter(id => c.applied.includes(id)), 'applied in decision order')
        if (c.applied.length === 0) assert.deepEqual(c.consolidatedAlineas, c.revisionAlineas)
      }
    })
  }
})
