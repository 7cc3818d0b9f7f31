/**
 * The interface speaks the reader's language: it follows the browser's
 * (navigator.language) until the reader chooses, then keeps the choice; and
 * the English interface writes English: article "1er" is "article 1", one day
 * is "1 day", figures are separated as English does ("Citizens: 1; ...").
 * An argument form closes once the argument is published.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Browser } from 'playwright-core'
import { publishedBill, type TestServer } from '../helpers/server.ts'
import { launchBrowser, startServerWithClient } from '../helpers/browser.ts'
import { contextAs, text, until, watchProblems } from '../helpers/pages.ts'

describe('Browser: the language of the interface', function () {
  this.timeout(90_000)

  let s: TestServer
  let browser: Browser
  let bill: any
  const problems: string[] = []

  before(async () => {
    s = await startServerWithClient()
    const author = await s.as('author', 'Mme Dupont')
    bill = await publishedBill(author)
    const voter = await s.as('citizen', 'Jean Votant')
    assert.equal((await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 200)
    browser = await launchBrowser()
  })

  after(async () => {
    await browser?.close()
    await s?.stop()
  })

  afterEach(() => {
    assert.deepEqual(problems.splice(0), [], 'no script error and no console error in the pages')
  })

  it('follows the browser language until the reader chooses, then keeps the choice', async () => {
    const context = await contextAs(browser, s, null, { locale: 'en-US' })
    const page = await context.newPage()
    watchProblems(page, problems)
    await page.goto(`${s.url}/`)
    await until(page, 'the page is in English', () => document.documentElement.lang === 'en')
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true', 'the English button is the one pressed')
    await page.getByRole('button', { name: 'Français' }).click()
    await until(page, 'the page is in French', () => document.documentElement.lang === 'fr')
    await page.reload()
    await until(page, 'the choice is kept after a reload', () => document.documentElement.lang === 'fr' && document.querySelector('main') !== null)
    await context.close()

    const french = await contextAs(browser, s, null, { locale: 'fr-FR' })
    const frPage = await french.newPage()
    watchProblems(frPage, problems)
    await frPage.goto(`${s.url}/`)
    await until(frPage, 'a French browser gets French', () => document.documentElement.lang === 'fr')
    await french.close()
  })

  it('writes English in English: article numbers, plurals and separators', async () => {
    const context = await contextAs(browser, s, null, { locale: 'en-GB' })
    const page = await context.newPage()
    watchProblems(page, problems)
    await page.goto(`${s.url}/articles/${bill.articles[0].id}`)
    await page.locator('.vote__label').waitFor()
    const legend = await text(page.locator('.vote__label'))
    assert.match(legend, /article 1\b/, `the first article is "article 1" in English: ${legend}`)
    assert.doesNotMatch(legend, /1er/)

    await page.goto(`${s.url}/bills/${bill.id}/synthesis`)
    await until(page, 'the synthesis is shown', () => document.querySelector('.synthesis-participation') !== null, undefined, 15_000)
    const days = await page.locator('[data-chart="chart-days"]').evaluate(el => el.textContent ?? '')
    assert.match(days, /\b1 day of activity, 1 contribution;/, 'one day, one contribution, in the singular')
    const profiles = await page.locator('#chart-profiles-desc').textContent()
    assert.match(profiles ?? '', /^Citizens: 1; /, `English separators: ${profiles}`)
    await context.close()
  })

  it('closes the argument form once the argument is published', async () => {
    const citizen = await s.as('citizen', 'Camille Martin')
    const context = await contextAs(browser, s, citizen)
    const page = await context.newPage()
    watchProblems(page, problems)
    await page.goto(`${s.url}/articles/${bill.articles[1].id}`)
    await page.getByRole('tab', { name: /Arguments/ }).click()
    const column = page.locator('.argument-column[data-side="for"]')
    assert.equal(await text(column.locator('.argument-list__empty, .arguments__empty, p').filter({ hasText: 'argument pour' }).first()), 'Pas encore d’argument pour.')
    await column.getByRole('button', { name: 'Ajouter un argument pour' }).click()
    await column.getByLabel('Votre argument pour').fill('Un argument clair.')
    await column.getByRole('button', { name: 'Publier l’argument pour' }).click()
    await column.locator('.argument__body', { hasText: 'Un argument clair.' }).waitFor()
    await until(page, 'the form is closed', () => document.querySelector('.argument-column[data-side="for"] textarea') === null)
    await until(page, 'focus is back on the button that opens the form', () => document.activeElement?.classList.contains('argument-form__open') === true)
    await context.close()
  })
})
