/**
 * The short cache of session and token lookups: repeated requests do not read the credential
 * again, and yet logout, a role change or any write to the account is seen by the next request.
 */
import assert from 'node:assert/strict'
import { startServer, ApiClient, type TestServer } from '../helpers/server.ts'

/** How many times the store was asked for a credential (from /metrics). */
async function credentialReads (s: TestServer): Promise<number> {
  const text = await (await fetch(`${s.url}/metrics`)).text()
  const m = /^alinea_store_operation_duration_seconds_count\{operation="getCredential"\} (\d+)$/m.exec(text)
  return m ? Number(m[1]) : 0
}

describe('Operations: cached session and token lookups', () => {
  let s: TestServer
  beforeEach(async () => { s = await startServer({ config: { authCacheMs: 60_000 } }) })
  afterEach(async () => { await s.stop() })

  it('reads a session once for many requests', async () => {
    const c = await s.as('citizen')
    assert.equal((await c.get('/me')).status, 200)
    const before = await credentialReads(s)
    for (let i = 0; i < 5; i++) assert.equal((await c.get('/me')).status, 200)
    assert.equal(await credentialReads(s), before)
  })

  it('reads every time when the cache is off (ALINEA_AUTH_CACHE_MS=0)', async () => {
    await s.stop()
    s = await startServer({ config: { authCacheMs: 0 } })
    const c = await s.as('citizen')
    const before = await credentialReads(s)
    for (let i = 0; i < 3; i++) assert.equal((await c.get('/me')).status, 200)
    assert.equal(await credentialReads(s), before + 3)
  })

  it('refuses a session right after logout, and a token kind is not taken for a cookie', async () => {
    const c = await s.as('citizen')
    assert.equal((await c.get('/me')).status, 200)
    const cookie = c.cookie!
    assert.equal((await c.post('/auth/logout')).status, 204)
    const replay = new ApiClient(s.url)
    replay.cookie = cookie
    assert.equal((await replay.get('/me')).status, 401)
    const t = await s.as('citizen')
    const token = (await t.post('/auth/tokens', {})).body.token as string
    const asToken = new ApiClient(s.url)
    asToken.token = token
    assert.equal((await asToken.get('/me')).status, 200)
    const tokenAsCookie = new ApiClient(s.url)
    tokenAsCookie.cookie = `alinea_session=${token}`
    assert.equal((await tokenAsCookie.get('/me')).status, 401)
  })

  it('sees a role change at the next request, on every cached session of the user', async () => {
    const admin = await s.as('admin')
    const c = await s.as('citizen')
    const token = (await c.post('/auth/tokens', {})).body.token as string
    const t = new ApiClient(s.url)
    t.token = token
    assert.equal((await c.get('/me')).body.role, 'citizen')
    assert.equal((await t.get('/me')).body.role, 'citizen')
    assert.equal((await c.post('/bills', { title: 'Refused', articles: [{ num: '1er', alineas: ['x'] }] })).status, 403)
    assert.equal((await admin.patch(`/users/${c.userId}`, { role: 'author' })).status, 200)
    assert.equal((await c.get('/me')).body.role, 'author')
    assert.equal((await t.get('/me')).body.role, 'author')
    assert.equal((await c.post('/bills', { title: 'Allowed', articles: [{ num: '1er', alineas: ['x'] }] })).status, 201)
  })

  it('sees a write to the account made through the store without an event', async () => {
    const c = await s.as('citizen')
    assert.equal((await c.get('/me')).body.role, 'citizen')
    await s.app.ctx.store.setUserRole(c.userId, 'moderator')
    assert.equal((await c.get('/me')).body.role, 'moderator')
  })

  it('drops the sessions named by a session:ended event (another node logged them out)', async () => {
    const c = await s.as('citizen')
    assert.equal((await c.get('/me')).status, 200)
    const before = await credentialReads(s)
    s.app.ctx.events.emit('session:ended', { userId: c.userId, credentialIds: 'all' })
    assert.equal((await c.get('/me')).status, 200)
    assert.equal(await credentialReads(s), before + 1, 'looked up again after the event')
  })
})
