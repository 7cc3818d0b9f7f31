/**
 * The amend page keeps what was typed: the draft (text or dispositif, exposé)
 * is restored after a reload with « Brouillon restauré » and can be
 * discarded; leaving with unsaved changes asks first (the browser's
 * beforeunload dialog, a confirm for in-app links), never after filing.
 * While editing, the proposed amendments that already change the same
 * passage are shown with the right count. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Dialog, Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'
import { caretTo, text, until } from '../helpers/pages.ts'

const EXPOSE = 'Publier le décret rend la règle lisible.'
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('alinea:draft:')))

describe('Browser: drafts of amendments, the leave warning and the similar amendments', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let page: Page
  let author: ApiClient
  let bill: any
  const ids: Record<string, string> = {}
  const dialogs: { type: string; message: string }[] = []
  /** What the next dialog gets: accept (leave) or dismiss (stay). */
  let answer: 'accept' | 'dismiss' = 'accept'

  before(async () => {
    author = await b.s.as('author', 'Mme Dupont')
    bill = await publishedBill(author)
    const others = await b.s.as('citizen', 'Bruno')
    const art2 = bill.articles[1].id
    ids.arrete = (await proposed(others, art2, [ARTICLE_2[0], 'Un arrêté fixe les modalités.'])).id
    ids.conseil = (await proposed(others, art2, [ARTICLE_2[0], 'Un décret en Conseil d’État fixe les modalités.'])).id
    ids.quinze = (await proposed(others, art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])).id
    await (await b.s.as('citizen', 'Chloé')).put(`/amendments/${ids.conseil}/vote`, { value: 'for' })
  })

  beforeEach(async () => {
    // Each test has its own citizen (one test signs out) and page (a new context: no draft stored).
    answer = 'accept'
    dialogs.length = 0
    // bypassCSP: the accessibility audit (axe) is injected as an inline script.
    page = await b.newPage(await b.s.as('citizen', 'Camille'), { bypassCSP: true })
    page.on('dialog', (d: Dialog) => {
      dialogs.push({ type: d.type(), message: d.message() })
      void (answer === 'accept' ? d.accept() : d.dismiss())
    })
  })

  async function openAmend (articleId: string): Promise<void> {
    await page.goto(`${b.url}/articles/${articleId}/amend`)
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
  }

  /** Types at the start of the article (alinéa 1 changes), then, when `both`, at its end (alinéa 2 changes). */
  async function typeChanges (both: boolean): Promise<void> {
    await page.locator('.amend-editor__text').click()
    await caretTo(page, 'start', '.amend-editor__text')
    await page.keyboard.type('Désormais, ')
    if (!both) return
    await caretTo(page, 'end', '.amend-editor__text')
    await page.keyboard.type(' Il est publié.')
  }

  it('shows the amendments that already change the edited passage, with the right count and links', async () => {
    const art2 = bill.articles[1].id
    await openAmend(art2)
    assert.equal(await page.locator('.similar li').count(), 0, 'nothing typed: no hint')
    await typeChanges(false)
    await until(page, 'the hint lists one amendment', () => document.querySelector('.similar')?.getAttribute('data-similar') === '1')
    assert.equal(await text(page.locator('#similar-title')), '1 amendement modifie déjà ce passage')
    assert.deepEqual(await page.locator('.similar a').evaluateAll(as => as.map(a => a.getAttribute('href'))), [`/amendments/${ids.quinze}`],
      'only the amendment of alinéa 1')

    // The second alinéa too: the two amendments of alinéa 2 overlap as well, the most supported first.
    await caretTo(page, 'end', '.amend-editor__text')
    await page.keyboard.type(' Il est publié.')
    await until(page, 'the hint lists three amendments', () => document.querySelector('.similar')?.getAttribute('data-similar') === '3')
    assert.equal(await text(page.locator('#similar-title')), '3 amendements modifient déjà ce passage')
    const hrefs = await page.locator('.similar a').evaluateAll(as => as.map(a => a.getAttribute('href')))
    assert.equal(hrefs[0], `/amendments/${ids.conseil}`)
    assert.deepEqual([...hrefs].sort(), [ids.arrete, ids.conseil, ids.quinze].map(id => `/amendments/${id}`).sort())
    assert.match(await text(page.locator('.similar__item').first()), /1 pour · 0 mitigé · 0 contre/)
    await b.axe(page)
  })

  it('restores the draft after a reload, warns before leaving, and discards it on request', async () => {
    await openAmend(bill.articles[1].id)
    await typeChanges(true)
    await page.getByLabel(/Exposé sommaire/).fill(EXPOSE)
    // A reload asks first (beforeunload).
    dialogs.length = 0
    answer = 'accept'
    await until(page, 'the draft is stored', () => Object.keys(localStorage).some(k => k.startsWith('alinea:draft:amend:')))
    await page.reload()
    assert.deepEqual(dialogs.map(d => d.type), ['beforeunload'])
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
    await page.locator('[data-draft="restored"]').waitFor()
    assert.match(await text(page.locator('[data-draft="restored"]')), /^Brouillon restauré/)
    assert.deepEqual(await page.locator('.amend-editor__text p').allTextContents(), ['Désormais, ' + ARTICLE_2[0], ARTICLE_2[1] + ' Il est publié.'])
    assert.equal(await page.getByLabel(/Exposé sommaire/).inputValue(), EXPOSE)
    await until(page, 'the preview and the hint are back', () => document.querySelector('.similar')?.getAttribute('data-similar') === '3')
    await b.review(page, 'amend-draft-restored')

    // An in-app link asks too: staying keeps everything.
    dialogs.length = 0
    answer = 'dismiss'
    const path = new URL(page.url()).pathname
    await page.locator('.breadcrumb a').last().click()
    assert.deepEqual(dialogs.map(d => d.type), ['confirm'])
    assert.match(dialogs[0].message, /n’est pas déposé/)
    assert.equal(new URL(page.url()).pathname, path, 'still on the amend page')
    assert.equal(await page.getByLabel(/Exposé sommaire/).inputValue(), EXPOSE)

    // « Effacer le brouillon »: the article's text again, nothing stored, and leaving no longer asks.
    await page.getByRole('button', { name: 'Effacer le brouillon' }).click()
    await page.locator('[data-draft="restored"]').waitFor({ state: 'detached' })
    await until(page, 'the text is the article again', (t: string[]) => JSON.stringify([...document.querySelectorAll('.amend-editor__text p')].map(p => p.textContent)) === JSON.stringify(t), ARTICLE_2)
    assert.equal(await page.getByLabel(/Exposé sommaire/).inputValue(), '')
    await until(page, 'the draft is gone', () => !Object.keys(localStorage).some(k => k.startsWith('alinea:draft:')))
    dialogs.length = 0
    await page.reload()
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
    assert.deepEqual(dialogs, [], 'nothing unsaved: no warning')
    assert.equal(await page.locator('[data-draft="restored"]').count(), 0)
  })

  it('keeps a dispositif draft too, and forgets the draft once the amendment is filed', async () => {
    // Its own bill: the amendment filed here would otherwise be among the similar ones of the other tests.
    const art2 = (await publishedBill(author)).articles[1].id
    await openAmend(art2)
    await page.getByRole('radio', { name: 'Rédiger le dispositif' }).check()
    const dispositif = 'À l\'alinéa 1, substituer au mot : « trente » le mot : « vingt ».'
    await page.getByRole('textbox', { name: 'Dispositif' }).fill(dispositif)
    await page.getByLabel(/Exposé sommaire/).fill(EXPOSE)
    await until(page, 'the draft is stored', () => Object.keys(localStorage).some(k => k.startsWith('alinea:draft:amend:')))
    dialogs.length = 0
    answer = 'accept'
    await page.reload()
    assert.deepEqual(dialogs.map(d => d.type), ['beforeunload'])
    await page.locator('[data-draft="restored"]').waitFor()
    assert.equal(await page.getByRole('radio', { name: 'Rédiger le dispositif' }).isChecked(), true)
    assert.equal(await page.getByRole('textbox', { name: 'Dispositif' }).inputValue(), dispositif)
    await until(page, 'the dispositif is read again', () => document.querySelector('.amend-preview ins')?.textContent?.includes('vingt') === true)

    const [created] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${art2}/amendments`) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    ])
    assert.equal(created.status(), 201)
    await page.locator('#filed-title').waitFor()
    assert.deepEqual(await draftKeys(page), [], 'filed: the draft is forgotten')
    dialogs.length = 0
    await page.locator('.filed__links a').first().click()
    await page.waitForURL(/\/amendments\//)
    assert.deepEqual(dialogs, [], 'filed: leaving does not ask')
  })

  it('keeps the draft of an additional article, and forgets every draft on signing out', async () => {
    const anchor = bill.articles[0].id
    await page.goto(`${b.url}/bills/${bill.id}/add-article?after=${anchor}`)
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
    await page.locator('.amend-editor__text').click()
    await page.keyboard.type('Un rapport est remis au Parlement.')
    await page.locator('#add-article-heading').fill('Rapport')
    await until(page, 'the draft is stored', () => Object.keys(localStorage).some(k => k.startsWith('alinea:draft:add:')))
    dialogs.length = 0
    answer = 'accept'
    await page.reload()
    assert.deepEqual(dialogs.map(d => d.type), ['beforeunload'])
    await page.locator('[data-draft="restored"]').waitFor()
    assert.deepEqual(await page.locator('.amend-editor__text p').allTextContents(), ['Un rapport est remis au Parlement.'])
    assert.equal(await page.locator('#add-article-heading').inputValue(), 'Rapport')
    // Signing out forgets every draft (a shared computer keeps nothing of what was typed).
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await until(page, 'the drafts are gone', () => !Object.keys(localStorage).some(k => k.startsWith('alinea:draft:')))
  })
})
