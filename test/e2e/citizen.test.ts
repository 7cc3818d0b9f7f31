/**
 * The citizen's flow in a real browser against the real server: register,
 * read the bill, open an article, vote, propose an amendment in the amend
 * editor (live diff and generated wording before submitting), read it on its
 * page (inline and side by side, wording, copy), post an argument; a second
 * browser context on the article page sees the vote, the amendment count and
 * the argument arrive live, without reloading. Then accessibility (axe-core)
 * of the article, amend and amendment pages, and screenshots at 360 / 1280 px.
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { describeViolations, seriousA11yViolations } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { caretTo, escapeRe, liveReady, text, until } from '../helpers/pages.ts'
import { diffArticle } from '../../shared/diff.ts'
import { wording } from '../../shared/wording.ts'

describe('Browser: the citizen reads, votes, amends and argues', function () {
  this.timeout(120_000)

  const b = browserSuite()
  let author: ApiClient
  let camille: ApiClient
  let lea: ApiClient
  let page: Page
  let watcher: Page
  let bill: any
  let article: any
  let amendmentId = ''
  const citizen = { name: 'Camille Martin', email: `camille${Date.now()}@example.org`, password: 'une phrase de passe solide' }
  const proposed = ['Le délai est de quinze jours.', 'Un décret fixe les modalités.', 'Un rapport est remis au Parlement.']
  const EXPLANATION = 'Trente jours, c’est trop long pour les familles. Un rapport permet de suivre la mesure.'

  before(async () => {
    author = await b.s.as('author', 'Mme Dupont')
    camille = await b.s.as('citizen', citizen.name)
    lea = await b.s.as('citizen', 'Léa Observatrice')
  })

  // Each test has its own bill, Camille's page (the clipboard allowed) and Léa's, the second reader.
  beforeEach(async () => {
    bill = await publishedBill(author)
    article = bill.articles[1]
    const context = await b.newContext(camille)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: b.url })
    page = b.watch(await context.newPage())
    watcher = await b.newPage(lea)
  })

  /** Camille's amendment to article 2, filed through the API as the amend page files it. */
  async function fileAmendment (): Promise<void> {
    const r = await camille.post(`/articles/${article.id}/amendments`, { alineas: proposed, explanation: EXPLANATION, baseRevision: article.revision })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    amendmentId = r.body.id
  }

  /** Camille's argument for article 2, through the API. */
  async function postArgument (): Promise<void> {
    assert.equal((await camille.post(`/articles/${article.id}/arguments`, { side: 'for', body: 'Quinze jours suffisent : voir https://example.org/rapport.' })).status, 201)
  }

  /** Opens article 2 on both pages, live, and marks the second reader's document to tell a reload. */
  async function bothOnArticle (): Promise<void> {
    for (const p of [page, watcher]) {
      await p.goto(`${b.url}/articles/${article.id}`)
      await liveReady(p)
    }
    await watcher.evaluate(() => { (window as any).__sameDocument = true })
  }

  it('registers, reads the bill and opens an article from its card', async () => {
    page = await b.newPage()
    await page.goto(`${b.url}/register`)
    await page.getByLabel('Nom affiché').fill(citizen.name)
    await page.getByLabel('Adresse électronique').fill(citizen.email)
    await page.getByLabel('Mot de passe').fill(citizen.password)
    await page.getByRole('button', { name: 'Créer mon compte' }).click()
    await until(page, 'the home page is shown', () => location.pathname === '/' && !!document.querySelector('.session__name'))

    await page.locator(`a[href="/bills/${bill.id}"]`).first().click()
    const card = page.locator(`#article-${article.id}`)
    await card.waitFor()
    await card.getByRole('link', { name: 'Lire, débattre et amender l’article 2' }).click()
    await until(page, 'the article page is shown', (path: string) => location.pathname === path && document.querySelector('main h1')?.textContent?.startsWith('Article 2') === true, `/articles/${article.id}`)
    await until(page, 'the tab is named after the article', () => document.title === 'Article 2 · Alinea')
    assert.deepEqual(await page.locator('.article-text .alinea__text').allTextContents(), article.alineas)
    assert.deepEqual(await page.locator('.article-text .alinea__num').allTextContents(), ['1', '2'])
    const num = (await page.locator('.article-text .alinea__num').first().boundingBox())!
    const body = (await page.locator('.article-text .alinea__text').first().boundingBox())!
    assert.ok(num.x + num.width <= body.x, 'alinéa numbers sit in the margin')
    assert.ok(body.width <= 760, `readable width (${body.width} px)`)
    assert.match(await text(page.locator('.breadcrumb')), new RegExp(escapeRe(bill.title)))
    assert.equal(await page.getByRole('tab', { name: /Arguments \(0\)/ }).getAttribute('aria-selected'), 'true')
    assert.equal(await page.getByRole('tab', { name: /Amendements \(0\)/ }).getAttribute('aria-selected'), 'false')
    assert.equal(await page.getByRole('link', { name: 'Proposer un amendement' }).first().isVisible(), true)
  })

  it('votes "Pour": a second reader on the same page sees the tally move, without reloading', async () => {
    await bothOnArticle()
    const forButton = page.locator('.article-vote .vote__button[data-value="for"]')
    const [response] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${article.id}/vote`) && r.request().method() === 'PUT'),
      forButton.click()
    ])
    assert.equal(response.status(), 200)
    await until(page, '"Pour" is pressed', () => document.querySelector('.article-vote .vote__button[data-value="for"]')?.getAttribute('aria-pressed') === 'true')
    await until(watcher, 'the vote arrives live', () => document.querySelector('.article-vote .tally__fig[data-value="for"] .tally__count')?.textContent === '1')
    assert.equal(await watcher.evaluate(() => (window as any).__sameDocument), true, 'no reload')
    assert.equal(await watcher.locator('.article-vote .vote__button[data-value="for"]').getAttribute('aria-pressed'), 'false', 'the watcher did not vote')
  })

  it('proposes an amendment: edits the text like a document, sees the diff and the wording as they type, then files it', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.getByRole('link', { name: 'Proposer un amendement' }).first().click()
    await until(page, 'the amend page is shown', (path: string) => location.pathname === path, `/articles/${article.id}/amend`)
    const editor = page.getByRole('textbox', { name: 'Texte de l’article 2, modifiable' })
    await editor.waitFor()
    assert.deepEqual(await editor.locator('p').allTextContents(), article.alineas, 'the editor is filled with the article')
    assert.match(await text(page.locator('.amend-preview')), /Modifiez le texte/)

    // Click right after "trente", select the word backwards with Ctrl+Shift+Left, and type over it.
    const box = await editor.evaluate((el: HTMLElement) => {
      const node = el.querySelector('p')!.firstChild as Text
      const end = node.data.indexOf('trente') + 'trente'.length
      const range = document.createRange()
      range.setStart(node, end - 1)
      range.setEnd(node, end)
      const r = range.getBoundingClientRect()
      return { x: r.right - 1, y: r.y + r.height / 2 }
    })
    await page.mouse.click(box.x, box.y)
    await page.keyboard.press('Control+Shift+ArrowLeft')
    await page.keyboard.type('quinze')
    await until(page, 'the preview shows the substitution', () =>
      document.querySelector('.amend-preview del')?.textContent?.replace(/\s+/g, ' ') === 'début de suppression trente fin de suppression' &&
      document.querySelector('.amend-preview ins')?.textContent?.replace(/\s+/g, ' ') === 'début d’insertion quinze fin d’insertion')
      .catch(async err => { throw new Error(`${err.message}: the editor holds ${JSON.stringify(await editor.locator('p').allTextContents())}`) })
    assert.match(await text(page.locator('.amend-preview del').first()), /^début de suppression trente fin de suppression$/)
    assert.match(await text(page.locator('.amend-preview ins').first()), /^début d’insertion quinze fin d’insertion$/)

    // A new alinéa at the end: Ctrl+End, Enter, type.
    await caretTo(page, 'end', '.amend-editor__text')
    await page.keyboard.press('Enter')
    await page.keyboard.type(proposed[2])
    const expected = wording(diffArticle(article.alineas, proposed), 'fr')
    await until(page, 'the wording is written', (w: string) => document.querySelector('.amend-preview .wording__text')?.textContent === w, expected)
      .catch(async err => { throw new Error(`${err.message}: the editor holds ${JSON.stringify(await editor.locator('p').allTextContents())}`) })
    assert.equal(await text(page.locator('.amend-preview h3')), 'Voici comment votre amendement sera rédigé')
    assert.deepEqual(await editor.locator('p').allTextContents(), proposed)

    // Side by side in the preview too.
    await page.locator('.amend-preview').getByRole('button', { name: 'Côte à côte' }).click()
    await page.locator('.amend-preview table.diff-table').waitFor()
    assert.match(await text(page.locator('.amend-preview tr[data-kind="inserted"] td').nth(1)), new RegExp(`^Alinéa 3 ?${escapeRe(proposed[2])}$`))

    // The exposé is required: refused here, with the reason, nothing lost.
    await page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    await until(page, 'the exposé is asked for next to its field', () => /exposé sommaire est obligatoire/.test(document.querySelector('#amend-explanation-error')?.textContent ?? '') &&
      document.querySelector('#amend-explanation')?.getAttribute('aria-invalid') === 'true')
    assert.deepEqual(await editor.locator('p').allTextContents(), proposed, 'the text is kept')
    await page.getByLabel('Exposé sommaire').fill(EXPLANATION)
    const [created] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${article.id}/amendments`) && r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Déposer l’amendement' }).click()
    ])
    assert.equal(created.status(), 201)
    const sent = JSON.parse(created.request().postData() ?? '{}')
    assert.deepEqual(sent, { alineas: proposed, explanation: EXPLANATION, baseRevision: article.revision })
    amendmentId = (await created.json()).id
    await page.getByRole('heading', { name: /Votre amendement est déposé/ }).waitFor()
    await until(page, 'focus moves to the result', () => document.activeElement?.id === 'filed-title')
    assert.equal(await page.locator('.filed .wording__text').textContent(), expected)
    await page.getByRole('link', { name: 'Voir votre amendement' }).click()
    await until(page, 'the amendment page is shown', (path: string) => location.pathname === path && document.querySelector('main h1')?.textContent === 'Amendement à l’article 2', `/amendments/${amendmentId}`)
  })

  it('the second reader sees the amendment count change live', async () => {
    await bothOnArticle()
    await fileAmendment()
    await until(watcher, 'the amendment count arrives', () => /Amendements \(1\)/.test(document.querySelector('#tab-amendments')?.textContent ?? ''))
    await watcher.getByRole('tab', { name: /Amendements/ }).click()
    await watcher.locator(`[data-amendment-id="${amendmentId}"]`).waitFor()
    assert.equal(await watcher.evaluate(() => (window as any).__sameDocument), true, 'no reload')
  })

  it('shows the amendment on its page: diff inline and side by side, wording with a copy button, exposé', async () => {
    await fileAmendment()
    await page.goto(`${b.url}/amendments/${amendmentId}`)
    await until(page, 'the amendment page is shown', () => document.querySelector('main h1')?.textContent === 'Amendement à l’article 2')
    const view = (await b.s.client().get(`/amendments/${amendmentId}`)).body
    assert.equal(await page.locator('#wording-title + .wording .wording__text').textContent(), view.wording.fr)
    assert.match(await text(page.locator('.amendment-header')), /Proposé/)
    assert.match(await text(page.locator('.amendment-header')), new RegExp(citizen.name))
    assert.equal(await page.locator('.amendment-header a[href="/articles/' + article.id + '"]').count(), 1, 'links to the article')

    const inline = page.locator('section[aria-labelledby="diff-inline-title"]')
    assert.equal(await text(inline.locator('del')), 'début de suppression trente fin de suppression')
    assert.equal(await text(inline.locator('li[data-kind="changed"] ins')), 'début d’insertion quinze fin d’insertion')
    assert.equal(await text(inline.locator('li[data-kind="inserted"] ins')), `début d’insertion ${proposed[2]} fin d’insertion`)
    assert.equal(await inline.locator('.sr-only').first().evaluate(el => getComputedStyle(el).position), 'absolute', 'the spoken boundaries are visually hidden')

    const side = page.locator('section[aria-labelledby="diff-side-title"] table')
    assert.deepEqual(await side.locator('thead th').allTextContents(), ['Texte initial', 'Amendement'])
    const changed = side.locator('tr[data-kind="changed"]')
    assert.equal(await text(changed.locator('td').nth(0).locator('strong em')), 'trente')
    assert.equal(await text(changed.locator('td').nth(1).locator('strong em')), 'quinze')
    assert.equal(await changed.locator('td').nth(1).locator('strong').evaluate(el => getComputedStyle(el).fontWeight), '700')
    assert.equal(await changed.locator('td').nth(1).locator('em').evaluate(el => getComputedStyle(el).fontStyle), 'italic')
    assert.match(await text(side.locator('tr[data-kind="inserted"] td').nth(0)), /Alinéa ajouté/)

    await page.getByRole('button', { name: 'Copier le dispositif' }).click()
    await page.getByText('Dispositif copié.').waitFor()
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), view.wording.fr)
    assert.match(await text(page.locator('section[aria-labelledby="explanation-title"]')), /Trente jours, c’est trop long/)
    assert.equal(await page.getByRole('button', { name: 'Retirer mon amendement' }).count(), 1, 'its author may withdraw it')
  })

  it('in English, the amendment page gives the English wording with the French original, and dates the English way', async () => {
    await fileAmendment()
    await page.goto(`${b.url}/amendments/${amendmentId}`)
    await page.locator('#wording-title').waitFor()
    const view = (await b.s.client().get(`/amendments/${amendmentId}`)).body
    await page.locator('.lang-switch__button[lang="en"]').click()
    await until(page, 'the page is in English', () => document.documentElement.lang === 'en' && document.querySelector('main h1')?.textContent === 'Amendment to article 2')
    assert.equal(await text(page.locator('#wording-title')), 'Wording')
    const quotes = page.locator('#wording-title + .wording blockquote')
    assert.deepEqual(await quotes.evaluateAll(els => els.map(e => [e.getAttribute('lang'), e.textContent])), [['en', view.wording.en], ['fr', view.wording.fr]])
    assert.match(await text(page.locator('#wording-title + .wording')), /Official text, in French:/)
    assert.deepEqual(await page.locator('section[aria-labelledby="diff-side-title"] thead th').allTextContents(), ['Original text', 'Amendment'])
    assert.equal(await text(page.locator('section[aria-labelledby="diff-inline-title"] del')), 'deletion start trente deletion end')
    assert.equal(await text(page.locator('#explanation-title')), 'Explanatory statement')
    const date = new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(view.createdAt))
    assert.match(await text(page.locator('.amendment-header')), new RegExp(`Proposed by ${citizen.name}.*on ${escapeRe(date)}`))
    await page.locator('.lang-switch__button[lang="fr"]').click()
    await until(page, 'the page is in French again', () => document.documentElement.lang === 'fr')
  })

  it('on the article page, the amendment card toggles to the side-by-side view', async () => {
    await fileAmendment()
    await page.goto(`${b.url}/articles/${article.id}#amendements`)
    const card = page.locator(`[data-amendment-id="${amendmentId}"]`)
    await card.waitFor()
    assert.equal(await page.getByRole('tab', { name: /Amendements \(1\)/ }).getAttribute('aria-selected'), 'true')
    assert.equal(await card.locator('.diff--inline').count(), 1, 'inline by default')
    await card.getByRole('button', { name: 'Côte à côte' }).click()
    await card.locator('.diff--side').waitFor()
    assert.equal(await card.getByRole('button', { name: 'Côte à côte' }).getAttribute('aria-pressed'), 'true')
    assert.match(await text(card.locator('blockquote')), /quinze/)
    assert.match(await text(card), /Proposé/)
    await card.getByRole('button', { name: 'Dans le texte' }).click()
    await card.locator('.diff--inline').waitFor()
  })

  it('posts an argument: it appears for its author, and live for the second reader', async () => {
    await bothOnArticle()
    await page.getByRole('tab', { name: /Arguments/ }).click()
    await liveReady(page)
    const forColumn = page.locator('.argument-column[data-side="for"]')
    await forColumn.getByRole('button', { name: 'Ajouter un argument pour' }).click()
    const body = 'Quinze jours suffisent : voir https://example.org/rapport.'
    await forColumn.getByLabel('Votre argument pour').fill(body)
    await forColumn.getByRole('button', { name: 'Publier l’argument pour' }).click()
    await forColumn.locator('.argument__body', { hasText: 'Quinze jours suffisent' }).waitFor()
    await until(page, 'the form closes once published', () => document.querySelector('.argument-column[data-side="for"] textarea') === null)
    const link = forColumn.locator('.argument__body a')
    assert.equal(await link.getAttribute('href'), 'https://example.org/rapport')
    assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener')

    const watched = watcher.locator('.argument-column[data-side="for"] .argument__body', { hasText: 'Quinze jours suffisent' })
    await watcher.getByRole('tab', { name: /Arguments/ }).click()
    await watched.waitFor()
    await until(watcher, 'the argument count arrives', () => /Arguments \(1\)/.test(document.querySelector('#tab-arguments')?.textContent ?? ''))
    assert.equal(await watcher.evaluate(() => (window as any).__sameDocument), true, 'no reload')

    // The second reader supports it; its author sees the figure move.
    const upvote = watcher.locator('.argument-column[data-side="for"] .upvote')
    await upvote.click()
    await until(watcher, 'the upvote is pressed', () => document.querySelector('.argument-column[data-side="for"] .upvote')?.getAttribute('aria-pressed') === 'true')
    await until(page, 'the upvote arrives live', () => document.querySelector('.argument-column[data-side="for"] .upvote-count')?.getAttribute('data-count') === '1')
  })

  it('on the bill page, the article cards\' tallies move live too', async () => {
    await watcher.goto(`${b.url}/bills/${bill.id}`)
    await liveReady(watcher)
    await watcher.evaluate(() => { (window as any).__sameDocument = true })
    const count = (value: string) => watcher.locator(`#article-${article.id} .tally__fig[data-value="${value}"] .tally__count`).textContent()
    const before = Number(await count('for'))
    assert.equal((await (await b.s.as('citizen')).put(`/articles/${article.id}/vote`, { value: 'for' })).status, 200)
    await until(watcher, 'the tally moves', ([sel, n]: [string, string]) => document.querySelector(sel)?.textContent === n,
      [`#article-${article.id} .tally__fig[data-value="for"] .tally__count`, String(before + 1)])
    assert.equal(await watcher.evaluate(() => (window as any).__sameDocument), true, 'no reload')
  })

  it('when the server ends the live session, the page reconnects by itself and re-fetches what it may have missed', async () => {
    await bothOnArticle()
    const refetched = watcher.waitForResponse(r => r.url().endsWith(`/api/v1/articles/${article.id}`) && r.request().method() === 'GET', { timeout: 8000 })
    b.s.app.live.io.disconnectSockets(true)
    const voter = await b.s.as('citizen')
    assert.equal((await voter.put(`/articles/${article.id}/vote`, { value: 'against' })).status, 200)
    assert.equal((await refetched).status(), 200, 'the article is fetched again after the reconnection')
    await until(watcher, 'the missed vote shows', () => document.querySelector('.article-vote .tally__fig[data-value="against"] .tally__count')?.textContent === '1')
    await liveReady(watcher)
    assert.equal(await watcher.evaluate(() => (window as any).__sameDocument), true, 'no reload')
    // Subscribed again: the next event arrives live.
    assert.equal((await voter.put(`/articles/${article.id}/vote`, { value: 'mixed' })).status, 200)
    await until(watcher, 'the next vote arrives live', () => document.querySelector('.article-vote .tally__fig[data-value="mixed"] .tally__count')?.textContent === '1')
  })

  it('reports the argument through the "Signaler" dialog; once hidden, it says why, live', async () => {
    await postArgument()
    await bothOnArticle()
    await watcher.getByRole('tab', { name: /Arguments/ }).click()
    await page.getByRole('tab', { name: /Arguments/ }).click()
    const item = watcher.locator('.argument-column[data-side="for"] .argument').first()
    await item.getByRole('button', { name: /^Signaler/ }).click()
    const dialog = watcher.getByRole('dialog', { name: 'Signaler un contenu' })
    await dialog.waitFor()
    assert.deepEqual(await dialog.locator('.choice span').allTextContents(),
      ['Spam ou publicité', 'Propos injurieux ou haineux', 'Hors sujet', 'Erreur ou information fausse', 'Autre motif'])
    await dialog.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await dialog.getByText('Choisissez un motif.').waitFor()
    await dialog.getByLabel('Hors sujet').check()
    await dialog.getByLabel('Précisions (facultatif)').fill('Rien à voir avec le délai.')
    const [sent] = await Promise.all([
      watcher.waitForResponse(r => r.url().endsWith('/api/v1/reports')),
      dialog.getByRole('button', { name: 'Envoyer le signalement' }).click()
    ])
    assert.equal(sent.status(), 201)
    const argumentId = await item.getAttribute('data-argument-id')
    assert.deepEqual(JSON.parse(sent.request().postData() ?? '{}'), { target: { type: 'argument', id: argumentId }, reason: 'off_topic', body: 'Rien à voir avec le délai.' })
    await dialog.getByText(/votre signalement est transmis/).waitFor()
    await dialog.getByRole('button', { name: 'Fermer' }).click()
    await until(watcher, 'the dialog closes', () => !document.querySelector('dialog[open]'))

    const moderator = await b.s.as('moderator')
    const hidden = await moderator.post('/moderation/actions', { target: { type: 'argument', id: argumentId }, action: 'hide', reason: 'off_topic' })
    assert.equal(hidden.status, 201)
    await until(watcher, 'the argument is hidden live', () => document.querySelector('.argument-column[data-side="for"] .argument__body')?.textContent === 'Masqué par la modération : hors sujet')
    await until(page, 'its author is told', () => /Masqué par la modération : hors sujet\. Vous seul voyez encore ce texte/.test(document.querySelector('.argument-column[data-side="for"] .argument')?.textContent ?? ''))
    await watcher.reload()
    await watcher.locator('.argument__body--hidden').waitFor()
    assert.equal(await text(watcher.locator('.argument-column[data-side="for"] .argument__body')), 'Masqué par la modération : hors sujet')
  })

  it('has no serious or critical accessibility violation on the article, amend and amendment pages', async () => {
    // axe is injected as an inline script, which the CSP forbids: this context bypasses CSP for the audit only.
    await fileAmendment()
    await postArgument()
    const audit = await b.newContext(camille, { bypassCSP: true })
    const auditPage = await audit.newPage()
    const failures: string[] = []
    const check = async (name: string) => {
      const violations = await seriousA11yViolations(auditPage)
      if (violations.length) failures.push(`${name}:\n${describeViolations(violations)}`)
    }
    await auditPage.goto(`${b.url}/articles/${article.id}`)
    await auditPage.locator('.argument').first().waitFor()
    await check('article (arguments)')
    await auditPage.getByRole('tab', { name: /Amendements/ }).click()
    await auditPage.locator('.amendment-card').first().waitFor()
    await check('article (amendments)')
    await auditPage.goto(`${b.url}/articles/${article.id}/amend`)
    await auditPage.getByRole('textbox', { name: /modifiable/ }).waitFor()
    await check('amend')
    await auditPage.goto(`${b.url}/amendments/${amendmentId}`)
    await auditPage.locator('#wording-title').waitFor()
    await auditPage.locator('.argument-column').first().waitFor()
    await check('amendment')
    assert.equal(failures.join('\n\n'), '')
  })

  it('fits 360 px and saves screenshots of the article and amendment pages at 360 and 1280 px', async () => {
    await fileAmendment()
    await postArgument()
    for (const [name, path, ready] of [
      ['article', `/articles/${article.id}`, '.argument'],
      ['amendment', `/amendments/${amendmentId}`, '#wording-title'],
      ['amend', `/articles/${article.id}/amend`, '.amend-editor[data-ready="true"]']
    ]) {
      await page.goto(b.url + path)
      await page.locator(ready).first().waitFor()
      for (const width of [360, 1280]) {
        await b.screenshot(page, name, width)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        assert.ok(overflow <= 0, `${name}: no horizontal scrolling at ${width} px (overflow ${overflow} px)`)
      }
    }
    await page.setViewportSize({ width: 360, height: 800 })
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.locator('.argument').first().waitFor()
    const [forBox, againstBox] = await Promise.all([
      page.locator('.argument-column[data-side="for"]').boundingBox(),
      page.locator('.argument-column[data-side="against"]').boundingBox()
    ])
    assert.ok(forBox && againstBox && againstBox.y >= forBox.y + forBox.height, 'on a phone, "Contre" is stacked below "Pour"')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.reload()
    await page.locator('.argument').first().waitFor()
    const [wideFor, wideAgainst] = await Promise.all([
      page.locator('.argument-column[data-side="for"]').boundingBox(),
      page.locator('.argument-column[data-side="against"]').boundingBox()
    ])
    assert.ok(wideFor && wideAgainst && Math.abs(wideFor.y - wideAgainst.y) < 2 && wideAgainst.x > wideFor.x, 'on a desktop, "Pour" | "Contre" side by side')
  })
})
