import assert from 'node:assert/strict'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: per-address rate limits', () => {
  const s = serverSuite({ config: { ipLimits: true } })

  it('answers 429 with Retry-After after too many sign-in attempts, and signs nobody in', async () => {
    const c = s.client()
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) statuses.push((await c.post('/auth/login', { email: 'x@example.org', password: 'not the password' })).status)
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401))
    const last = await c.post('/auth/login', { email: 'x@example.org', password: 'not the password' })
    assert.equal(last.status, 429)
    assert.equal(last.body.error.code, 'rate_limited')
    assert.ok(Number(last.headers.get('retry-after')) > 0)
    assert.equal(c.cookie, null)
  })
})
