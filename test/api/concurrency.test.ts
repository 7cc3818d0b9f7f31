/** Votes under concurrency: one vote per user, counters equal to a recount. */
import assert from 'node:assert/strict'
import { publishedBill, ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { openSession } from '../../server/domain/accounts.ts'
import type { UserRecord } from '../../server/store/store.ts'
import { recountTally } from '../helpers/recount.ts'

describe('API: concurrent votes', () => {
  const s = serverSuite()
  let bill: any
  before(async () => {
    bill = await publishedBill(await s.as('author'))
  })

  it('200 parallel votes by the same user leave exactly one vote', async () => {
    const c = await s.as('citizen')
    const art = bill.articles[0].id
    const values = ['for', 'mixed', 'against']
    const rs = await Promise.all(Array.from({ length: 200 }, (_, i) => c.put(`/articles/${art}/vote`, { value: values[i % 3] })))
    assert.ok(rs.every(r => r.status === 200))
    const tally = await s.app.ctx.store.getTally({ type: 'article', id: art })
    assert.equal(tally.for + tally.mixed + tally.against, 1)
    assert.deepEqual(await recountTally(s.app.ctx.store, bill.id, { type: 'article', id: art }), tally)
  })

  it('1,000 parallel votes by 1,000 users leave counters equal to a recount', async function () {
    this.timeout(60_000)
    const art = bill.articles[1].id
    const { store } = s.app.ctx
    const clients: ApiClient[] = []
    // Accounts are created directly (hashing 1,000 passwords would test scrypt, not votes).
    for (let i = 0; i < 1000; i++) {
      const u: UserRecord = { id: `usr_load${i}`, email: `load${i}@example.org`, displayName: `L${i}`, role: 'citizen', profileType: 'citizen', passwordHash: 'x', createdAt: new Date().toISOString(), emailVerified: true }
      await store.createUser(u)
      const c = new ApiClient(s.url)
      c.cookie = `alinea_session=${await openSession(s.app.ctx, u)}`
      clients.push(c)
    }
    const values = ['for', 'mixed', 'against']
    const rs = await Promise.all(clients.map((c, i) => c.put(`/articles/${art}/vote`, { value: values[(i * 7) % 3] })))
    assert.ok(rs.every(r => r.status === 200), `statuses: ${[...new Set(rs.map(r => r.status))]}`)
    const tally = await store.getTally({ type: 'article', id: art })
    assert.equal(tally.for + tally.mixed + tally.against, 1000)
    assert.deepEqual(await recountTally(store, bill.id, { type: 'article', id: art }), tally)
    assert.deepEqual(tally, { for: 334, mixed: 333, against: 333 })
  })
})
