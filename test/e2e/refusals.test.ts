/**
 * Refused contributions in a real browser, with the server's limits on (one
 * contribution of each kind a minute): the reason is written out (the rate
 * limit with its delay, a closed consultation) and nothing typed is lost —
 * the argument's text, the amend editor's text and the exposé sommaire.
 * An unchanged text is refused before it is sent. Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { caretTo, text, until } from '../helpers/pages.ts'

describe('Browser: refused contributions keep what was typed', function () {
  this.timeout(90_000)

  const b = browserSuite({ config: { contributionsPerMinute: 1 } })
  let page: Page
  let editor: ApiClient
  let bill: any
  let article: any

  before(async () => {
    editor = await b.s.as('author', 'Mme Dupont')
  })

  // Each test has its own bill (one closes) and its own citizen (limits are per user).
  beforeEach(async () => {
    bill = await publishedBill(editor)
    article = bill.articles[1]
    page = await b.newPage(await b.s.as('citizen', 'Rapide'))
  })

  it('a second argument within the minute: the limit is explained, with its delay, and the text stays', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    const column = page.locator('.argument-column[data-side="against"]')
    await column.getByRole('button', { name: 'Ajouter un argument contre' }).click()
    const field = column.getByLabel('Votre argument contre')
    await field.fill('Premier argument.')
    await column.getByRole('button', { name: 'Publier l’argument contre' }).click()
    await column.locator('.argument__body', { hasText: 'Premier argument.' }).waitFor()

    await until(page, 'the form closes once published', () => document.querySelector('.argument-column[data-side="against"] textarea') === null)
    assert.equal(await column.getByRole('button', { name: 'Ajouter un argument contre' }).evaluate(b => b === document.activeElement), true, 'focus returns to the button that opens the form')
    await column.getByRole('button', { name: 'Ajouter un argument contre' }).click()
    await field.fill('Un second argument, trop tôt.')
    const [refused] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${article.id}/arguments`) && r.request().method() === 'POST'),
      column.getByRole('button', { name: 'Publier l’argument contre' }).click()
    ])
    assert.equal(refused.status(), 429)
    await column.locator('.form-error').waitFor()
    assert.match(await text(column.locator('.form-error')), /Vous avez atteint la limite de contributions : réessayez dans \d+ s\./)
    assert.equal(await field.inputValue(), 'Un second argument, trop tôt.')
    assert.equal(await column.locator('.argument').count(), 1)
  })

  it('the amend form: unchanged text refused before sending; over the limit and after closing, the reason shows and the text stays', async () => {
    // One amendment through the API uses this minute's allowance.
    await page.goto(`${b.url}/articles/${article.id}`)
    const me = await page.evaluate(() => fetch('/api/v1/articles/' + location.pathname.split('/')[2] + '/amendments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ alineas: ['Le délai est de vingt jours.', 'Un décret fixe les modalités.'], explanation: 'Plus court.', baseRevision: 1 })
    }).then(r => r.status))
    assert.equal(me, 201)

    await page.goto(`${b.url}/articles/${article.id}/amend`)
    const editorBox = page.getByRole('textbox', { name: 'Texte de l’article 2, modifiable' })
    await editorBox.waitFor()
    await page.getByLabel(/Exposé sommaire/).fill('Mon exposé, à garder.')
    let requests = 0
    page.on('request', r => { if (r.url().endsWith(`/articles/${article.id}/amendments`) && r.method() === 'POST') requests++ })
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    await until(page, 'the unchanged text is refused', () => /identique à l’article/.test(document.querySelector('.form-error')?.textContent ?? ''))
    assert.equal(requests, 0, 'nothing was sent')

    // Delete the article, then file: over the limit.
    await page.getByLabel('Supprimer l’article (proposer sa suppression)').check()
    await until(page, 'the preview shows the deletion', () => /Supprimer cet article/.test(document.querySelector('.amend-preview .wording__text')?.textContent ?? ''))
    const [limited] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${article.id}/amendments`) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    ])
    assert.equal(limited.status(), 429)
    assert.deepEqual(JSON.parse(limited.request().postData() ?? '{}').alineas, [], 'deleting the article sends no alinéa')
    await until(page, 'the limit is explained', () => /limite de contributions/.test(document.querySelector('.form-error')?.textContent ?? ''))
    assert.equal(await page.getByLabel(/Exposé sommaire/).inputValue(), 'Mon exposé, à garder.')
    assert.equal(await page.getByLabel('Supprimer l’article (proposer sa suppression)').isChecked(), true)

    // The consultation closes meanwhile: the server's reason, and the text still there.
    await page.getByLabel('Supprimer l’article (proposer sa suppression)').uncheck()
    await editorBox.click()
    await caretTo(page, 'start', '.amend-editor__text')
    await page.keyboard.type('Désormais, ')
    await until(page, 'the preview follows', () => /Désormais/.test(document.querySelector('.amend-preview ins')?.textContent ?? ''))
    assert.equal((await editor.post(`/bills/${bill.id}/close`)).status, 200)
    const [closed] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${article.id}/amendments`) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    ])
    assert.equal(closed.status(), 422)
    await until(page, 'the closing is explained', () => /La consultation n’est pas ouverte/.test(document.querySelector('.form-error')?.textContent ?? ''))
    assert.match((await editorBox.locator('p').first().textContent()) ?? '', /^Désormais, Le délai/)
    assert.equal(await page.getByLabel(/Exposé sommaire/).inputValue(), 'Mon exposé, à garder.')
  })
})
