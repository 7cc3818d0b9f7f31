/**
 * Recovery and the account, with mails received by a real SMTP server:
 * password reset (known and unknown address, expiry, single use, sessions
 * ended), password and address changes, profile, contributions with
 * cursors, the export of one's data, and erasure (tallies unchanged,
 * « Compte supprimé », no address in open data, the address free again).
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.ts'
import { download } from '../helpers/consultation.ts'

describe('API: recovery and the account', function () {
  this.timeout(60_000)
  let smtp: TestSmtp
  let offset = 0
  let n = 0
  const password = 'a long enough password'
  before(async () => { smtp = await startSmtp() })
  const s = serverSuite(() => ({ config: { smtpUrl: smtp.url }, now: () => new Date(Date.now() + offset) }))
  after(async () => { await smtp.stop() })
  afterEach(() => { offset = 0 })

  async function account (): Promise<{ c: ApiClient; email: string; id: string }> {
    const email = `person${n++}@example.org`
    const c = s.client()
    const r = await c.post('/auth/register', { email, password, displayName: `Personne ${n}` })
    assert.equal(r.status, 201)
    await smtp.waitFor(m => m.to === email, 'the verification mail')
    return { c, email, id: r.body.id }
  }

  const signIn = async (email: string, pw = password): Promise<ApiClient> => {
    const c = s.client()
    const r = await c.post('/auth/login', { email, password: pw })
    assert.equal(r.status, 200, `sign in as ${email}`)
    return c
  }

  async function resetLink (email: string): Promise<string> {
    const before = smtp.to(email).length
    assert.equal((await s.client().post('/auth/password-reset', { email })).status, 202)
    const mail = await smtp.waitFor(m => m.to === email && smtp.to(email).indexOf(m) >= before && /mot de passe/.test(m.subject), 'the reset mail')
    assert.match(mail.text, /valable une heure/)
    assert.match(mail.html, /reset-password\?token=/)
    return linkIn(mail, '/reset-password').searchParams.get('token')!
  }

  it('answers a reset request the same for a known and an unknown address, and mails only the known one', async () => {
    const { email } = await account()
    const unknown = await s.client().post('/auth/password-reset', { email: 'nobody@example.org' })
    const known = await s.client().post('/auth/password-reset', { email: email.toUpperCase() })
    assert.deepEqual([unknown.status, unknown.body], [known.status, known.body])
    assert.equal(known.status, 202)
    await smtp.waitFor(m => m.to === email && /mot de passe/.test(m.subject), 'the reset mail')
    await s.app.mailer.idle()
    assert.equal(smtp.to('nobody@example.org').length, 0)
    assert.equal((await s.client().post('/auth/password-reset', { email: 'x'.repeat(300) })).status, 400)
  })

  it('sets a new password with the link once, ends every session, and refuses an expired link', async () => {
    const { c, email } = await account()
    const other = await signIn(email)
    const token = await resetLink(email)
    const weak = await s.client().post('/auth/password-reset/confirm', { token, password: 'short' })
    assert.equal(weak.status, 400)
    const ok = await s.client().post('/auth/password-reset/confirm', { token, password: 'a brand new password' })
    assert.equal(ok.status, 200, JSON.stringify(ok.body))
    assert.equal((await c.get('/me')).status, 401, 'the first session ended')
    assert.equal((await other.get('/me')).status, 401, 'the second session ended')
    assert.equal((await s.client().post('/auth/login', { email, password })).status, 401, 'the old password is gone')
    await signIn(email, 'a brand new password')
    const again = await s.client().post('/auth/password-reset/confirm', { token, password: 'yet another password' })
    assert.deepEqual([again.status, again.body.error.code], [400, 'invalid_token'])

    const late = await resetLink(email)
    offset = 61 * 60_000
    const expired = await s.client().post('/auth/password-reset/confirm', { token: late, password: 'yet another password' })
    assert.deepEqual([expired.status, expired.body.error.code], [400, 'invalid_token'])
    offset = 0
    await signIn(email, 'a brand new password')
  })

  it('changes the password with the current one, ending the other sessions only', async () => {
    const { c, email } = await account()
    const other = await signIn(email)
    const token = (await other.post('/auth/tokens', {})).body.token
    const wrong = await c.post('/me/password', { current: 'not my password', password: 'a brand new password' })
    assert.deepEqual([wrong.status, wrong.body.error.code], [401, 'wrong_password'])
    assert.equal((await other.get('/me')).status, 200, 'nothing changed')
    assert.equal((await c.post('/me/password', { current: password, password: 'a brand new password' })).status, 200)
    assert.equal((await c.get('/me')).status, 200, 'this session stays')
    assert.equal((await other.get('/me')).status, 401, 'the other session ended')
    const scripted = s.client()
    scripted.token = token
    assert.equal((await scripted.get('/me')).status, 401, 'API tokens ended too')
    await signIn(email, 'a brand new password')
  })

  it('signs out everywhere', async () => {
    const { c, email } = await account()
    const other = await signIn(email)
    assert.equal((await c.post('/auth/logout-all')).status, 204)
    assert.equal((await c.get('/me')).status, 401)
    assert.equal((await other.get('/me')).status, 401)
  })

  it('changes the address (password required, not one in use), which must be verified again', async () => {
    const { c, email } = await account()
    const taken = (await account()).email
    const mail0 = await smtp.waitFor(m => m.to === email, 'first verification')
    assert.equal((await c.post('/auth/verify', { token: linkIn(mail0, '/verify').searchParams.get('token') })).status, 200)
    assert.equal((await c.post('/me/email', { email: 'new@example.org', password: 'wrong password' })).status, 401)
    const inUse = await c.post('/me/email', { email: taken.toUpperCase(), password })
    assert.deepEqual([inUse.status, inUse.body.error.code], [409, 'email_taken'])
    assert.equal((await c.post('/me/email', { email: 'not an address', password })).status, 400)
    assert.equal((await c.get('/me')).body.email, email, 'nothing changed')
    const fresh = `moved${n}@example.org`
    const moved = await c.post('/me/email', { email: fresh, password })
    assert.deepEqual([moved.status, moved.body.email, moved.body.emailVerified], [200, fresh, false])
    const mail = await smtp.waitFor(m => m.to === fresh, 'the new address verification')
    assert.equal(mail.subject, 'Confirmez votre nouvelle adresse sur Alinea')
    assert.equal((await c.post('/auth/verify', { token: linkIn(mail, '/verify').searchParams.get('token') })).body.emailVerified, true)
    assert.equal((await s.client().post('/auth/login', { email, password })).status, 401)
    await signIn(fresh)
  })

  it('changes name, profile type, language and notification mode; refuses bad values', async () => {
    const { c } = await account()
    const r = await c.patch('/me', { displayName: '  Camille  ', profileType: 'organisation', locale: 'en', notify: 'daily' })
    assert.equal(r.status, 200)
    assert.deepEqual([r.body.displayName, r.body.profileType, r.body.locale, r.body.notify], ['Camille', 'organisation', 'en', 'daily'])
    for (const bad of [{ displayName: '' }, { locale: 'de' }, { notify: 'hourly' }, { role: 'admin' }, { email: 'x@example.org' }]) {
      assert.equal((await c.patch('/me', bad)).status, 400, JSON.stringify(bad))
    }
    assert.equal((await c.get('/me')).body.role, 'citizen')
    assert.equal((await s.client().patch('/me', { locale: 'fr' })).status, 401)
  })

  it('lists my contributions by kind with cursors, and exports everything as JSON', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const me = await s.as('citizen', 'Contributrice')
    const [first, second] = bill.articles
    await me.put(`/articles/${first.id}/vote`, { value: 'for' })
    await me.put(`/articles/${second.id}/vote`, { value: 'against' })
    const amendment = (await me.post(`/articles/${second.id}/amendments`, { alineas: ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'], explanation: 'Plus court.', baseRevision: 1 })).body
    await author.post(`/amendments/${amendment.id}/decision`, { status: 'rejected', response: 'Trop court.' })
    const args = []
    for (let i = 0; i < 3; i++) args.push((await me.post(`/articles/${first.id}/arguments`, { side: 'for', body: `Argument ${i}` })).body)
    const other = await s.as('citizen')
    const theirs = (await other.post(`/articles/${first.id}/arguments`, { side: 'against', body: 'Contre.' })).body
    await me.post('/reports', { target: { type: 'argument', id: theirs.id }, reason: 'off_topic', body: 'Hors sujet' })

    const amendments = (await me.get('/me/contributions?kind=amendments')).body
    assert.deepEqual(amendments.items.map((i: any) => [i.id, i.status, i.response]), [[amendment.id, 'rejected', 'Trop court.']])
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: any = (await me.get(`/me/contributions?kind=arguments&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body
      seen.push(...page.items.map((i: any) => i.id))
      cursor = page.next
    } while (cursor)
    assert.deepEqual(seen, args.map(a => a.id).reverse(), 'newest first, every one once')
    const votes = (await me.get('/me/contributions?kind=votes')).body.items
    assert.deepEqual(votes.map((v: any) => v.value).sort(), ['against', 'for'])
    assert.equal((await me.get('/me/contributions?kind=reports')).body.items[0].target.id, theirs.id)
    assert.equal((await me.get('/me/contributions?kind=nothing')).status, 400)
    assert.equal((await me.get('/me/contributions?cursor=forged')).status, 400)
    assert.equal((await s.client().get('/me/contributions')).status, 401)

    const exported = await download(me, '/me/export')
    assert.equal(exported.status, 200)
    assert.match(exported.headers.get('content-disposition') ?? '', /attachment/)
    const data = JSON.parse(exported.text)
    assert.equal(data.account.displayName, 'Contributrice')
    assert.equal(data.amendments.length, 1)
    assert.equal(data.arguments.length, 3)
    assert.equal(data.votes.length, 2)
    assert.equal(data.reports.length, 1)
    assert.ok(Array.isArray(data.follows) && data.follows.some((f: any) => f.target.id === amendment.id), 'the author follows their amendment')
    assert.ok(!exported.text.includes('Contre.'), 'nobody else\'s contributions')
  })

  it('erases an account: tallies unchanged, « Compte supprimé », no address in open data, the address free again', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const { c, email, id } = await account()
    const article = bill.articles[1].id
    await c.put(`/articles/${article}/vote`, { value: 'against' })
    const arg = (await c.post(`/articles/${article}/arguments`, { side: 'against', body: 'Je serai effacée.' })).body
    const amendment = (await c.post(`/articles/${article}/amendments`, { alineas: ['Le délai est de dix jours.', 'Un décret fixe les modalités.'], explanation: 'Dix.', baseRevision: 1 })).body
    const tally = (await s.client().get(`/articles/${article}`)).body.tally
    assert.equal((await c.request('DELETE', '/me', { password: 'wrong password' })).status, 401)
    assert.equal((await c.get('/me')).status, 200, 'nothing changed')
    const erased = await c.request('DELETE', '/me', { password })
    assert.equal(erased.status, 204)
    assert.equal((await c.get('/me')).status, 401)
    assert.deepEqual((await s.client().get(`/articles/${article}`)).body.tally, tally, 'published tallies do not move')
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.author.displayName, 'Compte supprimé')
    assert.equal((await s.client().get(`/amendments/${amendment.id}`)).body.author.displayName, 'Compte supprimé')
    const open = await download(s.client(), `/bills/${bill.id}/export?format=json`)
    assert.equal(open.status, 200)
    assert.ok(!open.text.includes(email) && !open.text.includes('Personne'), 'open data has neither the address nor the name')
    assert.equal((await s.client().post('/auth/login', { email, password })).status, 401, 'never signs in again')
    assert.equal((await s.client().post('/auth/password-reset', { email })).status, 202)
    const again = await s.client().post('/auth/register', { email, password, displayName: 'De retour' })
    assert.equal(again.status, 201, 'the address is free again')
    assert.notEqual(again.body.id, id)
  })
})
