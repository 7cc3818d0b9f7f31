import assert from 'node:assert/strict'
import { ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

const DAY = 86_400_000

describe('hardening: API tokens expire, are listed and revoked; log out everywhere', () => {
  let offset = 0
  const ended: unknown[] = []
  const s = serverSuite({ now: () => new Date(Date.now() + offset) })
  before(async () => {
    s.app.ctx.events.on('session:ended', e => { ended.push(e) })
  })

  function bearer (token: string): ApiClient {
    const c = s.client()
    c.token = token
    return c
  }

  it('a token has a name and an expiry (90 days unless asked), is listed without its secret, and stops at its expiry', async () => {
    const author = await s.as('author')
    const made = await author.post('/auth/tokens', { name: 'import script', expiresInDays: 7 })
    assert.equal(made.status, 201)
    assert.match(made.body.token, /^alinea_/)
    assert.equal(made.body.name, 'import script')
    const lasts = Date.parse(made.body.expiresAt) - Date.parse(made.body.createdAt)
    assert.equal(lasts, 7 * DAY)
    const plain = await author.post('/auth/tokens', {})
    assert.equal(Date.parse(plain.body.expiresAt) - Date.parse(plain.body.createdAt), 90 * DAY)
    assert.equal((await author.post('/auth/tokens', { expiresInDays: 366 })).status, 400)

    const list = await author.get('/auth/tokens')
    assert.equal(list.status, 200)
    assert.deepEqual(list.body.items.map((t: any) => t.id).sort(), [made.body.id, plain.body.id].sort())
    assert.ok(!JSON.stringify(list.body).includes(made.body.token.slice(7)), 'no secret in the list')
    assert.equal((await s.client().get('/auth/tokens')).status, 401)

    const script = bearer(made.body.token)
    assert.equal((await script.get('/me')).status, 200)
    offset += 7 * DAY + 1000
    try {
      assert.equal((await script.get('/me')).status, 401)
      assert.deepEqual((await author.get('/auth/tokens')).body.items.map((t: any) => t.id), [plain.body.id])
    } finally { offset = 0 }
  })

  it('revokes a token by id (only one\'s own), and logout with a token ends that token', async () => {
    const a = await s.as('author')
    const b = await s.as('author')
    const t1 = (await a.post('/auth/tokens', { name: 'un' })).body
    const t2 = (await a.post('/auth/tokens', { name: 'deux' })).body
    assert.equal((await b.delete(`/auth/tokens/${t1.id}`)).status, 404)
    assert.equal((await bearer(t1.token).get('/me')).status, 200)
    ended.length = 0
    assert.equal((await a.delete(`/auth/tokens/${t1.id}`)).status, 204)
    assert.equal((await bearer(t1.token).get('/me')).status, 401)
    assert.deepEqual(ended, [{ userId: a.userId, credentialIds: [t1.id] }])
    assert.equal((await a.delete(`/auth/tokens/${t1.id}`)).status, 404)

    const script = bearer(t2.token)
    assert.equal((await script.post('/auth/logout')).status, 204)
    assert.equal((await bearer(t2.token).get('/me')).status, 401)
    assert.equal((await a.get('/me')).status, 200, 'the session is not affected')
  })

  it('a token cannot create tokens', async () => {
    const a = await s.as('author')
    const t = (await a.post('/auth/tokens', {})).body
    const r = await bearer(t.token).post('/auth/tokens', {})
    assert.equal(r.status, 403)
    assert.equal((await a.get('/auth/tokens')).body.items.length, 1)
  })

  it('log out everywhere ends every session and token of the user, and no one else\'s', async () => {
    const email = 'partout@example.org'
    const first = s.client()
    assert.equal((await first.post('/auth/register', { email, password: 'correct horse battery', displayName: 'Partout' })).status, 201)
    const second = s.client()
    assert.equal((await second.post('/auth/login', { email, password: 'correct horse battery' })).status, 200)
    const token = (await first.post('/auth/tokens', {})).body.token
    const other = await s.as('citizen')
    const me = (await first.get('/me')).body.id
    ended.length = 0
    assert.equal((await s.client().post('/auth/logout-all')).status, 401)
    const r = await second.post('/auth/logout-all')
    assert.equal(r.status, 204)
    assert.equal(second.cookie, null, 'the cookie is cleared')
    for (const c of [first, bearer(token)]) assert.equal((await c.get('/me')).status, 401)
    assert.equal((await other.get('/me')).status, 200)
    assert.deepEqual(ended, [{ userId: me, credentialIds: 'all' }])
  })
})
