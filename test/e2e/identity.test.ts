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
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'
import { linkIn, startSmtp, type TestSmtp } from '../helpers/smtp.ts'
import { register } from '../../server/domain/accounts.ts'

const WAIT = 20_000

describe('Browser: recovery, verification, follow and the account', function () {
  this.timeout(180_000)
  let smtp: TestSmtp
  const b = browserSuite({ timeout: WAIT, configure: async () => { smtp = await startSmtp(); return { smtpUrl: smtp.url } } })
  let bill: any
  const pageAs = (client: ApiClient | null): Promise<Page> => b.newPage(client, { bypassCSP: true })

  before(async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    bill = await publishedBill(author, undefined, 30, ['verifiedEmail'])
  })
  after(async () => { await smtp?.stop() })

  it('goes from "Mot de passe oublié ?" on the sign-in page to a new password, with the link of the mail', async () => {
    await register(b.s.app.ctx, { email: 'oubli@example.org', password: 'an old forgotten password', displayName: 'Oublieuse' }, 'citizen', { emailVerified: true })
    const page = await pageAs(null)
    await page.goto(`${b.url}/login`)
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click()
    await until(page, 'the forgot page', () => location.pathname === '/forgot-password' && document.querySelector('main h1')?.textContent === 'Mot de passe oublié', undefined, WAIT)
    await b.axe(page, 'forgot password')
    await page.getByLabel('Adresse électronique').fill('oubli@example.org')
    await page.getByRole('button', { name: 'Recevoir un lien' }).click()
    await page.locator('[data-sent="true"]').waitFor()
    assert.match(await text(page.locator('[data-sent="true"]')), /Si un compte utilise l’adresse oubli@example.org/)
    const mail = await smtp.waitFor(m => m.to === 'oubli@example.org', 'the reset mail')
    await page.goto(linkIn(mail, '/reset-password').href)
    await until(page, 'the reset page', () => document.querySelector('main h1')?.textContent === 'Nouveau mot de passe', undefined, WAIT)
    await b.axe(page, 'reset password')
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
    const newcomer = b.s.client()
    const r = await newcomer.post('/auth/register', { email: 'nouvelle@example.org', password: 'a long enough password', displayName: 'Nouvelle' })
    assert.equal(r.status, 201)
    await smtp.waitFor(m => m.to === 'nouvelle@example.org', 'the first verification mail')
    const page = await pageAs(newcomer)
    await page.goto(`${b.url}/bills/${bill.id}`)
    const banner = page.getByRole('region', { name: 'Confirmez votre adresse pour voter' })
    await banner.waitFor()
    assert.match(await text(banner), /nouvelle@example\.org/)
    await b.axe(page, 'bill page with the banner')
    await banner.getByRole('button', { name: 'Renvoyer le lien' }).click()
    await until(page, 'the link was sent again', () => document.querySelector('.verify-banner .feedback')?.textContent?.includes('Un nouveau lien a été envoyé') === true, undefined, WAIT)
    await smtp.waitFor(() => smtp.to('nouvelle@example.org').length === 2, 'the second mail')
    const latest = smtp.to('nouvelle@example.org')[1]
    await page.goto(linkIn(latest, '/verify').href)
    await page.locator('[data-verified="true"]').waitFor()
    await b.axe(page, 'verify page')
    await page.goto(`${b.url}/bills/${bill.id}`)
    await page.locator('main h1').waitFor()
    await until(page, 'the bill is shown', (title: string) => document.querySelector('main h1')?.textContent === title, bill.title, WAIT)
    assert.equal(await page.locator('.verify-banner').count(), 0, 'no banner once verified')
  })

  it('follows an article with "Suivre" (a toggle) and stops', async () => {
    const reader = await b.s.as('citizen', 'Lectrice')
    const page = await pageAs(reader)
    await page.goto(`${b.url}/articles/${bill.articles[1].id}`)
    const button = page.locator('button[data-follow="article"]')
    await button.waitFor()
    assert.equal(await button.getAttribute('aria-pressed'), 'false')
    await b.axe(page, 'article page with the follow button')
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
    const me = await b.s.as('citizen', 'Camille')
    const article = bill.articles[0].id
    await me.put(`/articles/${article}/vote`, { value: 'for' })
    await me.post(`/articles/${article}/arguments`, { side: 'for', body: 'Un argument assez long pour passer à la ligne sur un petit écran de téléphone.' })
    await me.put('/follows', { target: { type: 'article', id: article } })
    await (await b.s.as('citizen')).post(`/articles/${article}/arguments`, { side: 'against', body: 'Réponse.' })
    const page = await b.newPage(me, { viewport: { width: 360, height: 800 }, bypassCSP: true })
    await page.goto(`${b.url}/account`)
    await until(page, 'the account page', () => document.querySelector('main h1')?.textContent === 'Mon compte', undefined, WAIT)
    await page.locator('.notification[data-kind="argument"]').waitFor()
    await until(page, 'the unread count in the header', () => document.querySelector('.notification-count')?.textContent?.includes('1 notification non lue') === true, undefined, WAIT)
    await page.getByRole('button', { name: 'Arguments' }).click()
    await page.locator('.contributions[data-kind="arguments"] .contribution').waitFor()
    await b.fits(page, 'account page')
    await b.axe(page, 'account page')
    await page.getByLabel('Un résumé par jour').check()
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click()
    await until(page, 'saved', () => [...document.querySelectorAll('.feedback')].some(f => f.textContent?.includes('Vos réglages sont enregistrés')), undefined, WAIT)
    assert.equal((await me.get('/me')).body.notify, 'daily')
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click()
    await until(page, 'no unread left', () => document.querySelector('.notification-count')?.textContent?.includes('0 notification non lue') === true, undefined, WAIT)
    assert.equal(await page.locator('a[href="/api/v1/me/export"]').count(), 1)
  })

  it('deletes the account from the account page, with the password', async () => {
    await register(b.s.app.ctx, { email: 'partir@example.org', password: 'a long enough password', displayName: 'Partante' }, 'citizen', { emailVerified: true })
    const leaving = b.s.client()
    assert.equal((await leaving.post('/auth/login', { email: 'partir@example.org', password: 'a long enough password' })).status, 200)
    const page = await pageAs(leaving)
    await page.goto(`${b.url}/account`)
    await until(page, 'the account page', () => document.querySelector('main h1')?.textContent === 'Mon compte', undefined, WAIT)
    await page.locator('#delete-password').fill('a long enough password')
    await page.getByLabel('Je comprends que c’est définitif').check()
    await page.getByRole('button', { name: 'Supprimer mon compte' }).click()
    await until(page, 'back home, signed out', () => location.pathname === '/' && document.querySelector('.session__name') === null, undefined, WAIT)
    assert.equal((await b.s.client().post('/auth/login', { email: 'partir@example.org', password: 'a long enough password' })).status, 401)
  })

  it('offers "Se connecter avec <provider>" on the sign-in page when OpenID Connect is configured', async () => {
    const page = await pageAs(null)
    await page.goto(`${b.url}/login`)
    await until(page, 'the sign-in page', () => document.querySelector('main h1') !== null, undefined, WAIT)
    assert.equal(await page.locator('.oidc').count(), 0, 'no button without a provider')
    Object.assign(b.s.app.ctx.config, { oidcIssuer: 'https://identite.example', oidcClientId: 'alinea', oidcLabel: 'FranceConnect' })
    try {
      await page.goto(`${b.url}/login?next=/bills/${bill.id}`)
      const link = page.getByRole('link', { name: 'Se connecter avec FranceConnect' })
      await link.waitFor()
      assert.equal(await link.getAttribute('href'), `/api/v1/auth/oidc/start?next=${encodeURIComponent(`/bills/${bill.id}`)}`)
      await b.axe(page, 'sign-in page with the OIDC button')
    } finally {
      Object.assign(b.s.app.ctx.config, { oidcIssuer: null, oidcClientId: null })
    }
  })
})
