/**
 * What a citizen on a phone sees first, measured in pixels at 360 x 740 in a
 * touch context: the bill's header fits in a third of the first screen and
 * the text starts on it (the summary folded behind "Lire le résumé");
 * keyboard hints (Ctrl+Z) are hidden on touch devices and shown with a mouse;
 * "Comment ça marche" explains the process on the home page and on a bill,
 * with the bill's dates and its current step. axe on the bill page with the
 * explanation open. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const SUMMARY = 'Cette proposition de loi vise à garantir que les administrations ne conservent les données personnelles que le temps nécessaire, à ouvrir un droit d’accès simplifié et à créer une autorité de contrôle indépendante dotée de moyens propres. Elle prévoit aussi des sanctions.'

describe('Browser: a bill on a phone', function () {
  this.timeout(90_000)

  const b = browserSuite()
  let citizen: ApiClient
  let bill: any
  const phonePage = (): Promise<Page> => b.newPage(citizen, { phone: true, bypassCSP: true })

  before(async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    bill = await publishedBill(author)
    const patched = await author.patch(`/bills/${bill.id}`, { title: 'Proposition de loi relative à la protection des données publiques', summary: SUMMARY })
    assert.equal(patched.status, 200)
    citizen = await b.s.as('citizen', 'Camille Martin')
  })

  it('fits the bill header in a third of the first screen, with the text starting on it', async () => {
    const page = await phonePage()
    await page.goto(`${b.url}/bills/${bill.id}`)
    await page.locator('.article-card').first().waitFor()
    const m = await page.evaluate(() => {
      const header = document.querySelector('.bill-header')!.getBoundingClientRect()
      const first = document.querySelector('.article-card h3, .article-card h4')!.getBoundingClientRect()
      return { header: header.height, firstArticle: first.bottom, screen: innerHeight, scrollWidth: document.documentElement.scrollWidth }
    })
    assert.ok(m.header <= m.screen / 3, `the bill header is ${Math.round(m.header)} px high, more than a third of ${m.screen} px`)
    assert.ok(m.firstArticle <= m.screen, `the first article's heading ends at ${Math.round(m.firstArticle)} px, below the first screen`)
    assert.ok(m.scrollWidth <= 360, `nothing overflows sideways (${m.scrollWidth} px)`)

    assert.equal(await page.locator('#bill-summary').isVisible(), false, 'the summary is folded')
    const toggle = page.getByRole('button', { name: 'Lire le résumé' })
    await toggle.tap()
    await until(page, 'the summary unfolds', () => document.querySelector('#bill-summary')?.getBoundingClientRect().height !== 0)
    assert.equal(await text(page.locator('#bill-summary')), SUMMARY)
    assert.equal(await page.getByRole('button', { name: 'Masquer le résumé' }).getAttribute('aria-expanded'), 'true')
    await b.screenshot(page, 'bill-phone', 360)
  })

  it('explains the process on the bill with its dates and current step, and on the home page', async () => {
    const page = await phonePage()
    await page.goto(`${b.url}/bills/${bill.id}`)
    const how = page.locator('.bill-header .how-it-works')
    await how.locator('summary').tap()
    await until(page, 'the explanation opens', () => document.querySelector('.bill-header .how-it-works')?.hasAttribute('open') === true)
    const current = how.locator('[aria-current="step"]')
    assert.equal(await current.getAttribute('data-step'), 'consultation')
    assert.match(await text(current), /La consultation \(du \d+ \S+ \d{4} au \d+ \S+ \d{4}\) — étape en cours/)
    assert.match(await text(how.locator('.how-it-works__who')), /Mme Dupont/)
    await b.axe(page)

    await page.goto(`${b.url}/`)
    const home = page.locator('main .how-it-works')
    await home.locator('summary').tap()
    assert.equal(await home.locator('.how-it-works__step').count(), 3)
    assert.equal(await home.locator('[aria-current="step"]').count(), 0, 'no bill, no current step')
  })

  it('hides keyboard hints on a touch screen and shows them with a mouse', async () => {
    const page = await phonePage()
    await page.goto(`${b.url}/articles/${bill.articles[1].id}/amend`)
    await page.locator('#amend-editor-hint').waitFor()
    assert.equal(await page.locator('#amend-editor-hint .keyboard-hint').isVisible(), false, 'no Ctrl+Z on a phone')
    assert.match(await text(page.locator('#amend-editor-hint')), /Chaque paragraphe est un alinéa\./)

    const deskPage = await b.newPage(await b.s.as('citizen', 'Paul Bureau'))
    await deskPage.goto(`${b.url}/articles/${bill.articles[1].id}/amend`)
    await deskPage.locator('#amend-editor-hint .keyboard-hint').waitFor({ state: 'visible' })
    assert.match(await text(deskPage.locator('#amend-editor-hint .keyboard-hint')), /Ctrl\+Z annule/)
  })
})
