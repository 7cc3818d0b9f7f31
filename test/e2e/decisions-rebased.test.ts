/**
 * The decisions page on a stale view: after a new revision changed an
 * article, an amendment written on the old one is shown re-applied on the
 * latest text (its dispositif and diff), with « Voir le diff d'origine » for
 * what was filed; a conflicting one says so. The page reads the bill-wide
 * list (no request per article), and an article's own list when filtered on
 * it. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import type { ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { ARTICLE_2, amendedBill } from '../helpers/amendments.ts'
import { publishEdits } from '../helpers/edit.ts'
import { text, until } from '../helpers/pages.ts'

describe('Browser: deciding on amendments written on an older revision', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let author: ApiClient
  let bill: any
  let clean: any
  let conflicting: any

  before(async () => {
    ({ author, bill, decree: clean, delay: conflicting } = await amendedBill(b.s))
    // The new revision changes the delay: the decree's amendment re-applies cleanly, the delay's conflicts.
    await publishEdits(b.s.app, author, bill, { [bill.articles[1].id]: ['Le délai est de vingt jours.', ARTICLE_2[1]] })
  })

  /** The author's page, and the paths of the API requests it makes. */
  async function open (): Promise<{ page: Page; requests: string[] }> {
    const page = await b.newPage(author, { bypassCSP: true })
    const requests: string[] = []
    page.on('request', r => { if (r.url().includes('/api/v1/')) requests.push(new URL(r.url()).pathname) })
    return { page, requests }
  }

  it('shows the re-applied text and its diff, the original diff on request, and the conflict', async () => {
    const { page, requests } = await open()
    await page.goto(`${b.url}/bills/${bill.id}/amendments`)
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

    await b.review(page, 'decisions-rebased')
  })

  it('filtered on one article, reads that article\'s list and still shows the re-applied text', async () => {
    const { page, requests } = await open()
    await page.goto(`${b.url}/bills/${bill.id}/amendments?article=${bill.articles[1].id}`)
    await until(page, 'two rows', () => document.querySelectorAll('.decision').length === 2)
    assert.ok(requests.includes(`/api/v1/articles/${bill.articles[1].id}/amendments`))
    await page.locator(`.decision[data-amendment-id="${clean.id}"] [data-rebase="clean"]`).waitFor()
    await page.locator(`.decision[data-amendment-id="${conflicting.id}"] [data-rebase="conflict"]`).waitFor()
  })
})
