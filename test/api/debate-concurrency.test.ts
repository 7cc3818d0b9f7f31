/**
 * Debate and moderation under concurrency, seeded: random users upvote,
 * withdraw upvotes and report arguments all at once, repeats included.
 * Afterwards upvote counters equal a recount, each argument's report count
 * equals its distinct reporters, and an argument reported by enough users
 * was hidden exactly once by the system.
 */
import assert from 'node:assert/strict'
import { publishedBill, ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { openSession } from '../../server/domain/accounts.ts'
import { recountTally } from '../helpers/recount.ts'
import { seeded } from '../helpers/random.ts'

describe('API: concurrent upvotes and reports (seeded)', () => {
  const THRESHOLD = 5
  const s = serverSuite({ config: { autohideReports: THRESHOLD } })

  for (const seed of [1, 2, 3]) {
    it(`keeps counters, reports and automatic hiding exact (seed ${seed})`, async function () {
      this.timeout(60_000)
      const rand = seeded(seed)
      const pick = rand.pick
      const bill = await publishedBill(await s.as('author'))
      const writer = await s.as('citizen')
      const args: string[] = []
      for (let i = 0; i < 4; i++) args.push((await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: i % 2 ? 'for' : 'against', body: `Argument ${i}.` })).body.id)
      const users: { id: string; c: ApiClient }[] = []
      for (let i = 0; i < 40; i++) {
        const u = { id: `usr_s${seed}_${i}`, email: `s${seed}_${i}@example.org`, displayName: `S${i}`, role: 'citizen' as const, profileType: 'citizen' as const, passwordHash: 'x', createdAt: new Date().toISOString(), emailVerified: true }
        await s.app.ctx.store.createUser(u)
        const c = new ApiClient(s.url)
        c.cookie = `alinea_session=${await openSession(s.app.ctx, u)}`
        users.push({ id: u.id, c })
      }
      const reporters = new Map<string, Set<string>>(args.map(a => [a, new Set()]))
      const ops = Array.from({ length: 400 }, () => {
        const u = pick(users)
        const a = pick(args)
        const r = rand()
        if (r < 0.45) return () => u.c.put(`/arguments/${a}/vote`)
        if (r < 0.7) return () => u.c.delete(`/arguments/${a}/vote`)
        reporters.get(a)!.add(u.id)
        return () => u.c.post('/reports', { target: { type: 'argument', id: a }, reason: pick(['spam', 'offensive', 'other']) })
      })
      const results = await Promise.all(ops.map(op => op()))
      // Upvoting a hidden argument is refused (422); nothing else may fail.
      assert.deepEqual([...new Set(results.map(r => r.status))].filter(st => ![200, 201, 422].includes(st)), [])
      assert.ok(results.filter(r => r.status === 422).every(r => r.body.error.code === 'argument_hidden'))
      const { store } = s.app.ctx
      const states = await store.getModerationStates('argument', args)
      const log = (await store.listModerationLog(undefined, 1000)).filter(a => args.includes(a.target.id))
      for (const a of args) {
        const t = { type: 'argument' as const, id: a }
        assert.deepEqual(await recountTally(store, bill.id, t), await store.getTally(t), `upvotes of ${a}`)
        const distinct = reporters.get(a)!.size
        assert.equal(states.get(a)?.reports ?? 0, distinct, `reports of ${a}`)
        assert.equal((await store.listReports([{ type: 'argument', id: a }])).length, distinct)
        const hides = log.filter(x => x.target.id === a && x.by === 'system').length
        assert.equal(hides, distinct >= THRESHOLD ? 1 : 0, `automatic hides of ${a} (${distinct} reporters)`)
        assert.equal(states.get(a)?.hidden ?? false, distinct >= THRESHOLD)
      }
    })
  }
})
