/**
 * The decisions page on a stale view: after a new revision changed an
 * article, an amendment written on the old one is shown re-applied on the
 * latest text (its dispositif and diff), with « Voir le diff d'origine » for
 * what was filed; a conflicting one says so. The page reads the bill-wide
 * list (no request per article), and an article's own list when filtered on
 * it. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { publishedBill, type TestServer } from '../helpers/server.ts'
import { describeViolations, launchBrowser, screenshotAt, seriousA11yViolations, startServerWithClient } from '../helpers/browser.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'
import { publishEdits } from '../helpers/edit.ts'
import { contextAs, text, until, watchProblems } from '../helpers/pages.ts'

describe('Browser: deciding on amendments written on an older revision', function () {
  this.timeout(120_000)

  let s: TestServer
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let bill: any
  let clean: any
  let conflicting: any
  const requests: string[] = []
  const problems: string[] = []

  before(async () => {
    s = await startServerWithClient()
    const author = await s.as('author', 'Mme Dupont')
    bill = await publishedBill(author)
    const citizen = await s.as('citizen', 'Camille')
    const art2 = bill.articles[1].id
    clean = await proposed(citizen, art2, [ARTICLE_2[0], 'Un arrêté fixe les modalités.'])
    conflicting = await proposed(citizen, art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    await proposed(citizen, bill.articles[0].id, ['Premier alinéa, autrement dit.'])
    await publishEdits(s.app, author, bill, { [art2]: ['Le délai est de vingt jours.', ARTICLE_2[1]] })
    browser = await launchBrowser()
    context = await contextAs(browser, s, author, { bypassCSP: true })
    page = await context.newPage()
    watchProblems(page, problems)
    page.on('request', r => { if (r.url().includes('/api/v1/')) requests.push(new URL(r.url()).pathname) })
  })

  after(async () => {
    await browser?.close()
    await s?.stop()
  })

  afterEach(() => {
    assert.deepEqual(problems.splice(0), [], 'no script error and no console error in the page')
  })

  it('shows the re-applied text and its diff, the original diff on request, and the conflict', async () => {
    await page.goto(`${s.url}/bills/${bill.id}/amendments`)
    await until(page, 'three rows', () => document.querySelectorAll('.decision').length === 3)
    assert.ok(requests.includes(`/api/v1/bills/${bill.id}/amendments`), 'the bill-wide list')
    assert.deepEqual(requests.filter(p => /^\/api\/v1\/articles\/[^/]+\/amendments$/.test(p)), [], 'no request per article')
    assert.equal(await text(page.locator('.filters__count')), '3 amendements')

    const row = page.locator(`.decision[data-amendment-id="${clean.id}"]`)
    const rebased = row.locator('[data-rebase="clean"]')
    await rebased.waitFor()
    assert.match(await text(rebased.locator('.decision__rebase-note')), /version 1.*version 2/)
    // The wording and the diff against the latest text: « vingt » stays, the décret becomes an arrêté.
    assert.match(await text(rebased.locator('.decision__wording .wording__text').first()), /alinéa 2.*« décret ».*« arrêté »/)
    const diff = rebased.locator('[data-diff="rebased"]')
    assert.match(await text(diff), /vingt jours/)
    assert.match(await text(diff.locator('ins').first()), /arrêté/)
    // The original diff is there on request only.
    const original = rebased.locator('details[data-diff="original"]')
    assert.equal(await original.getAttribute('open'), null)
    assert.equal(await original.locator('.diff').isVisible(), false)
    await original.locator('summary').click()
    await until(page, 'the original diff is open', (id: string) => document.querySelector(`.decision[data-amendment-id="${id}"] details[data-diff="original"]`)?.hasAttribute('open') === true, clean.id)
    assert.match(await text(original.locator('.diff').first()), /trente jours/)

    const other = page.locator(`.decision[data-amendment-id="${conflicting.id}"]`)
    await other.locator('[data-rebase="conflict"]').waitFor()
    assert.match(await text(other.locator('.decision__rebase-note')), /ne s’applique plus tel quel sur la version 2/)
    assert.match(await text(other.locator('.decision__conflicts')), /vingt.*quinze/)

    const violations = await seriousA11yViolations(page)
    assert.deepEqual(violations, [], describeViolations(violations))
    await screenshotAt(page, 'decisions-rebased', 360)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
    assert.ok(overflow <= 0, `nothing wider than 360 px (${overflow} px too wide)`)
    await screenshotAt(page, 'decisions-rebased', 1280)
  })

  it('filtered on one article, reads that article\'s list and still shows the re-applied text', async () => {
    requests.length = 0
    await page.goto(`${s.url}/bills/${bill.id}/amendments?article=${bill.articles[1].id}`)
    await until(page, 'two rows', () => document.querySelectorAll('.decision').length === 2)
    assert.ok(requests.includes(`/api/v1/articles/${bill.articles[1].id}/amendments`))
    await page.locator(`.decision[data-amendment-id="${clean.id}"] [data-rebase="clean"]`).waitFor()
    await page.locator(`.decision[data-amendment-id="${conflicting.id}"] [data-rebase="conflict"]`).waitFor()
  })
})
