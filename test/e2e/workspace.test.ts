/**
 * « Mon espace » in a real browser: an author reaches it from the header and
 * sees their bills with the number of amendments waiting for a decision,
 * the amendments to decide (oldest first, as the server orders them) and
 * the latest activity; a citizen gets neither the link nor the page.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { amendedBill } from '../helpers/amendments.ts'
import { text, until } from '../helpers/pages.ts'

describe('Browser: the authors\' space (« Mon espace »)', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let author: ApiClient
  let citizen: ApiClient
  let bill: any
  let draftId: string

  before(async () => {
    const made = await amendedBill(b.s)
    ;({ author, citizen, bill } = made)
    draftId = (await author.post('/bills', { title: 'Avant-projet en chantier', summary: 'Résumé', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body.id
    assert.equal((await author.post(`/amendments/${made.first.id}/decision`, { status: 'accepted', response: 'Oui.' })).status, 200)
    assert.equal((await citizen.post(`/amendments/${made.delay.id}/arguments`, { side: 'for', body: 'Quinze jours suffisent.' })).status, 201)
  })

  it('lists the author\'s bills with pending counts, what to decide and the recent activity', async () => {
    const page = await b.newPage(author, { bypassCSP: true })
    await page.goto(`${b.url}/`)
    await page.getByRole('link', { name: 'Mon espace' }).click()
    await page.waitForURL(/\/workspace$/)
    await page.getByRole('heading', { name: 'Mon espace', level: 1 }).waitFor()
    await page.locator('.workspace-bill').first().waitFor()

    const expected = (await author.get('/me/workspace')).body
    const card = page.locator(`.workspace-bill[data-bill-id="${bill.id}"]`)
    assert.equal(await card.getAttribute('data-pending'), '2')
    assert.equal(await text(card.locator('.workspace-bill__pending')), '2 amendements en attente de décision')
    assert.match(await text(card), /adoptés : 1 · rejetés : 0 · retirés : 0/)
    assert.equal(await card.getByRole('link', { name: 'Décider des amendements' }).getAttribute('href'), `/bills/${bill.id}/amendments`)
    const draft = page.locator(`.workspace-bill[data-bill-id="${draftId}"]`)
    assert.equal(await draft.getAttribute('data-pending'), '0')
    assert.match(await text(draft), /Brouillon/)

    assert.match(await text(page.locator('#workspace-pending-title')), /À décider \(2\)/)
    const pending = await page.locator('.workspace-pending__item').evaluateAll(li => li.map(x => x.getAttribute('data-amendment-id')))
    assert.deepEqual(pending, expected.needsDecision.map((a: any) => a.id), 'in the server\'s order (oldest first)')
    assert.match(await text(page.locator('.workspace-pending__item').first()), /Article 2 — Projet de loi de test/)

    const activity = page.locator('.workspace-activity__item')
    assert.equal(await activity.count(), 4)
    assert.match(await text(page.locator('.workspace-activity__item[data-type="argument"]')), /Camille a écrit un argument pour l’amendement n° \d \(Article 2\)/)

    await b.review(page, 'workspace')
  })

  it('has no link for a citizen, and says the page is not theirs', async () => {
    const page = await b.newPage(citizen, { bypassCSP: true })
    await page.goto(`${b.url}/`)
    await page.getByRole('link', { name: /Connecté en tant que/ }).waitFor()
    assert.equal(await page.getByRole('link', { name: 'Mon espace' }).count(), 0)
    await page.goto(`${b.url}/workspace`)
    await until(page, 'the refusal', () => document.querySelector('[data-not-allowed="forbidden"]') !== null)
    assert.match(await text(page.locator('[data-not-allowed]')), /auteurs, des services et des administrateurs/)
    await b.axe(page)
  })
})
