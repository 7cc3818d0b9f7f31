/**
 * Identity in a real browser against the real server and a real SMTP
 * server: "Mot de passe oublié ?" from the sign-in page to a new password
 * (the link read from the mail); the banner "Confirmez votre adresse pour
 * voter" with "Renvoyer le lien", and the /verify page that makes it go;
 * the "Suivre" button; the account page at 360 px (settings saved,
 * contributions, notifications). axe-core on every new page (no serious or
 * critical violation); nothing wider than 360 px. Needs `npm run build`.
 */
import assert from 'node:assert/strict'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { publishedBill, type ApiClient, type TestServer } from '../helpers/server.ts'
import { describeViolations, launchBrowser, seriousA11yViolations, startServerWithClient } from '../helpers/browser.ts'
import { contextAs, text, until, watchProblems } from '../helpers/pages.ts'
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.ts'
import { register } from '../../server/domain/accounts.ts'

const WAIT = 20_000

async function accessible (page: Page, what: string): Promise<void> {
  const violations = await seriousA11yViolations(page)
  assert.deepEqual(violations, [], `${what}:\n${describeViolations(violations)}`)
}

async function fitsIn360 (page: Page, what: string): Promise<void> {
  await page.setViewportSize({ width: 360, height: 800 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  assert.ok(overflow <= 0, `${what}: nothing wider than 360 px (${overflow} px too wide)`)
}

describe('Browser: recovery, verification, follow and the account', function () {
  this.timeout(180_000)
  let s: TestServer
  let smtp: TestSmtp
  let browser: Browser
  let bill: any
  const contexts: BrowserContext[] = []
  const problems: string[] = []

  async function pageAs (client: ApiClient | null): Promise<Page> {
    const context = await contextAs(browser, s, client, { bypassCSP: true })
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(WAIT)
    watchProblems(page, problems)
    return page
  }

  before(async () => {
    smtp = await startSmtp()
    s = await startServerWithClient({ smtpUrl: smtp.url })
    const author = await s.as('author', 'Mme Dupont')
    bill = await publishedBill(author, undefined, 30, ['verifiedEmail'])
    browser = await launchBrowser()
  })
  after(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await s?.stop()
    await smtp?.stop()
  })
  afterEach(() => { assert.deepEqual(problems.splice(0), [], 'no script error and no console error') })

  it('goes from "Mot de passe oublié ?" on the sign-in page to a new password, with the link of the mail', async () => {
    await register(s.app.ctx, { email: 'oubli@example.org', password: 'an old forgotten password', displayName: 'Oublieuse' }, 'citizen', { emailVerified: true })
    const page = await pageAs(null)
    await page.goto(`${s.url}/login`)
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
    await until(page, 'the forgot page', () => location.pathname === '/forgot-password' && document.querySelector('main h1')?.textContent === 'Mot de passe oublié', undefined, WAIT)
    await accessible(page, 'forgot password')
    await page.getByLabel('Adresse électronique').fill('oubli@example.org')
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await page.locator('[data-sent="true"]').waitFor()
    assert.match(await text(page.locator('[data-sent="true"]')), /Si un compte utilise l’adresse oubli@example.org/)
    const mail = await smtp.waitFor(m => m.to === 'oubli@example.org', 'the reset mail')
    await page.goto(linkIn(mail, '/reset-password').href)
    await until(page, 'the reset page', () => document.querySelector('main h1')?.textContent === 'Nouveau mot de passe', undefined, WAIT)
    await accessible(page, 'reset password')
    await page.getByLabel('Nouveau mot de passe').fill('a remembered new password')
    await page.getByRole('button', { name: 'Enregistrer le mot de passe' }).click()
    await page.locator('[data-reset="true"]').waitFor()
    await page.getByRole('link', { name: 'Se connecter' }).last().click()
    await until(page, 'the sign-in page', () => location.pathname === '/login', undefined, WAIT)
    await page.getByLabel('Adresse électronique').fill('oubli@example.org')
    await page.getByLabel('Mot de passe').fill('a remembered new password')
    await page.getByRole('button', { name: 'Se connecter' }).last().click()
    await until(page, 'signed in', () => document.querySelector('.session__name')?.textContent?.includes('Oublieuse') === true, undefined, WAIT)
  })

  it('shows "Confirmez votre adresse pour voter" with "Renvoyer le lien", until the link of the mail is opened', async () => {
    const newcomer = s.client()
    const r = await newcomer.post('/auth/register', { email: 'nouvelle@example.org', password: 'a long enough password', displayName: 'Nouvelle' })
    assert.equal(r.status, 201)
    await smtp.waitFor(m => m.to === 'nouvelle@example.org', 'the first verification mail')
    const page = await pageAs(newcomer)
    await page.goto(`${s.url}/bills/${bill.id}`)
    const banner = page.getByRole('region', { name: 'Confirmez votre adresse pour voter' })
    await banner.waitFor()
    assert.match(await text(banner), /nouvelle@example\.org/)
    await accessible(page, 'bill page with the banner')
    await banner.getByRole('button', { name: 'Renvoyer le lien' }).click()
    await until(page, 'the link was sent again', () => document.querySelector('.verify-banner .feedback')?.textContent?.includes('Un nouveau lien a été envoyé') === true, undefined, WAIT)
    await smtp.waitFor(() => smtp.to('nouvelle@example.org').length === 2, 'the second mail')
    const latest = smtp.to('nouvelle@example.org')[1]
    await page.goto(linkIn(latest, '/verify').href)
    await page.locator('[data-verified="true"]').waitFor()
    await accessible(page, 'verify page')
    await page.goto(`${s.url}/bills/${bill.id}`)
    await page.locator('main h1').waitFor()
    await until(page, 'the bill is shown', (title: string) => document.querySelector('main h1')?.textContent === title, bill.title, WAIT)
    assert.equal(await page.locator('.verify-banner').count(), 0, 'no banner once verified')
  })

  it('follows an article with "Suivre" (a toggle) and stops', async () => {
    const reader = await s.as('citizen', 'Lectrice')
    const page = await pageAs(reader)
    await page.goto(`${s.url}/articles/${bill.articles[1].id}`)
    const button = page.locator('button[data-follow="article"]')
    await button.waitFor()
    assert.equal(await button.getAttribute('aria-pressed'), 'false')
    await accessible(page, 'article page with the follow button')
    await button.click()
    await until(page, 'followed', () => document.querySelector('button[data-follow="article"]')?.getAttribute('aria-pressed') === 'true', undefined, WAIT)
    assert.equal((await reader.get('/me/follows')).body.items[0].target.id, bill.articles[1].id)
    await page.reload()
    await until(page, 'still followed after a reload', () => document.querySelector('button[data-follow="article"]')?.getAttribute('aria-pressed') === 'true', undefined, WAIT)
    await page.locator('button[data-follow="article"]').click()
    await until(page, 'unfollowed', () => document.querySelector('button[data-follow="article"]')?.getAttribute('aria-pressed') === 'false', undefined, WAIT)
    assert.equal((await reader.get('/me/follows')).body.items.length, 0)
  })

  it('shows the account page at 360 px: settings saved, contributions and notifications listed, nothing too wide', async () => {
    const me = await s.as('citizen', 'Camille')
    const article = bill.articles[0].id
    await me.put(`/articles/${article}/vote`, { value: 'for' })
    await me.post(`/articles/${article}/arguments`, { side: 'for', body: 'Un argument assez long pour passer à la ligne sur un petit écran de téléphone.' })
    await me.put('/follows', { target: { type: 'article', id: article } })
    await (await s.as('citizen')).post(`/articles/${article}/arguments`, { side: 'against', body: 'Réponse.' })
    const context = await contextAs(browser, s, me, { viewport: { width: 360, height: 800 }, bypassCSP: true })
    contexts.push(context)
    const page = await context.newPage()
    page.setDefaultTimeout(WAIT)
    watchProblems(page, problems)
    await page.goto(`${s.url}/account`)
    await until(page, 'the account page', () => document.querySelector('main h1')?.textContent === 'Mon compte', undefined, WAIT)
    await page.locator('.notification[data-kind="argument"]').waitFor()
    await until(page, 'the unread count in the header', () => document.querySelector('.notification-count')?.textContent?.includes('1 notification non lue') === true, undefined, WAIT)
    await page.getByRole('button', { name: 'Arguments' }).click()
    await page.locator('.contributions[data-kind="arguments"] .contribution').waitFor()
    await fitsIn360(page, 'account page')
    await accessible(page, 'account page')
    await page.getByLabel('Un résumé par jour').check()
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await until(page, 'saved', () => [...document.querySelectorAll('.feedback')].some(f => f.textContent?.includes('Vos réglages sont enregistrés')), undefined, WAIT)
    assert.equal((await me.get('/me')).body.notify, 'daily')
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click()
    await until(page, 'no unread left', () => document.querySelector('.notification-count')?.textContent?.includes('0 notification non lue') === true, undefined, WAIT)
    assert.equal(await page.locator('a[href="/api/v1/me/export"]').count(), 1)
  })

  it('deletes the account from the account page, with the password', async () => {
    await register(s.app.ctx, { email: 'partir@example.org', password: 'a long enough password', displayName: 'Partante' }, 'citizen', { emailVerified: true })
    const leaving = s.client()
    assert.equal((await leaving.post('/auth/login', { email: 'partir@example.org', password: 'a long enough password' })).status, 200)
    const page = await pageAs(leaving)
    await page.goto(`${s.url}/account`)
    await until(page, 'the account page', () => document.querySelector('main h1')?.textContent === 'Mon compte', undefined, WAIT)
    await page.locator('#delete-password').fill('a long enough password')
    await page.getByLabel('Je comprends que c’est définitif').check()
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click()
    await until(page, 'back home, signed out', () => location.pathname === '/' && document.querySelector('.session__name') === null, undefined, WAIT)
    assert.equal((await s.client().post('/auth/login', { email: 'partir@example.org', password: 'a long enough password' })).status, 401)
  })

  it('offers "Se connecter avec <provider>" on the sign-in page when OpenID Connect is configured', async () => {
    const page = await pageAs(null)
    await page.goto(`${s.url}/login`)
    await until(page, 'the sign-in page', () => document.querySelector('main h1') !== null, undefined, WAIT)
    assert.equal(await page.locator('.oidc').count(), 0, 'no button without a provider')
    Object.assign(s.app.ctx.config, { oidcIssuer: 'https://identite.example', oidcClientId: 'alinea', oidcLabel: 'FranceConnect' })
    try {
      await page.goto(`${s.url}/login?next=/bills/${bill.id}`)
      const link = page.getByRole('link', { name: 'Se connecter avec FranceConnect' })
      await link.waitFor()
      assert.equal(await link.getAttribute('href'), `/api/v1/auth/oidc/start?next=${encodeURIComponent(`/bills/${bill.id}`)}`)
      await accessible(page, 'sign-in page with the OIDC button')
    } finally {
      Object.assign(s.app.ctx.config, { oidcIssuer: null, oidcClientId: null })
    }
  })
})
