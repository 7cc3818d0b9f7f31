/**
 * Sign-in with OpenID Connect against a real provider (`oidc-provider`,
 * its development login and consent pages) started here: the first sign-in
 * creates the account (verified, meeting the `oidc` requirement), the
 * second finds it by `sub`; a tampered state or a callback without a
 * started flow is refused and signs nobody in.
 */
import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import Provider from 'oidc-provider'
import { publishedBill, ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

/** A tiny cookie jar for the browser's side of the provider. */
class Jar {
  private cookies = new Map<string, string>()
  take (res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';')
      const i = pair.indexOf('=')
      const name = pair.slice(0, i)
      const value = pair.slice(i + 1)
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  header (): string { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }
}

/** GET or POST without following redirects, keeping cookies. */
async function hop (jar: Jar, url: string, form?: Record<string, string>): Promise<Response> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    body: form ? new URLSearchParams(form).toString() : undefined
  })
  jar.take(res)
  return res
}

describe('API: sign-in with OpenID Connect', function () {
  this.timeout(60_000)
  let issuer: string
  let http: Server

  const s = serverSuite()
  before(async () => {
    http = createServer()
    await new Promise<void>(resolve => http.listen(0, '127.0.0.1', () => resolve()))
    issuer = `http://127.0.0.1:${(http.address() as { port: number }).port}`
    const provider = new Provider(issuer, {
      clients: [{
        client_id: 'alinea', client_secret: 'a client secret for the tests',
        redirect_uris: [`${s.url}/api/v1/auth/oidc/callback`], grant_types: ['authorization_code'], response_types: ['code']
      }],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
      findAccount: async (_ctx, sub) => ({
        accountId: sub,
        claims: async () => ({ sub, email: `${sub}@identite.example`, email_verified: true, name: `Personne ${sub}` })
      }),
      cookies: { keys: ['a cookie key for the tests'] },
      features: { devInteractions: { enabled: true } }
    })
    http.on('request', provider.callback())
    Object.assign(s.app.ctx.config, { oidcIssuer: issuer, oidcClientId: 'alinea', oidcClientSecret: 'a client secret for the tests', oidcLabel: 'IdentitéTest' })
  })
  after(async () => { await new Promise<void>(resolve => http.close(() => resolve())) })

  /** Runs the whole flow as `login` at the provider; returns the Alinea client and the callback response. */
  async function signIn (login: string, tamper?: (callback: URL) => void): Promise<{ alinea: Jar; res: Response }> {
    const alinea = new Jar()
    const browser = new Jar()
    const start = await hop(alinea, `${s.url}/api/v1/auth/oidc/start?next=/bills`)
    assert.equal(start.status, 302)
    const authorize = new URL(start.headers.get('location')!)
    assert.equal(authorize.origin, issuer)
    assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256')
    assert.ok(authorize.searchParams.get('state') && authorize.searchParams.get('nonce'))
    let res = await hop(browser, authorize.href)
    for (let i = 0; i < 10; i++) {
      const location = res.headers.get('location')
      if (!location) assert.fail(`the provider stopped at ${res.status}: ${await res.text()}`)
      const next = new URL(location, issuer)
      if (next.origin === s.url) {
        tamper?.(next)
        return { alinea, res: await hop(alinea, next.href) }
      }
      res = await hop(browser, next.href)
      if (res.status === 200) {
        const page = await res.text()
        const action = /action="([^"]+)"/.exec(page)![1]
        const prompt = /name="prompt" value="(\w+)"/.exec(page)![1]
        res = await hop(browser, new URL(action, issuer).href, prompt === 'login' ? { prompt, login, password: 'anything' } : { prompt })
      }
    }
    assert.fail('the flow never came back to Alinea')
  }

  const clientOf = (jar: Jar): ApiClient => Object.assign(new ApiClient(s.url), { cookie: jar.header() || null })

  it('says whether it is offered and with what words', async () => {
    assert.deepEqual((await s.client().get('/auth/oidc')).body, { enabled: true, label: 'IdentitéTest' })
  })

  it('creates the account on the first sign-in, finds it by sub on the second, and meets the oidc requirement', async () => {
    const first = await signIn('marianne')
    assert.equal(first.res.status, 302)
    assert.equal(first.res.headers.get('location'), '/bills')
    const me = (await clientOf(first.alinea).get('/me')).body
    assert.deepEqual([me.displayName, me.email, me.emailVerified, me.oidc, me.hasPassword], ['Personne marianne', 'marianne@identite.example', true, true, false])
    const second = await signIn('marianne')
    assert.equal((await clientOf(second.alinea).get('/me')).body.id, me.id, 'the same account, found by sub')
    const other = await signIn('jean')
    assert.notEqual((await clientOf(other.alinea).get('/me')).body.id, me.id)

    const author = await s.as('author')
    const bill = await publishedBill(author, undefined, 30, ['oidc'])
    assert.equal((await clientOf(second.alinea).put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 200)
    assert.equal((await (await s.as('citizen')).put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 403)
  })

  it('never links by e-mail alone: an address already in use gets a separate account', async () => {
    await s.client().post('/auth/register', { email: 'homonyme@identite.example', password: 'a long enough password', displayName: 'Déjà là' })
    const { alinea } = await signIn('homonyme')
    const me = (await clientOf(alinea).get('/me')).body
    assert.equal(me.displayName, 'Personne homonyme')
    assert.notEqual(me.email, 'homonyme@identite.example')
  })

  it('refuses a tampered state and a callback without a started flow, signing nobody in', async () => {
    const { alinea, res } = await signIn('mallory', url => url.searchParams.set('state', 'forged-state'))
    assert.equal(res.status, 400)
    const error = ((await res.json()) as any).error
    assert.equal(error.code, 'oidc_failed')
    assert.match(error.message, /state/)
    assert.equal((await clientOf(alinea).get('/me')).status, 401)
    const bare = await fetch(`${s.url}/api/v1/auth/oidc/callback?code=x&state=y`, { redirect: 'manual' })
    assert.equal(bare.status, 400)
  })
})
