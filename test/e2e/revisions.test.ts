/**
 * Issue 16 in a real browser against the real server: after revision 2
 * changes article 2, its card and its page say « Modifié le … (révision 2) »
 * with the changes from revision 1 one click away; the tally counts the
 * votes on the current text and writes apart those on the earlier one; a
 * voter whose vote is on the earlier text confirms it on the new text with
 * one button; the comparison table labels its columns with their revision
 * and offers « Depuis la révision 1 »; the synthesis page splits the tally
 * too. axe-core on each page (no serious or
 * critical violation), nothing wider than 360 px, screenshots at 360 / 1280
 * px. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { publishEdits } from '../helpers/edit.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { text, until } from '../helpers/pages.ts'

const WAIT = 20_000
const NEW_TEXT = ['Le délai est de quinze jours.', 'Un décret fixe les modalités.']

describe('Browser: a text that changed says so', function () {
  this.timeout(180_000)

  const b = browserSuite({ timeout: WAIT })
  let editor: ApiClient & { userId: string }
  let ann: ApiClient & { userId: string }
  let bob: ApiClient & { userId: string }
  let bill: any
  let first: any
  let second: any
  const pageAs = (client: ApiClient | null): Promise<Page> => b.newPage(client, { bypassCSP: true })

  /** A bill whose article 2 changed in revision 2 after Ann (for) and Bob (against) voted on it; Ann voted mixed on article 1. */
  async function changedBill (): Promise<{ bill: any; first: any; second: any }> {
    const bill = await publishedBill(editor)
    const [first, second] = bill.articles
    assert.equal((await ann.put(`/articles/${second.id}/vote`, { value: 'for' })).status, 200)
    assert.equal((await bob.put(`/articles/${second.id}/vote`, { value: 'against' })).status, 200)
    assert.equal((await ann.put(`/articles/${first.id}/vote`, { value: 'mixed' })).status, 200)
    const published = await publishEdits(b.s.app, editor, bill, { [second.id]: NEW_TEXT })
    assert.equal(published.revision, 2)
    return { bill, first, second }
  }

  before(async () => {
    editor = await b.s.as('author', 'Mme la Rapporteure')
    ann = await b.s.as('citizen', 'Ann Dupont')
    bob = await b.s.as('citizen', 'Bob Martin')
    // Read only by the tests below but the vote and the synthesis, which change their own bill.
    ;({ bill, first, second } = await changedBill())
  })

  it('says on the bill page which article changed, with the changes one click away', async () => {
    const page = await pageAs(ann)
    await page.goto(`${b.url}/bills/${bill.id}`)
    const card = page.locator(`#article-${second.id}`)
    await until(page, 'the changed article has its notice', (id: string) => document.querySelector(`#article-${id} .revision-notice`) !== null, second.id, WAIT)
    assert.match(await text(card.locator('.revision-notice__text')), /^Modifié le .+ \(révision 2\)$/)
    assert.equal(await page.locator(`#article-${first.id} .revision-notice`).count(), 0, 'an unchanged article says nothing')

    const toggle = card.getByRole('button', { name: 'Voir les changements depuis la révision 1' })
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false')
    await toggle.click()
    await until(page, 'the diff is shown', (id: string) => document.querySelector(`#article-${id} .revision-notice__diff .diff-ins`) !== null, second.id, WAIT)
    assert.equal(await card.locator('.revision-notice__toggle').getAttribute('aria-expanded'), 'true')
    assert.match(await text(card.locator('.revision-notice__diff .diff-del').first()), /trente/)
    assert.match(await text(card.locator('.revision-notice__diff .diff-ins').first()), /quinze/)

    // The card's tally: the votes on the current text (none yet), the earlier ones apart.
    assert.match(await text(card.locator('.revision-tally__earlier')), /pour 1 · mitigé 0 · contre 1/)
    assert.equal(await card.locator('.tally__fig--for').getAttribute('data-value'), 'for')
    assert.match(await text(card.locator('.tally__fig--for')), /0/)
    assert.equal(await card.getByRole('button', { name: 'Confirmer mon vote sur le nouveau texte' }).count(), 1)
    await b.review(page, 'revision-bill')
  })

  it('splits the tally on the article page and confirms a vote on the new text', async () => {
    const { second } = await changedBill()
    const page = await pageAs(ann)
    await page.goto(`${b.url}/articles/${second.id}`)
    await until(page, 'the article page', () => document.querySelector('.article-vote .revision-tally') !== null, undefined, WAIT)
    assert.match(await text(page.locator('.article-text .revision-notice__text')), /\(révision 2\)/)
    const vote = page.locator('.article-vote')
    assert.match(await text(vote.locator('.revision-tally__earlier')), /pour 1 · mitigé 0 · contre 1/)
    assert.match(await text(vote.locator('.confirm-vote__note')), /Votre vote \(Pour\) portait sur un texte antérieur \(révision 1\)\./i)
    await b.review(page, 'revision-article')

    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${second.id}/vote`) && r.request().method() === 'PUT'),
      vote.getByRole('button', { name: 'Confirmer mon vote sur le nouveau texte' }).click()
    ])
    assert.equal(response.status(), 200)
    assert.deepEqual(JSON.parse(response.request().postData() ?? '{}'), { value: 'for' }, 'the same choice, cast again')
    await until(page, 'the confirmation is said', () => /Vote confirmé sur le nouveau texte/.test(document.querySelector('.article-vote')?.textContent ?? ''), undefined, WAIT)
    assert.equal(await vote.getByRole('button', { name: 'Confirmer mon vote sur le nouveau texte' }).count(), 0)
    assert.match(await text(vote.locator('.revision-tally__earlier')), /pour 0 · mitigé 0 · contre 1/)
    assert.match(await text(vote.locator('.tally__fig--for')), /1/)
    const stored = (await ann.get(`/articles/${second.id}`)).body
    assert.equal(stored.myVoteRevision, 2)
    assert.deepEqual(stored.tally.byRevision.current, { for: 1, mixed: 0, against: 0 })
  })

  it('labels the comparison table with its revisions and compares with revision 1 on request', async () => {
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/consolidated`)
    await until(page, 'the consolidated page', () => document.querySelector('.comparison') !== null, undefined, WAIT)
    assert.deepEqual(await page.locator('.comparison thead th').allTextContents(), ['Texte de la révision 2', 'Texte consolidé (révision 2 et amendements adoptés)'])
    const group = page.locator(`.comparison tbody[data-article-id="${second.id}"]`)
    assert.match(await text(group.locator('tr[data-kind="kept"] td').first()), /quinze/)

    await page.getByRole('link', { name: 'Depuis la révision 1' }).click()
    await until(page, 'the comparison from revision 1', () => location.search === '?from=1' && document.querySelector('.comparison thead th')?.textContent === 'Texte initial (révision 1)', undefined, WAIT)
    assert.deepEqual(await page.locator('.comparison thead th').allTextContents(), ['Texte initial (révision 1)', 'Texte consolidé (révision 2 et amendements adoptés)'])
    const changed = group.locator('tr[data-kind="changed"]')
    assert.match(await text(changed.locator('td').nth(0)), /trente/)
    assert.match(await text(changed.locator('td').nth(1).locator('.diff-changed')), /quinze/)
    assert.match(await text(page.locator('.comparison__caption')), /depuis la révision 1/)
    assert.equal(await page.getByRole('link', { name: 'Depuis la dernière révision (2)' }).count(), 1)
    await b.review(page, 'revision-comparison')
  })

  it('shows the synthesis with the votes on the current text and the earlier ones apart', async () => {
    const { bill, second } = await changedBill()
    assert.equal((await ann.put(`/articles/${second.id}/vote`, { value: 'for' })).status, 200)
    const page = await pageAs(editor)
    await page.goto(`${b.url}/bills/${bill.id}/synthesis`)
    await until(page, 'the synthesis of article 2', () => document.querySelector('.revision-tally__earlier') !== null, undefined, WAIT)
    // Ann confirmed her vote on the new text: only Bob's is on the earlier text.
    assert.match(await text(page.locator('.revision-tally__earlier')), /pour 0 · mitigé 0 · contre 1/)
    assert.equal(await page.locator('.revision-tally').getAttribute('data-since'), '2')
    await b.review(page, 'revision-synthesis')
  })
})
