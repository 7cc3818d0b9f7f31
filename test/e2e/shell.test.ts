/**
 * The client shell in a real browser against the real server: register,
 * find the consultation, vote and change one's mind, sign out and back in
 * through the article's sign-in link, switch language, a closed
 * consultation, accessibility (axe-core) and screenshots at 360 / 1280 px.
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { describeViolations, seriousA11yViolations } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

describe('Browser: the client shell', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let author: ApiClient
  let page: Page
  let bill: any
  let closedBill: any
  let readers = 0
  const citizen = { name: 'Camille Martin', email: `camille${Date.now()}@example.org`, password: 'une phrase de passe solide' }

  const article2 = () => page.locator(`#article-${bill.articles[1].id}`)
  const voteButton = (value: 'for' | 'mixed' | 'against') => article2().locator(`.vote__button[data-value="${value}"]`)
  const count = (value: 'for' | 'mixed' | 'against') => text(article2().locator(`.tally__fig[data-value="${value}"] .tally__count`))
  const pressed = (value: 'for' | 'mixed' | 'against') => voteButton(value).getAttribute('aria-pressed')
  const heading = () => page.locator('main h1')

  /** Clicks a vote button and waits for the server's answer to `method`. */
  async function clickVote (value: 'for' | 'mixed' | 'against', method: 'PUT' | 'DELETE'): Promise<void> {
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${bill.articles[1].id}/vote`) && r.request().method() === method),
      voteButton(value).click()
    ])
    assert.equal(response.status(), 200, `${method} vote answered ${response.status()}`)
  }

  /** A citizen registered through the API (signed in), with a vote on article 2 when asked; and a page of theirs. */
  async function reader (vote?: 'for' | 'mixed' | 'against'): Promise<{ client: ApiClient; email: string; password: string }> {
    const who = { client: b.s.client(), email: `lecteur${++readers}@example.org`, password: 'une phrase de passe solide' }
    assert.equal((await who.client.post('/auth/register', { email: who.email, password: who.password, displayName: `Lecteur ${readers}` })).status, 201)
    if (vote) assert.equal((await who.client.put(`/articles/${bill.articles[1].id}/vote`, { value: vote })).status, 200)
    page = await b.newPage(who.client)
    return who
  }

  /** Opens the bill and waits until the vote of article 2 reads `value` (or none). */
  async function openBill (value: 'for' | 'mixed' | 'against' | null = null): Promise<void> {
    await page.goto(`${b.url}/bills/${bill.id}`)
    await article2().waitFor()
    await until(page, 'the reader\'s vote is shown', ([sel, v]: [string, string | null]) =>
      (v === null ? document.querySelector(`${sel} .vote__button[aria-pressed="true"]`) === null : document.querySelector(`${sel} .vote__button[data-value="${v}"]`)?.getAttribute('aria-pressed') === 'true') &&
      !document.querySelector(`${sel} .vote__button[disabled]`), [`#article-${bill.articles[1].id}`, value])
  }

  before(async () => {
    author = await b.s.as('author', 'Mme Dupont')
    closedBill = await publishedBill(author, [{ num: '1er', alineas: ['Texte de la consultation close.'] }])
    const closed = await author.post(`/bills/${closedBill.id}/close`)
    assert.equal(closed.status, 200, `close: ${JSON.stringify(closed.body)}`)
    closedBill = closed.body
  })

  // Each test has a fresh bill (its tallies start at 0) and opens its own page.
  beforeEach(async () => { bill = await publishedBill(author) })

  it('says in French why a sign-in failed and keeps the form', async () => {
    page = await b.newPage()
    await page.goto(`${b.url}/login`)
    await page.getByLabel('Adresse électronique').fill('personne@example.org')
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe')
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.locator('.form-error').waitFor()
    assert.equal(await text(page.locator('.form-error')), '⚠ Adresse électronique ou mot de passe incorrect.')
    assert.equal(await page.getByLabel('Adresse électronique').inputValue(), 'personne@example.org')
    assert.equal(await page.getByLabel('Mot de passe').inputValue(), 'pas le bon mot de passe')
  })

  it('registers a citizen, signs them in and lands on the home page with the focus on its title', async () => {
    page = await b.newPage()
    await page.goto(`${b.url}/login`)
    await page.getByRole('link', { name: 'Créer un compte' }).first().click()
    await until(page, 'the register page is shown', () => location.pathname === '/register')
    await page.getByLabel('Nom affiché').fill(citizen.name)
    await page.getByLabel('Adresse électronique').fill(citizen.email)
    await page.getByLabel('Mot de passe').fill(citizen.password)
    await page.getByLabel('Organisation', { exact: false }).check()
    await page.getByLabel('Citoyen ou citoyenne').check()
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith('/api/v1/auth/register')),
      page.getByRole('button', { name: 'Créer mon compte' }).click()
    ])
    assert.equal(response.status(), 201)
    assert.equal(JSON.parse(response.request().postData() ?? '{}').profileType, 'citizen')
    await until(page, 'the home page is shown', () => location.pathname === '/' && document.querySelector('main h1')?.textContent === 'Consultations')
    assert.equal(await text(page.locator('.session__name')), `Connecté en tant que ${citizen.name}`)
    await until(page, 'focus on the page heading', () => document.activeElement?.tagName === 'H1')
    assert.match(await text(page.locator('.announcer')), /Compte créé/)
  })

  it('lists the open consultation first, with its authors, time left and participants, then the closed one', async () => {
    await reader()
    await page.goto(`${b.url}/`)
    const open = page.locator('section[aria-labelledby="open-title"]')
    const closed = page.locator('section[aria-labelledby="closed-title"]')
    await open.getByRole('link', { name: bill.title }).first().waitFor()
    const card = open.locator('.bill-card').filter({ has: page.locator(`a[href="/bills/${bill.id}"]`) })
    assert.match(await text(card), /Par Mme Dupont/)
    assert.match(await text(card), /encore 30 jours/)
    assert.match(await text(card), /0 participant/)
    assert.match(await text(card), /Consultation ouverte/)
    assert.equal(await closed.locator(`a[href="/bills/${closedBill.id}"]`).count(), 1)
    assert.equal(await open.locator(`a[href="/bills/${closedBill.id}"]`).count(), 0)
  })

  it('opens the bill: header, outline, articles with numbered alinéas and an empty tally', async () => {
    await reader()
    await page.goto(`${b.url}/`)
    await page.locator(`section[aria-labelledby="open-title"] a[href="/bills/${bill.id}"]`).click()
    await until(page, 'the bill page is shown', (title: string) => document.querySelector('main h1')?.textContent === title, bill.title)
    await until(page, 'focus moves to the page heading', () => document.activeElement?.tagName === 'H1')
    assert.equal(await page.title(), `${bill.title} · Alinea`)
    assert.match(await text(page.locator('.bill-header')), /Par Mme Dupont/)
    assert.match(await text(page.locator('.bill-header')), /Du .+ au .+/)
    assert.deepEqual(await page.locator('nav.outline a').allTextContents(), ['Article 1er', 'Article 2'])
    assert.match(await text(article2().locator('h3')), /^Article 2/)
    assert.deepEqual(await article2().locator('.alinea__text').allTextContents(), bill.articles[1].alineas)
    assert.deepEqual(await article2().locator('.alinea__num').allTextContents(), ['1', '2'])
    const num = (await article2().locator('.alinea__num').first().boundingBox())!
    const body = (await article2().locator('.alinea__text').first().boundingBox())!
    assert.ok(num.x + num.width <= body.x, 'alinéa numbers sit in the margin, left of the text')
    assert.equal(await count('for'), '0')
    assert.equal(await pressed('for'), 'false')
    assert.equal(await voteButton('for').isEnabled(), true)
  })

  it('names what was not found: a bill, an article or an amendment that does not exist', async () => {
    page = await b.newPage()
    for (const [path, title] of [['/bills/nope', 'Projet introuvable'], ['/articles/nope', 'Article introuvable'], ['/amendments/nope', 'Amendement introuvable']]) {
      await page.goto(`${b.url}${path}`)
      await until(page, `« ${title} » is shown`, (t: string) => document.querySelector('main h1')?.textContent === t && document.querySelector('.page--not-found') !== null, title)
    }
  })

  it('votes "Pour": the button is pressed, the figure changes, and a reload keeps both', async () => {
    await reader()
    await openBill()
    await clickVote('for', 'PUT')
    await until(page, '"Pour" is pressed', (sel: string) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true', `#article-${bill.articles[1].id} .vote__button[data-value="for"]`)
    assert.equal(await count('for'), '1')
    assert.match(await text(article2().locator('.tally__total')), /1 vote/)
    assert.match(await text(article2().locator('.feedback')), /Vote enregistré : Pour/)
    assert.equal(await pressed('mixed'), 'false')

    await page.reload()
    await article2().waitFor()
    assert.equal(await pressed('for'), 'true')
    assert.equal(await count('for'), '1')
    assert.match(await text(page.locator('.bill-header')), /1 participant/)
  })

  it('a second click on the chosen value withdraws the vote; another value changes it', async () => {
    await reader('for')
    await openBill('for')
    await clickVote('for', 'DELETE')
    await until(page, 'the vote is withdrawn', (sel: string) => document.querySelector(sel)?.textContent === '0', `#article-${bill.articles[1].id} .tally__fig[data-value="for"] .tally__count`)
    assert.equal(await pressed('for'), 'false')
    assert.match(await text(article2().locator('.feedback')), /Vote retiré/)

    await clickVote('against', 'PUT')
    await clickVote('mixed', 'PUT')
    await until(page, '"Mitigé" is pressed', (sel: string) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true', `#article-${bill.articles[1].id} .vote__button[data-value="mixed"]`)
    assert.deepEqual([await count('for'), await count('mixed'), await count('against')], ['0', '1', '0'])
    assert.deepEqual([await pressed('for'), await pressed('mixed'), await pressed('against')], ['false', 'true', 'false'])
    const api = await b.s.client().get(`/bills/${bill.id}`)
    assert.deepEqual(api.body.articles[1].tally, { for: 0, mixed: 1, against: 0 }, 'the server agrees')
  })

  it('signed out, the buttons are disabled with the reason and a sign-in link that comes back to the article', async () => {
    const citizen = await reader('mixed')
    await openBill('mixed')
    await Promise.all([
      page.waitForResponse(r => r.url().endsWith('/api/v1/auth/logout')),
      page.getByRole('button', { name: 'Se déconnecter' }).click()
    ])
    await until(page, 'the vote buttons are disabled', (sel: string) => (document.querySelector(sel) as HTMLButtonElement | null)?.disabled === true, `#article-${bill.articles[1].id} .vote__button[data-value="for"]`)
    for (const v of ['for', 'mixed', 'against'] as const) assert.equal(await voteButton(v).isDisabled(), true, `${v} disabled`)
    assert.equal(await pressed('mixed'), 'false', 'a signed-out reader has no vote of their own')
    assert.equal(await count('mixed'), '1', 'the tally stays visible')
    assert.match(await text(article2().locator('.vote__reason')), /réservé aux participants connectés/)
    const link = article2().getByRole('link', { name: 'Se connecter pour voter' })
    const href = await link.getAttribute('href')
    assert.equal(href, `/login?next=${encodeURIComponent(`/bills/${bill.id}#article-${bill.articles[1].id}`)}`)

    await link.click()
    await until(page, 'the login page is shown', () => location.pathname === '/login')
    await page.getByLabel('Adresse électronique').fill(citizen.email)
    await page.getByLabel('Mot de passe').fill(citizen.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await until(page, 'back on the bill', (path: string) => location.pathname === path && location.hash.startsWith('#article-'), `/bills/${bill.id}`)
    await until(page, '"Mitigé" is pressed again', (sel: string) => document.querySelector(sel)?.getAttribute('aria-pressed') === 'true', `#article-${bill.articles[1].id} .vote__button[data-value="mixed"]`)
    assert.equal(await voteButton('for').isEnabled(), true)
    await until(page, 'focus lands on the article', () => /^article-/.test(document.activeElement?.closest('article')?.id ?? ''))
  })

  it('disables the vote with the reason on a closed consultation', async () => {
    await reader()
    await page.goto(`${b.url}/bills/${closedBill.id}`)
    const card = page.locator(`#article-${closedBill.articles[0].id}`)
    await card.waitFor()
    assert.equal(await card.locator('.vote__button[data-value="for"]').isDisabled(), true)
    assert.match(await text(card.locator('.vote__reason')), /consultation est close/)
    assert.equal(await card.getByRole('link', { name: 'Se connecter pour voter' }).count(), 0)
    assert.match(await text(page.locator('.bill-header')), /Consultation close/)
  })

  it('switches to English: "For", "Mixed", "Against", remembered after a reload', async () => {
    await reader()
    await page.goto(`${b.url}/bills/${bill.id}`)
    await article2().waitFor()
    await page.locator('.lang-switch__button[lang="en"]').click()
    await until(page, 'the page is in English', () => document.documentElement.lang === 'en')
    assert.deepEqual(await article2().locator('.vote__word').allTextContents(), ['For', 'Mixed', 'Against'])
    assert.equal(await page.getByRole('button', { name: 'For', exact: true }).count(), await page.locator('.article-card').count())
    assert.equal(await text(article2().locator('.tally__fig[data-value="mixed"] .tally__word')), 'Mixed')
    assert.equal(await page.locator('.lang-switch__button[lang="en"]').getAttribute('aria-pressed'), 'true')
    assert.match(await text(page.locator('.session__name')), /^Signed in as /)
    await page.reload()
    await article2().waitFor()
    assert.equal(await text(voteButton('for').locator('.vote__word')), 'For')
    assert.match(await text(page.locator('.bill-header')), /days left/)
    await page.locator('.lang-switch__button[lang="fr"]').click()
    await until(page, 'the page is in French again', () => document.documentElement.lang === 'fr')
    assert.equal(await text(voteButton('for').locator('.vote__word')), 'Pour')
  })

  it('has no serious or critical accessibility violation on the home, bill and login pages', async () => {
    // axe is injected as an inline script, which the server's CSP rightly forbids: this context
    // bypasses CSP for the audit only (the main context keeps it, and fails on any violation).
    const audit = await b.newContext((await reader()).client, { bypassCSP: true })
    const auditPage = await audit.newPage()
    const pages = [['home', '/'], ['bill', `/bills/${bill.id}`], ['closed bill', `/bills/${closedBill.id}`], ['login', '/login'], ['register', '/register']]
    const failures: string[] = []
    for (const [name, path] of pages) {
      await auditPage.goto(b.url + path)
      await auditPage.locator('main h1').waitFor()
      await auditPage.locator('.session__name').waitFor()
      const violations = await seriousA11yViolations(auditPage)
      if (violations.length) failures.push(`${name} (${path}), signed in:\n${describeViolations(violations)}`)
    }
    // Signed out too: the disabled widget and its sign-in link.
    await audit.clearCookies()
    await auditPage.goto(`${b.url}/bills/${bill.id}`)
    await auditPage.locator('.vote__reason').first().waitFor()
    const violations = await seriousA11yViolations(auditPage)
    if (violations.length) failures.push(`bill, signed out:\n${describeViolations(violations)}`)
    assert.equal(failures.join('\n\n'), '')
  })

  it('fits a 360 px screen and saves screenshots of the bill (and home, register) pages at 360 and 1280 px', async () => {
    await reader()
    await page.goto(`${b.url}/bills/${bill.id}`)
    await article2().waitFor()
    for (const width of [360, 1280]) {
      await b.screenshot(page, 'bill', width)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`)
    }
    assert.ok(await heading().isVisible())
    // The home and register pages too, for review.
    for (const [name, path] of [['home', '/'], ['register', '/register']]) {
      await page.goto(b.url + path)
      await heading().waitFor()
      await page.locator('.loading').waitFor({ state: 'detached' })
      for (const width of [360, 1280]) await b.screenshot(page, name, width)
    }
  })
})
