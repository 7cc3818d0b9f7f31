/**
 * Per-user contribution limits (2 a minute per kind here): the third
 * argument or report within a minute is a 429 `rate_limited` that changes
 * nothing; kinds and users are counted apart; refused contributions do not
 * use up the allowance; the window slides with the clock.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: per-user contribution limits', () => {
  let clock = Date.now()
  let bill: any
  let article: string
  const s = serverSuite({ config: { contributionsPerMinute: 2 }, now: () => new Date(clock) })
  before(async () => {
    bill = await publishedBill(await s.as('author'))
    article = bill.articles[0].id
  })

  const argue = (c: ApiClient, body: string, on = article) => c.post(`/articles/${on}/arguments`, { side: 'for', body })
  const count = async () => (await s.client().get(`/articles/${article}/arguments?limit=50`)).body.items.length

  it('answers the third argument within a minute with 429 rate_limited and stores nothing', async () => {
    const c = await s.as('citizen')
    const before = await count()
    assert.equal((await argue(c, 'Un.')).status, 201)
    assert.equal((await argue(c, 'Deux.')).status, 201)
    const third = await argue(c, 'Trois.')
    assert.equal(third.status, 429)
    assert.equal(third.body.error.code, 'rate_limited')
    assert.match(third.body.error.message, /at most 2 a minute/)
    assert.ok(Number(third.headers.get('retry-after')) > 0)
    assert.equal(await count(), before + 2)
    assert.equal((await argue(await s.as('citizen'), 'Un autre utilisateur.')).status, 201, 'users are counted apart')
    clock += 61_000
    assert.equal((await argue(c, 'Trois, plus tard.')).status, 201, 'the window slides')
  })

  it('does not use up the allowance with refused contributions', async () => {
    const c = await s.as('citizen')
    assert.equal((await argue(c, 'x'.repeat(2001))).status, 400)
    assert.equal((await argue(c, 'Nulle part.', 'art_nope')).status, 404)
    assert.equal((await argue(c, 'Un.')).status, 201)
    assert.equal((await argue(c, 'Deux.')).status, 201)
  })

  it('limits reports likewise, apart from arguments; a repeated report is not a new one', async () => {
    const writer = await s.as('citizen')
    clock += 61_000
    const ids = [(await argue(writer, 'A.')).body.id, (await argue(writer, 'B.')).body.id]
    clock += 61_000
    ids.push((await argue(writer, 'C.')).body.id)
    const reporter = await s.as('citizen')
    const report = (id: string) => reporter.post('/reports', { target: { type: 'argument', id }, reason: 'spam' })
    assert.equal((await argue(reporter, 'Mon argument.')).status, 201)
    assert.equal((await argue(reporter, 'Mon second argument.')).status, 201)
    assert.equal((await report(ids[0])).status, 201, 'arguments and reports are counted apart')
    assert.equal((await report(ids[0])).status, 200)
    assert.equal((await report(ids[1])).status, 201)
    const third = await report(ids[2])
    assert.deepEqual([third.status, third.body.error.code], [429, 'rate_limited'])
    assert.equal((await s.app.ctx.store.getUserReport(reporter.userId, { type: 'argument', id: ids[2] })), null)
    assert.equal((await s.app.ctx.store.getModerationStates('argument', [ids[2]])).size, 0)
  })

  it('limits amendments with the same limiter', async () => {
    clock += 61_000
    const c = await s.as('citizen')
    const propose = (text: string) => c.post(`/articles/${bill.articles[1].id}/amendments`, { alineas: [text], explanation: 'Pourquoi pas.', baseRevision: bill.revision })
    assert.equal((await propose('Le délai est de quinze jours.')).status, 201)
    assert.equal((await argue(c, 'Et un argument.')).status, 201)
    assert.equal((await propose('Le délai est de dix jours.')).status, 201)
    const third = await propose('Le délai est de cinq jours.')
    assert.deepEqual([third.status, third.body.error.code], [429, 'rate_limited'])
  })
})
