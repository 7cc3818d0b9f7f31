/**
 * The interface speaks the reader's language: it follows the browser's
 * (navigator.language) until the reader chooses, then keeps the choice; and
 * the English interface writes English: article "1er" is "article 1", one day
 * is "1 day", figures are separated as English does ("Citizens: 1; ...").
 * An argument form closes once the argument is published.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

describe('Browser: the language of the interface', function () {
  this.timeout(90_000)

  const b = browserSuite()
  let author: ApiClient
  let bill: any

  before(async () => {
    author = await b.s.as('author', 'Mme Dupont')
    bill = await publishedBill(author)
    const voter = await b.s.as('citizen', 'Jean Votant')
    assert.equal((await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 200)
  })

  it('follows the browser language until the reader chooses, then keeps the choice', async () => {
    const context = await b.newContext(null, { locale: 'en-US' })
    const page = b.watch(await context.newPage())
    await page.goto(`${b.url}/`)
    await until(page, 'the page is in English', () => document.documentElement.lang === 'en')
    assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true', 'the English button is the one pressed')
    await page.getByRole('button', { name: 'Français' }).click()
    await until(page, 'the page is in French', () => document.documentElement.lang === 'fr')
    await page.reload()
    await until(page, 'the choice is kept after a reload', () => document.documentElement.lang === 'fr' && document.querySelector('main') !== null)
    await context.close()

    const frPage = await b.newPage(null, { locale: 'fr-FR' })
    await frPage.goto(`${b.url}/`)
    await until(frPage, 'a French browser gets French', () => document.documentElement.lang === 'fr')
  })

  it('writes English in English: article numbers, plurals and separators', async () => {
    const page = await b.newPage(null, { locale: 'en-GB' })
    await page.goto(`${b.url}/articles/${bill.articles[0].id}`)
    await page.locator('.vote__label').waitFor()
    const legend = await text(page.locator('.vote__label'))
    assert.match(legend, /article 1\b/, `the first article is "article 1" in English: ${legend}`)
    assert.doesNotMatch(legend, /1er/)

    await page.goto(`${b.url}/bills/${bill.id}/synthesis`)
    await until(page, 'the synthesis is shown', () => document.querySelector('.synthesis-participation') !== null, undefined, 15_000)
    const days = await page.locator('[data-chart="chart-days"]').evaluate(el => el.textContent ?? '')
    assert.match(days, /\b1 day of activity, 1 contribution;/, 'one day, one contribution, in the singular')
    const profiles = await page.locator('#chart-profiles-desc').textContent()
    assert.match(profiles ?? '', /^Citizens: 1; /, `English separators: ${profiles}`)
  })

  it('closes the argument form once the argument is published', async () => {
    // A bill of its own: the figures of the one above stay as they are.
    const own = await publishedBill(author)
    const page = await b.newPage(await b.s.as('citizen', 'Camille Martin'))
    await page.goto(`${b.url}/articles/${own.articles[1].id}`)
    await page.getByRole('tab', { name: /Arguments/ }).click()
    const column = page.locator('.argument-column[data-side="for"]')
    assert.equal(await text(column.locator('.argument-list__empty, .arguments__empty, p').filter({ hasText: 'argument pour' }).first()), 'Pas encore d’argument pour.')
    await column.getByRole('button', { name: 'Ajouter un argument pour' }).click()
    await column.getByLabel('Votre argument pour').fill('Un argument clair.')
    await column.getByRole('button', { name: 'Publier l’argument pour' }).click()
    await column.locator('.argument__body', { hasText: 'Un argument clair.' }).waitFor()
    await until(page, 'the form is closed', () => document.querySelector('.argument-column[data-side="for"] textarea') === null)
    await until(page, 'focus is back on the button that opens the form', () => document.activeElement?.classList.contains('argument-form__open') === true)
  })
})
