/** GET /readyz: 200 while the store answers and every added check passes; 503 otherwise, and while draining. */
import assert from 'node:assert/strict'
import { startServer, type TestServer } from '../helpers/server.ts'

describe('Operations: /readyz', () => {
  let s: TestServer
  afterEach(async () => { await s?.stop() })

  it('is ready with a reachable store, and /healthz is unchanged', async () => {
    s = await startServer()
    const r = await fetch(`${s.url}/readyz`)
    assert.equal(r.status, 200)
    assert.deepEqual(await r.json(), { ok: true, draining: false, checks: { store: true } })
    const h = await fetch(`${s.url}/healthz`)
    assert.deepEqual(await h.json(), { ok: true, store: 'sqlite', storeReachable: true })
  })

  it('turns 503 when a check added by an adapter fails, and 200 again when it passes', async () => {
    s = await startServer()
    let redisUp = false
    s.app.readiness.add('redis', () => redisUp)
    const down = await fetch(`${s.url}/readyz`)
    assert.equal(down.status, 503)
    assert.deepEqual(await down.json(), { ok: false, draining: false, checks: { store: true, redis: false } })
    redisUp = true
    assert.equal((await fetch(`${s.url}/readyz`)).status, 200)
    s.app.readiness.add('redis', () => { throw new Error('connection refused') })
    assert.equal((await fetch(`${s.url}/readyz`)).status, 503)
  })

  it('turns 503 when the store cannot be reached (its connection closed under it)', async () => {
    s = await startServer()
    await s.app.ctx.store.close()
    const r = await fetch(`${s.url}/readyz`)
    assert.equal(r.status, 503)
    assert.deepEqual((await r.json()).checks, { store: false })
  })
})
