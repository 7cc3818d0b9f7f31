/**
 * Verification of addresses and bill requirements, with mails received by a
 * real SMTP server started here: registration sends a link in the
 * recipient's language (text and HTML parts), the link verifies once, and
 * every contribution route refuses a participant who lacks a requirement
 * with 403 requirement_missing.
 */
import assert from 'node:assert/strict'
import type { ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.ts'

describe('API: address verification and bill requirements', function () {
  this.timeout(60_000)
  let smtp: TestSmtp
  let n = 0
  before(async () => { smtp = await startSmtp() })
  const s = serverSuite(() => ({ config: { smtpUrl: smtp.url, mailFrom: 'Alinea <noreply@alinea.test>' } }))
  after(async () => { await smtp.stop() })

  async function newcomer (locale?: 'fr' | 'en'): Promise<{ c: ApiClient; email: string; id: string }> {
    const email = `newcomer${n++}@example.org`
    const c = s.client()
    const r = await c.post('/auth/register', { email, password: 'a long enough password', displayName: `Nouvelle ${n}`, ...(locale ? { locale } : {}) })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    assert.equal(r.body.emailVerified, false)
    return { c, email, id: r.body.id }
  }

  async function verify (c: ApiClient, email: string): Promise<void> {
    const mail = await smtp.waitFor(m => m.to === email && /adresse|address/.test(m.subject), `verification to ${email}`)
    const r = await c.post('/auth/verify', { token: linkIn(mail, '/verify').searchParams.get('token') })
    assert.equal(r.status, 200, JSON.stringify(r.body))
  }

  it('sends a verification link in French by default, with a text and an HTML part, that verifies once', async () => {
    const { c, email } = await newcomer()
    const mail = await smtp.waitFor(m => m.to === email, 'the verification mail')
    assert.equal(mail.subject, 'Confirmez votre adresse sur Alinea')
    assert.match(mail.text, /Confirmer mon adresse : http/)
    assert.match(mail.html, /<a href="http[^"]*\/verify\?token=/)
    assert.equal(mail.headers.get('from') !== undefined, true)
    const link = linkIn(mail, '/verify')
    assert.equal(link.origin, s.url, 'the link leads to this Alinea')
    const token = link.searchParams.get('token')!
    const ok = await s.client().post('/auth/verify', { token })
    assert.equal(ok.status, 200)
    assert.equal(ok.body.emailVerified, true)
    assert.equal((await c.get('/me')).body.emailVerified, true)
    const replay = await s.client().post('/auth/verify', { token })
    assert.deepEqual([replay.status, replay.body.error.code], [400, 'invalid_token'])
  })

  it('writes in English to who asked for it, and refuses a wrong token without changing anything', async () => {
    const { c, email } = await newcomer('en')
    const mail = await smtp.waitFor(m => m.to === email, 'the English verification mail')
    assert.equal(mail.subject, 'Confirm your address on Alinea')
    assert.match(mail.text, /Confirm my address: http/)
    const wrong = await c.post('/auth/verify', { token: 'A'.repeat(43) })
    assert.deepEqual([wrong.status, wrong.body.error.code], [400, 'invalid_token'])
    const malformed = await c.post('/auth/verify', { token: '<script>' })
    assert.equal(malformed.status, 400)
    assert.equal((await c.get('/me')).body.emailVerified, false)
  })

  it('sends the link again on request; the old link still works once', async () => {
    const { c, email } = await newcomer()
    await smtp.waitFor(m => m.to === email, 'the first mail')
    assert.equal((await c.post('/auth/verify/resend')).status, 202)
    await smtp.waitFor(() => smtp.to(email).length === 2, 'the second mail')
    assert.equal((await s.client().post('/auth/verify/resend')).status, 401)
    await verify(c, email)
    assert.equal((await c.get('/me')).body.emailVerified, true)
  })

  it('gives new bills the verifiedEmail requirement, and refuses vote, amend (an article or a new one), argue, upvote, report and volunteering without it', async () => {
    const author = await s.as('author')
    const created = await author.post('/bills', { title: 'Exigences', articles: [{ num: '1er', alineas: ['Le délai est de trente jours.'] }] })
    assert.deepEqual(created.body.requirements, ['verifiedEmail'])
    const bill = (await author.post(`/bills/${created.body.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })).body
    const article = bill.articles[0].id
    const verified = await s.as('citizen')
    const amendment = (await verified.post(`/articles/${article}/amendments`, { alineas: ['Le délai est de quinze jours.'], explanation: 'Plus court.', baseRevision: 1 })).body
    const argument = (await verified.post(`/articles/${article}/arguments`, { side: 'for', body: 'Utile.' })).body
    const council = await author.put(`/bills/${bill.id}/council`, {
      size: 2, closesAt: null, commitmentText: 'Deux samedis.',
      categories: [{ key: 'age', label: 'Âge', values: [{ key: 'young', label: '18-39', min: 0, max: 2 }, { key: 'old', label: '40+', min: 0, max: 2 }] }]
    })
    assert.equal(council.status, 201, JSON.stringify(council.body))
    const { c, email } = await newcomer()
    const attempts: [string, () => Promise<{ status: number; body: any }>][] = [
      ['propose an additional article', () => c.post(`/bills/${bill.id}/amendments`, { position: { after: article }, alineas: ['Un article de plus.'], explanation: 'Utile.', baseRevision: 1 })],
      ['volunteer for the council', () => c.post(`/bills/${bill.id}/council/volunteers`, { answers: { age: 'young' } })],
      ['vote', () => c.put(`/articles/${article}/vote`, { value: 'for' })],
      ['unvote', () => c.delete(`/articles/${article}/vote`)],
      ['amend', () => c.post(`/articles/${article}/amendments`, { alineas: ['Le délai est de dix jours.'], explanation: 'Encore.', baseRevision: 1 })],
      ['vote on an amendment', () => c.put(`/amendments/${amendment.id}/vote`, { value: 'against' })],
      ['argue', () => c.post(`/articles/${article}/arguments`, { side: 'against', body: 'Non.' })],
      ['argue on an amendment', () => c.post(`/amendments/${amendment.id}/arguments`, { side: 'against', body: 'Non.' })],
      ['upvote', () => c.put(`/arguments/${argument.id}/vote`)],
      ['report', () => c.post('/reports', { target: { type: 'argument', id: argument.id }, reason: 'spam' })]
    ]
    for (const [what, call] of attempts) {
      const r = await call()
      assert.deepEqual([r.status, r.body.error?.code, r.body.error?.details], [403, 'requirement_missing', { requirement: 'verifiedEmail' }], what)
    }
    assert.deepEqual((await c.get(`/articles/${article}`)).body.tally, { for: 0, mixed: 0, against: 0 }, 'nothing changed')
    assert.equal((await c.get(`/articles/${article}/arguments`)).body.items.length, 1)
    await verify(c, email)
    assert.equal((await c.put(`/articles/${article}/vote`, { value: 'for' })).status, 200)
    assert.equal((await c.post(`/articles/${article}/arguments`, { side: 'against', body: 'Non.' })).status, 201)
  })

  it('lets editors change requirements: none, or oidc (which a verified address does not meet); bad values are 400', async () => {
    const author = await s.as('author')
    const created = (await author.post('/bills', { title: 'OIDC', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
    const bill = (await author.post(`/bills/${created.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })).body
    const article = bill.articles[0].id
    const { c } = await newcomer()
    assert.equal((await c.put(`/articles/${article}/vote`, { value: 'for' })).status, 403)
    assert.deepEqual((await author.patch(`/bills/${bill.id}`, { requirements: [] })).body.requirements, [])
    assert.equal((await c.put(`/articles/${article}/vote`, { value: 'for' })).status, 200)
    assert.deepEqual((await author.patch(`/bills/${bill.id}`, { requirements: ['oidc'] })).body.requirements, ['oidc'])
    const verified = await s.as('citizen')
    const refused = await verified.put(`/articles/${article}/vote`, { value: 'for' })
    assert.deepEqual([refused.status, refused.body.error.details], [403, { requirement: 'oidc' }])
    for (const requirements of [['phone'], ['oidc', 'oidc'], 'oidc']) {
      assert.equal((await author.patch(`/bills/${bill.id}`, { requirements })).status, 400, JSON.stringify(requirements))
    }
    assert.equal((await verified.patch(`/bills/${bill.id}`, { requirements: [] })).status, 403, 'only editors')
    assert.deepEqual((await s.client().get(`/bills/${bill.id}`)).body.requirements, ['oidc'])
  })

  it('counts only verified reporters toward automatic hiding', async () => {
    const author = await s.as('author')
    const created = (await author.post('/bills', { title: 'Signalements', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
    await author.patch(`/bills/${created.id}`, { requirements: [] })
    const bill = (await author.post(`/bills/${created.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })).body
    const writer = await s.as('citizen')
    const arg = (await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'Argument signalé.' })).body
    const report = (c: ApiClient) => c.post('/reports', { target: { type: 'argument', id: arg.id }, reason: 'spam' })
    for (let i = 0; i < 3; i++) assert.equal((await report((await newcomer()).c)).status, 201)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, false, 'three unverified reports hide nothing')
    for (let i = 0; i < 2; i++) assert.equal((await report(await s.as('citizen'))).status, 201)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, false, 'two verified reports are not enough')
    assert.equal((await report(await s.as('citizen'))).status, 201)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, true, 'the third verified reporter hides it')
  })
})
