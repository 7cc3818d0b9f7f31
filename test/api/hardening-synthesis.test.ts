/**
 * The synthesis cannot be used to stall the server: long reads go through a
 * bounded pool with a bounded queue (503 with Retry-After past it), a
 * bill's synthesis is computed once for concurrent requests and reused
 * until a write, and expensive reads are limited per address.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import { StoreBusyError } from '../../server/store/store.ts'

describe('hardening: synthesis flood', function () {
  this.timeout(60_000)

  describe('bounded read pool', () => {
    let dir: string
    let bill: any
    before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-pool-')) })
    const s = serverSuite(() => ({ store: openSqliteStore(join(dir, 'pool.db'), { reads: { threads: 1, queue: 2 } }), config: { synthesisCacheMs: 0 } }))
    before(async () => {
      bill = await publishedBill(await s.as('author'))
      const voter = await s.as('citizen')
      await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })
    })
    after(() => { rmSync(dir, { recursive: true, force: true }) })

    it('refuses reads past its queue with StoreBusyError instead of starting a thread each', async () => {
      // Issued in one tick: no worker can answer before all of them are asked.
      const results = await Promise.allSettled(Array.from({ length: 12 }, () => s.app.ctx.store.participation(bill.id)))
      const done = results.filter(r => r.status === 'fulfilled')
      const refused = results.filter(r => r.status === 'rejected')
      assert.ok(done.length >= 1 && done.length <= 3, `one running and two waiting at most, got ${done.length}`)
      for (const r of refused) assert.ok((r as PromiseRejectedResult).reason instanceof StoreBusyError)
      for (const r of done) assert.equal((r as PromiseFulfilledResult<any>).value.votes.article, 1)
      // Once the queue drains, reads are served again.
      assert.equal((await s.app.ctx.store.participation(bill.id)).votes.article, 1)
    })

    it('answers a flood with 200 or 503 + Retry-After, never a 500', async () => {
      const replies = await Promise.all(Array.from({ length: 40 }, () => s.client().get(`/bills/${bill.id}/synthesis`)))
      for (const r of replies) {
        assert.ok(r.status === 200 || r.status === 503, `status ${r.status}`)
        if (r.status === 503) {
          assert.equal(r.body.error.code, 'unavailable')
          assert.ok(Number(r.headers.get('retry-after')) >= 1)
        }
      }
      assert.ok(replies.some(r => r.status === 200))
      assert.equal((await s.client().get('/healthz')).status, 200)
    })
  })

  describe('synthesis cache', () => {
    let tick = 0
    // A clock that moves one millisecond per reading: every computation has its own generatedAt.
    const start = Date.now()
    const s = serverSuite({ now: () => new Date(start + tick++) })

    it('computes once for concurrent requests and reuses it until a write to the bill', async () => {
      const author = await s.as('author')
      const bill = await publishedBill(author)
      const other = await publishedBill(author)
      const replies = await Promise.all(Array.from({ length: 30 }, () => s.client().get(`/bills/${bill.id}/synthesis`)))
      assert.ok(replies.every(r => r.status === 200))
      assert.equal(new Set(replies.map(r => r.body.generatedAt)).size, 1, 'one computation for all')
      const again = await s.client().get(`/bills/${bill.id}/synthesis`)
      assert.equal(again.body.generatedAt, replies[0].body.generatedAt, 'reused')
      assert.equal(again.body.participation.contributions.votes.total, 0)

      // A vote on another bill does not touch this one's; a vote on this one does.
      const voter = await s.as('citizen')
      await voter.put(`/articles/${other.articles[0].id}/vote`, { value: 'for' })
      assert.equal((await s.client().get(`/bills/${bill.id}/synthesis`)).body.generatedAt, replies[0].body.generatedAt)
      await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })
      const fresh = await s.client().get(`/bills/${bill.id}/synthesis`)
      assert.notEqual(fresh.body.generatedAt, replies[0].body.generatedAt)
      assert.equal(fresh.body.participation.contributions.votes.total, 1)
      // An argument is a write too.
      await voter.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'Un argument.' })
      assert.equal((await s.client().get(`/bills/${bill.id}/synthesis`)).body.participation.contributions.arguments, 1)
    })

    it('still hides a draft\'s synthesis from those who may not see it', async () => {
      const author = await s.as('author')
      const draft = (await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
      assert.equal((await author.get(`/bills/${draft.id}/synthesis`)).status, 200)
      assert.equal((await s.client().get(`/bills/${draft.id}/synthesis`)).status, 404)
    })
  })

  describe('per-address limit on expensive reads', () => {
    const s = serverSuite({ config: { ipLimits: true, expensiveReadsPerMinute: 5 } })

    it('answers 429 with Retry-After past the limit, synthesis and exports together; other reads go on', async () => {
      const author = await s.as('author')
      const bill = await publishedBill(author)
      const statuses: number[] = []
      for (let i = 0; i < 3; i++) statuses.push((await s.client().get(`/bills/${bill.id}/synthesis`)).status)
      for (let i = 0; i < 2; i++) statuses.push((await s.client().get(`/bills/${bill.id}/export?format=json`)).status)
      assert.deepEqual(statuses, [200, 200, 200, 200, 200])
      const over = await s.client().get(`/bills/${bill.id}/synthesis`)
      assert.equal(over.status, 429)
      assert.equal(over.body.error.code, 'rate_limited')
      assert.ok(Number(over.headers.get('retry-after')) > 0)
      assert.equal((await s.client().get(`/bills/${bill.id}/export?format=csv`)).status, 429)
      assert.equal((await s.client().get(`/bills/${bill.id}`)).status, 200)
    })
  })
})
