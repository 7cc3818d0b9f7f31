import assert from 'node:assert/strict'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: accounts and sessions', () => {
  const s = serverSuite()

  it('registers, sets an httpOnly SameSite session cookie, and knows who I am', async () => {
    const c = s.client()
    const r = await c.post('/auth/register', { email: 'Alice@Example.org', password: 'a long enough password', displayName: 'Alice' })
    assert.equal(r.status, 201)
    assert.deepEqual(Object.keys(r.body).sort(), ['displayName', 'email', 'emailVerified', 'hasPassword', 'id', 'locale', 'notify', 'oidc', 'profileType', 'role'])
    assert.equal(r.body.email, 'alice@example.org')
    assert.equal(r.body.role, 'citizen')
    const cookie = r.headers.getSetCookie().find(x => x.startsWith('alinea_session='))!
    assert.match(cookie, /HttpOnly/i)
    assert.match(cookie, /SameSite=Lax/i)
    assert.equal((await c.get('/me')).body.id, r.body.id)
  })

  it('refuses a second account with the same email (409) and a short password (400)', async () => {
    const c = s.client()
    await c.post('/auth/register', { email: 'bob@example.org', password: 'a long enough password', displayName: 'Bob' })
    const again = await s.client().post('/auth/register', { email: 'BOB@example.org', password: 'another long password', displayName: 'Bob 2' })
    assert.equal(again.status, 409)
    assert.equal(again.body.error.code, 'email_taken')
    const short = await s.client().post('/auth/register', { email: 'carl@example.org', password: 'short', displayName: 'Carl' })
    assert.equal(short.status, 400)
    assert.equal(short.body.error.code, 'invalid_input')
  })

  it('stores the password hashed with scrypt', async () => {
    await s.client().post('/auth/register', { email: 'dora@example.org', password: 'dora password 123', displayName: 'Dora' })
    const u = await s.app.ctx.store.getUserByEmail('dora@example.org')
    assert.match(u!.passwordHash, /^scrypt\$/)
    assert.ok(!u!.passwordHash.includes('dora password'))
  })

  it('signs in, signs out, and the old cookie no longer works', async () => {
    const c = s.client()
    await c.post('/auth/register', { email: 'eve@example.org', password: 'eve password 1234', displayName: 'Eve' })
    const old = c.cookie
    assert.equal((await c.post('/auth/logout')).status, 204)
    assert.equal((await c.get('/me')).status, 401)
    const replay = s.client()
    replay.cookie = old
    assert.equal((await replay.get('/me')).status, 401)
    assert.equal((await c.post('/auth/login', { email: 'eve@example.org', password: 'wrong password!!' })).status, 401)
    assert.equal((await c.post('/auth/login', { email: 'nobody@example.org', password: 'wrong password!!' })).status, 401)
    assert.equal((await c.post('/auth/login', { email: 'EVE@example.org', password: 'eve password 1234' })).status, 200)
    assert.equal((await c.get('/me')).body.email, 'eve@example.org')
  })

  it('gives a personal API token that works as a Bearer credential', async () => {
    const c = await s.as('citizen')
    const t = await c.post('/auth/tokens', {})
    assert.equal(t.status, 201)
    const script = s.client()
    script.token = t.body.token
    assert.equal((await script.get('/me')).status, 200)
    assert.equal((await s.client().post('/auth/tokens', {})).status, 401)
    const forged = s.client()
    forged.token = 'alinea_forged'
    assert.equal((await forged.get('/me')).status, 401)
  })

  it('lets an admin change a role, and nobody else', async () => {
    const admin = await s.as('admin')
    const citizen = await s.as('citizen')
    assert.equal((await citizen.patch(`/users/${citizen.userId}`, { role: 'admin' })).status, 403)
    assert.equal((await s.client().patch(`/users/${citizen.userId}`, { role: 'admin' })).status, 401)
    const r = await admin.patch(`/users/${citizen.userId}`, { role: 'author' })
    assert.equal(r.status, 200)
    assert.equal(r.body.role, 'author')
    assert.equal((await citizen.get('/me')).body.role, 'author')
    assert.equal((await admin.patch('/users/usr_nobody', { role: 'author' })).status, 404)
    assert.equal((await admin.patch(`/users/${citizen.userId}`, { role: 'king' })).status, 400)
    assert.equal((await admin.patch(`/users/${admin.userId}`, { role: 'citizen' })).status, 409)
  })

  it('refuses a state-changing request from another origin made with the session cookie', async () => {
    const c = await s.as('admin')
    const evil = await c.request('PATCH', `/users/${c.userId}`, { role: 'admin' }, { origin: 'https://evil.example' })
    assert.equal(evil.status, 403)
    const site = await c.request('POST', '/auth/tokens', {}, { 'sec-fetch-site': 'cross-site' })
    assert.equal(site.status, 403)
    const same = await c.request('POST', '/auth/tokens', {}, { origin: s.url })
    assert.equal(same.status, 201)
  })
})
