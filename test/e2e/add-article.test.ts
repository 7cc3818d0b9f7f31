/**
 * Additional articles in a real browser: a citizen follows "Proposer un
 * article additionnel" after article 2 on the bill page, writes the new
 * article in the amend editor (the diff inserts everything, the dispositif
 * reads « Après l'article 2, insérer un article additionnel ainsi rédigé : »),
 * files it, and finds it on the bill page between the articles, and on its
 * own page, with its number; amendment cards carry their numbers.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'
import { text, until } from '../helpers/pages.ts'

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

describe('Browser: proposing an additional article', function () {
  this.timeout(90_000)
  const b = browserSuite()
  let page: Page
  let citizen: ApiClient
  let bill: any
  let art2 = ''

  before(async () => {
    const editor = await b.s.as('author', 'Mme Dupont')
    bill = await publishedBill(editor)
    art2 = bill.articles[1].id
    citizen = await b.s.as('citizen', 'Camille Citoyenne')
    // Two amendments first, so the new one is n° 3.
    await proposed(await b.s.as('citizen'), art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    await proposed(await b.s.as('citizen'), art2, ['Le délai est de vingt jours.', ARTICLE_2[1]])
  })

  beforeEach(async () => { page = await b.newPage(citizen) })

  it('proposes an additional article from the bill page, and sees it between the articles and on its own page', async () => {
    await page.goto(`${b.url}/bills/${bill.id}`)
    const link = page.getByRole('link', { name: 'Proposer un article additionnel après l’article 2' })
    await link.click()
    await until(page, 'the add-article page is shown', () => document.querySelector('main h1')?.textContent === 'Proposer un article additionnel après l’article 2')
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
    await page.getByLabel('Titre de l’article').fill('Ouverture par défaut')
    await page.locator('.amend-editor [contenteditable="true"]').click()
    await page.keyboard.type('Les données publiques sont ouvertes par défaut.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Un décret en fixe les exceptions.')
    await until(page, 'the preview inserts both alinéas', () => document.querySelectorAll('.amend-preview ins').length === 2)
    const wording = plain(await text(page.locator('.amend-preview .wording__text').first()))
    assert.match(wording, /^Après l'article 2, insérer un article additionnel ainsi rédigé :/)
    assert.match(wording, /« Les données publiques sont ouvertes par défaut\./)
    await page.getByLabel('Exposé sommaire').fill('La transparence doit être la règle, le secret l’exception.')
    const [created] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/bills/${bill.id}/amendments`) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    ])
    assert.equal(created.status(), 201)
    const sent = JSON.parse(created.request().postData() ?? '{}')
    assert.deepEqual(sent, {
      position: { after: art2 },
      alineas: ['Les données publiques sont ouvertes par défaut.', 'Un décret en fixe les exceptions.'],
      explanation: 'La transparence doit être la règle, le secret l’exception.',
      baseRevision: 1,
      heading: 'Ouverture par défaut'
    })
    const body = await created.json()
    assert.equal(body.number, 3)
    await page.getByRole('heading', { name: /Votre amendement est déposé\. \(n° 3\)/ }).waitFor()

    await page.goto(`${b.url}/bills/${bill.id}`)
    const addition = page.locator(`.additional-articles [data-amendment-id="${body.id}"]`)
    await addition.waitFor()
    // At its place: after article 2's card.
    const after2 = await page.evaluate(id => {
      const card = document.getElementById(`article-${id}`)!
      const added = document.querySelector('.additional-articles')!
      return !!(card.compareDocumentPosition(added) & Node.DOCUMENT_POSITION_FOLLOWING)
    }, art2)
    assert.ok(after2, 'the additional article follows article 2')
    assert.match(await text(addition), /Article additionnel après l’article 2/)
    assert.match(await text(addition), /n° 3/)

    await addition.getByRole('link', { name: 'Article additionnel après l’article 2' }).click()
    await until(page, 'its own page', (path: string) => location.pathname === path && document.querySelector('main h1')?.textContent === 'Article additionnel après l’article 2', `/amendments/${body.id}`)
    assert.match(await text(page.locator('.amendment-header')), /n° 3/)
    assert.equal(await page.locator('main ins').count() >= 2, true, 'the diff inserts the new article')
  })

  it('shows the amendment numbers on the cards of an article', async () => {
    await page.goto(`${b.url}/articles/${art2}`)
    await page.getByRole('tab', { name: /Amendements/ }).click()
    const cards = page.locator('.amendment-card')
    await until(page, 'two cards', () => document.querySelectorAll('.amendment-card').length === 2)
    const numbers = (await cards.locator('.amendment-badge--number').allTextContents()).map(plain).sort()
    assert.deepEqual(numbers, ['n° 1', 'n° 2'])
  })
})
