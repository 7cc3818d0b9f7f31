/**
 * Real-time co-drafting in a real browser against the real server: two
 * editors (two browser contexts, each signed in with its own session
 * cookie) in the editors' space of the same bill see each other's typing
 * and cursors, add an article (numbered on both sides), undo and redo,
 * publish revision 2 after seeing what changed; a pasted copy of an article
 * gets a fresh id; a citizen and an anonymous visitor follow read-only and
 * live; the bill page never downloads the editor chunk; the toolbar works
 * with the keyboard; accessibility (axe-core) and 360 px.
 * Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient, type TestServer } from '../helpers/server.ts'
import { describeViolations, seriousA11yViolations } from '../helpers/browser.ts'
import { browserSuite } from '../helpers/browser-suite.ts'

/** Strings only the editor's libraries hold: prosemirror-view's class name, y-prosemirror's plugin key. */
const EDITOR_MARKERS = ['ProseMirror', 'y-sync']

/** Waits until `predicate` holds in the page; fails with `what` (no fixed sleeps). */
async function until (page: Page, what: string, predicate: (arg: any) => boolean, arg?: unknown): Promise<void> {
  try {
    await page.waitForFunction(predicate, arg, { timeout: 10_000 })
  } catch {
    assert.fail(`timed out waiting until ${what}`)
  }
}

/** The editor's text content. */
function editorText (page: Page): Promise<string> {
  return page.locator('.ProseMirror').innerText()
}

/** Waits until the editor's text contains `text`. */
function untilText (page: Page, who: string, text: string): Promise<void> {
  return until(page, `${who} sees "${text}"`, (t: string) => (document.querySelector('.ProseMirror') as HTMLElement | null)?.innerText.includes(t) === true, text)
}

/** Waits until the editor's text no longer contains `text`. */
function untilNoText (page: Page, who: string, text: string): Promise<void> {
  return until(page, `${who} no longer sees "${text}"`, (t: string) => {
    const el = document.querySelector('.ProseMirror') as HTMLElement | null
    return el !== null && !el.innerText.includes(t)
  }, text)
}

/** The article numbers as the editor shows them. */
function articleNums (page: Page): Promise<string[]> {
  return page.locator('.ProseMirror .article-num').allTextContents()
}

/** Lets the page handle what the last input queued (selectionchange events are tasks): a frame, then a task. */
function settle (page: Page): Promise<unknown> {
  return page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0))))
}

/**
 * Puts the cursor at the end of an alinéa of the editor, by way of its
 * start: the editor sees the cursor move, which ends the undo step in
 * progress (typing at the same place within 500 ms is one step).
 */
async function cursorAtEnd (page: Page, alinea: ReturnType<Page['locator']>): Promise<void> {
  await alinea.click({ position: { x: 1, y: 4 } })
  await settle(page)
  await page.keyboard.press('End')
  await settle(page)
}

describe('Browser: co-drafting in the editors\' space', function () {
  this.timeout(120_000)

  // The browser reports each reconnection refused while the offline test emulates no network: expected.
  const suite = browserSuite({ ignore: /ERR_INTERNET_DISCONNECTED/ })
  let s: TestServer
  let author: ApiClient & { userId: string }
  let coauthor: ApiClient & { userId: string }
  let citizen: ApiClient & { userId: string }
  let bill: any
  let a: Page
  let b: Page
  /** The sockets upgraded to the collaboration endpoint, with their cookie (to cut one peer's connection). */
  const collabSockets: { cookie: string; socket: Duplex }[] = []
  const pageFor = (client: ApiClient | null, options: { bypassCSP?: boolean } = {}): Promise<Page> => suite.newPage(client, options)

  /** Opens the editors' space and waits for the synced text. */
  async function openEditor (page: Page, editable: boolean): Promise<void> {
    await page.goto(`${s.url}/bills/${bill.id}/edit`)
    await page.locator(`.ProseMirror[contenteditable="${String(editable)}"]`).waitFor()
    await page.locator('.conn[data-state="synced"]').waitFor()
  }

  before(async () => {
    s = suite.s
    s.app.server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
      if (req.url?.startsWith('/collab/')) collabSockets.push({ cookie: req.headers.cookie ?? '', socket })
    })
    author = await s.as('author', 'Mme Dupont')
    coauthor = await s.as('author', 'M. Martin')
    citizen = await s.as('citizen', 'Camille Petit')
  })

  // Each test has its own bill (two articles, revision 1, both authors its editors) and the two editors' pages.
  beforeEach(async () => {
    bill = await publishedBill(author)
    const patched = await author.patch(`/bills/${bill.id}`, { editors: [author.userId, coauthor.userId] })
    assert.equal(patched.status, 200, JSON.stringify(patched.body))
    a = await pageFor(author)
    b = await pageFor(coauthor)
  })

  /** Both editors in the editors' space. */
  async function openBoth (): Promise<void> {
    await openEditor(a, true)
    await openEditor(b, true)
  }

  /** Each editor adds a sentence (Mme Dupont to the first alinéa, M. Martin to the second), and each sees the other's. */
  async function twoEdits (): Promise<void> {
    await cursorAtEnd(a, a.locator('.ProseMirror .alinea').first())
    await a.keyboard.type(' Ajout de Mme Dupont.')
    await untilText(b, 'the second editor', 'Premier alinéa de l\'article premier. Ajout de Mme Dupont.')
    await cursorAtEnd(b, b.locator('.ProseMirror .alinea').nth(1))
    await b.keyboard.type(' Ajout de M. Martin.')
    await untilText(a, 'the first editor', 'Le délai est de trente jours. Ajout de M. Martin.')
  }

  it('reading the bill does not download the editor; its editors\' space link does', async () => {
    const scripts: string[] = []
    a.on('request', r => { if (/\/assets\/[^/]+\.js$/.test(new URL(r.url()).pathname)) scripts.push(r.url()) })
    await a.goto(`${s.url}/bills/${bill.id}`)
    await a.locator('.article-card').first().waitFor()
    assert.ok(scripts.length > 0, 'the bill page loads its scripts')
    for (const url of scripts) {
      const body = await (await fetch(url)).text()
      for (const marker of EDITOR_MARKERS) assert.ok(!body.includes(marker), `${url} (loaded by the bill page) holds "${marker}"`)
    }
    const onBillPage = scripts.length

    await a.getByRole('link', { name: 'Espace des rédacteurs : rédiger le texte' }).click()
    await a.locator('.ProseMirror[contenteditable="true"]').waitFor()
    const loaded = scripts.slice(onBillPage)
    assert.ok(loaded.length > 0, 'the editors\' space loads a chunk of its own')
    const bodies = await Promise.all(loaded.map(async url => (await fetch(url)).text()))
    for (const marker of EDITOR_MARKERS) assert.ok(bodies.some(body => body.includes(marker)), `the editor chunk holds "${marker}"`)

    const reader = await pageFor(citizen)
    await reader.goto(`${s.url}/bills/${bill.id}`)
    await reader.locator('.article-card').first().waitFor()
    assert.equal(await reader.locator(`a[href="/bills/${bill.id}/edit"]`).count(), 0, 'no editors\' space link for a citizen')
  })

  it('two editors see each other\'s typing and cursors, with names', async () => {
    await openBoth()
    assert.deepEqual(await articleNums(a), ['Article 1er', 'Article 2'])
    assert.match(await a.locator('.conn').innerText(), /Connecté/)
    await twoEdits()

    await a.locator('.ProseMirror-yjs-cursor', { hasText: 'M. Martin' }).waitFor()
    await b.locator('.ProseMirror-yjs-cursor', { hasText: 'Mme Dupont' }).waitFor()
    assert.equal(await a.locator('.ProseMirror-yjs-cursor', { hasText: 'Mme Dupont' }).count(), 0, 'no cursor of one\'s own')
    assert.match(await a.locator('.presence').innerText(), /M\. Martin/)
    assert.match(await b.locator('.presence').innerText(), /Mme Dupont/)
  })

  it('undoes and redoes one\'s own change (keyboard and toolbar), on both sides', async () => {
    await openBoth()
    await twoEdits()
    await cursorAtEnd(a, a.locator('.ProseMirror .alinea').first())
    await a.keyboard.type(' Phrase à annuler.')
    await untilText(b, 'the second editor', 'Phrase à annuler.')
    await a.keyboard.press('Control+z')
    await untilNoText(a, 'the first editor', 'Phrase à annuler.')
    await untilNoText(b, 'the second editor', 'Phrase à annuler.')
    assert.match(await editorText(b), /Ajout de M\. Martin\./, 'the other editor\'s change stays')
    await a.keyboard.press('Control+y')
    await untilText(b, 'the second editor', 'Phrase à annuler.')
    await a.getByRole('button', { name: 'Annuler', exact: true }).click()
    await untilNoText(b, 'the second editor', 'Phrase à annuler.')
    await a.getByRole('button', { name: 'Rétablir', exact: true }).click()
    await untilText(b, 'the second editor', 'Phrase à annuler.')
    await a.keyboard.press('Control+Shift+z') // nothing left to redo: no change
    await a.keyboard.press('Control+z')
    await untilNoText(b, 'the second editor', 'Phrase à annuler.')
    assert.match(await editorText(a), /premier\. Ajout de Mme Dupont\.\n/, 'the earlier change (another undo step) stays')
  })

  it('adds an article with the toolbar: numbered 3 on both sides; Publish lists it and gives revision 2', async () => {
    await openBoth()
    await twoEdits()
    await a.locator('.ProseMirror .article').last().locator('.alinea').last().click()
    await settle(a)
    await a.getByRole('button', { name: 'Ajouter un article' }).click()
    await until(a, 'the new article is numbered 3', () => document.querySelectorAll('.ProseMirror .article').length === 3 &&
      document.querySelectorAll('.ProseMirror .article-num')[2]?.textContent === 'Article 3')
    await a.keyboard.type('Nouvel article proposé.')
    await untilText(b, 'the second editor', 'Nouvel article proposé.')
    assert.deepEqual(await articleNums(b), ['Article 1er', 'Article 2', 'Article 3'])
    const newId = await a.locator('.ProseMirror .article').nth(2).getAttribute('data-article-id')
    assert.match(newId ?? '', /^art_[0-9a-z]{16}$/, 'a fresh article id')
    assert.ok(!bill.articles.some((x: any) => x.id === newId))

    await a.getByRole('button', { name: 'Publier…' }).click()
    const dialog = a.locator('dialog.publish__dialog')
    await dialog.locator('.publish__changes').waitFor()
    const summary = await dialog.locator('.publish__changes').innerText()
    assert.match(summary, /Modifications depuis la révision 1/)
    assert.match(summary, /1 article ajouté \(article 3\)/)
    assert.match(summary, /2 articles modifiés \(article 1er, article 2\)/)
    const closes = await dialog.getByLabel('Clôture de la consultation').inputValue()
    assert.match(closes, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'the closing date is offered')
    const [response] = await Promise.all([
      a.waitForResponse(r => r.url().endsWith(`/api/v1/bills/${bill.id}/publish`)),
      dialog.getByRole('button', { name: 'Publier la révision 2' }).click()
    ])
    assert.equal(response.status(), 200)
    const sent = JSON.parse(response.request().postData() ?? '{}')
    assert.equal(sent.closesAt, bill.closesAt, 'the bill\'s closing date is kept')
    assert.match(sent.stateVector, /^[A-Za-z0-9+/]+=*$/, 'the editor\'s state vector goes with the publication')
    await dialog.waitFor({ state: 'hidden' })
    await until(a, 'the publication is announced', () => document.querySelector('.announcer')?.textContent?.includes('Révision 2 publiée.') === true)

    const after = await s.client().get(`/bills/${bill.id}`)
    assert.equal(after.body.revision, 2)
    const added = after.body.articles.find((x: any) => x.id === newId)
    assert.deepEqual({ num: added?.num, alineas: added?.alineas }, { num: '3', alineas: ['Nouvel article proposé.'] })
    assert.deepEqual(after.body.articles[0].alineas, ['Premier alinéa de l\'article premier. Ajout de Mme Dupont.'])
  })

  it('says why the server refused: publishing an unchanged text', async () => {
    await openBoth()
    await twoEdits()
    // Revision 2 published from the dialog: the text as it is now.
    await a.getByRole('button', { name: 'Publier…' }).click()
    await a.locator('dialog.publish__dialog .publish__changes').waitFor()
    await a.locator('dialog.publish__dialog').getByRole('button', { name: 'Publier la révision 2' }).click()
    await until(a, 'revision 2 is published', () => document.querySelector('.announcer')?.textContent?.includes('Révision 2 publiée.') === true)
    await a.locator('dialog.publish__dialog').waitFor({ state: 'hidden' })
    await a.getByRole('button', { name: 'Publier…' }).click()
    const dialog = a.locator('dialog.publish__dialog')
    await dialog.locator('.publish__nothing').waitFor()
    assert.match(await dialog.locator('.publish__nothing').innerText(), /Aucune modification depuis la révision 2/)
    await dialog.getByRole('button', { name: 'Publier la révision 3' }).click()
    await dialog.locator('.form-error').waitFor()
    assert.match(await dialog.locator('.form-error').innerText(), /Le texte n’a pas changé depuis la dernière version publiée/)
    await a.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('sets an article\'s heading beside the toolbar; the co-editor sees it and the next revision has it', async () => {
    await openBoth()
    await cursorAtEnd(a, a.locator('.ProseMirror .alinea').nth(1))
    const field = a.getByLabel('Intitulé de l’article 2')
    await field.waitFor()
    assert.equal(await field.inputValue(), '')
    await field.fill('Délai de préavis')
    await field.press('Enter')
    await b.locator('.ProseMirror section.article').nth(1).locator('.article-heading', { hasText: 'Délai de préavis' }).waitFor()
    await cursorAtEnd(b, b.locator('.ProseMirror .alinea').nth(1))
    assert.equal(await b.getByLabel('Intitulé de l’article 2').inputValue(), 'Délai de préavis', 'the co-editor\'s field shows it')
    await cursorAtEnd(a, a.locator('.ProseMirror .alinea').first())
    assert.equal(await a.getByLabel('Intitulé de l’article 1er').inputValue(), '', 'the field follows the cursor')
    const closesAt = new Date(Date.now() + 10 * 86_400_000).toISOString()
    const published = await author.post(`/bills/${bill.id}/publish`, { closesAt })
    assert.equal(published.status, 200, JSON.stringify(published.body))
    assert.equal(published.body.articles[1].heading, 'Délai de préavis')
  })

  it('gives a pasted copy of an article a fresh id and renumbers', async () => {
    await openBoth()
    const first = a.locator('.ProseMirror .article').first()
    const html = await first.evaluate(el => el.outerHTML)
    const original = await first.getAttribute('data-article-id')
    await cursorAtEnd(a, a.locator('.ProseMirror .article').last().locator('.alinea').last())
    await a.locator('.ProseMirror').evaluate((el, pasted) => {
      const data = new DataTransfer()
      data.setData('text/html', pasted)
      data.setData('text/plain', 'copie')
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, html)
    await until(a, 'the copy is there', () => document.querySelectorAll('.ProseMirror .article').length === 3)
    const ids = await a.locator('.ProseMirror .article').evaluateAll(els => els.map(e => e.getAttribute('data-article-id')))
    assert.equal(new Set(ids).size, 3, `ids are unique: ${ids.join(', ')}`)
    assert.equal(ids[0], original, 'the original keeps its id')
    assert.deepEqual(await articleNums(a), ['Article 1er', 'Article 2', 'Article 3'])
    await until(b, 'the second editor has the copy, numbered', () =>
      [...document.querySelectorAll('.ProseMirror .article-num')].map(e => e.textContent).join('|') === 'Article 1er|Article 2|Article 3')
    const idsB = await b.locator('.ProseMirror .article').evaluateAll(els => els.map(e => e.getAttribute('data-article-id')))
    assert.deepEqual(idsB, ids, 'the same ids on both sides')
    await a.keyboard.press('Control+z')
    await until(b, 'the paste is undone on the other side', () => document.querySelectorAll('.ProseMirror .article').length === 2)
  })

  it('a citizen and an anonymous visitor follow read-only, live', async () => {
    await openBoth()
    const reader = await pageFor(citizen)
    await openEditor(reader, false)
    assert.match(await reader.locator('.banner--readonly').innerText(), /Lecture seule/)
    assert.equal(await reader.getByRole('toolbar').count(), 0)
    assert.equal(await reader.getByRole('button', { name: 'Publier…' }).count(), 0)
    assert.equal(await reader.locator('.ProseMirror').getAttribute('aria-readonly'), 'true')
    const visitor = await pageFor(null)
    await openEditor(visitor, false)

    await cursorAtEnd(a, a.locator('.ProseMirror .alinea').first())
    await a.keyboard.type(' Suivi en direct.')
    await untilText(reader, 'the citizen', 'Suivi en direct.')
    await untilText(visitor, 'the visitor', 'Suivi en direct.')
    await reader.locator('.ProseMirror-yjs-cursor', { hasText: 'Mme Dupont' }).waitFor()

    // Typing in the read-only text changes nothing, here or for the editors.
    await reader.locator('.ProseMirror .alinea').first().click()
    await reader.keyboard.type('intrus')
    assert.ok(!(await editorText(reader)).includes('intrus'))
    await a.keyboard.type(' Encore.')
    await untilText(reader, 'the citizen', 'Suivi en direct. Encore.')
    assert.ok(!(await editorText(a)).includes('intrus'))
    await until(a, 'the editors see who follows', () => /2 personnes suivent la rédaction/.test(document.querySelector('.presence')?.textContent ?? ''))
  })

  it('a reader made editor while watching can write at once, without reloading', async () => {
    await openBoth()
    const watcher = await s.as('citizen', 'Jeanne Roux')
    const page = await pageFor(watcher)
    await openEditor(page, false)
    assert.equal(await page.getByRole('toolbar').count(), 0)
    const current = (await author.get(`/bills/${bill.id}`)).body.editors as string[]
    // Only an admin may make a citizen an editor.
    assert.equal((await (await s.as('admin')).patch(`/bills/${bill.id}`, { editors: [...current, watcher.userId] })).status, 200)
    await page.getByRole('toolbar').waitFor()
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor()
    await cursorAtEnd(page, page.locator('.ProseMirror .alinea').first())
    await page.keyboard.type(' Par Jeanne Roux.')
    await untilText(a, 'the first editor', 'Par Jeanne Roux.')
    assert.equal((await author.patch(`/bills/${bill.id}`, { editors: current })).status, 200)
    await page.locator('.banner--readonly').waitFor()
    assert.equal(await page.getByRole('toolbar').count(), 0, 'read-only again once removed')
  })

  it('the toolbar is one tab stop, with arrow keys, Home and End', async () => {
    await openBoth()
    const toolbar = a.getByRole('toolbar', { name: 'Mise en forme et structure du texte' })
    assert.equal(await toolbar.locator('button[tabindex="0"]').count(), 1)
    await toolbar.locator('button[tabindex="0"]').focus()
    const focused = () => a.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '')
    await a.keyboard.press('Home')
    assert.match(await focused(), /Annuler/)
    await a.keyboard.press('ArrowRight')
    assert.match(await focused(), /Rétablir/)
    await a.keyboard.press('End')
    assert.equal(await focused(), 'Ajouter une section')
    await a.keyboard.press('ArrowRight')
    assert.match(await focused(), /Annuler/, 'wraps around')
    await a.keyboard.press('ArrowLeft')
    assert.equal(await focused(), 'Ajouter une section')
    assert.equal(await toolbar.locator('button[tabindex="0"]').count(), 1)

    // A division from the toolbar, before the current article: its level's heading, then back to the text.
    await a.locator('.ProseMirror .article').nth(1).locator('.alinea').first().click()
    await settle(a)
    await a.getByRole('button', { name: 'Ajouter un chapitre' }).click()
    await a.keyboard.type('Chapitre premier')
    await untilText(b, 'the second editor', 'Chapitre premier')
    assert.match(await b.locator('.ProseMirror h3.division[data-level="2"]').innerText(), /^Chapitre premier/)
    // Undo takes the typing and the division back (in one or two steps, as the undo manager groups them).
    for (let i = 0; i < 3 && await a.locator('.ProseMirror .division').count() > 0; i++) await a.keyboard.press('Control+z')
    await until(b, 'the division is undone', () => document.querySelector('.ProseMirror .division') === null)
  })

  it('shows "offline, changes kept" when the connection drops, and sends them when it is back', async () => {
    await openBoth()
    // Offline emulation stops new connections but leaves an open WebSocket alone: cut it on the server side.
    await a.context().setOffline(true)
    const cut = collabSockets.filter(c => c.cookie.includes(author.cookie!) && !c.socket.destroyed)
    assert.ok(cut.length > 0, 'the first editor\'s socket is known')
    for (const c of cut) c.socket.destroy()
    await until(a, 'the editor says it is offline', () => document.querySelector('.conn')?.getAttribute('data-state') === 'offline')
    await cursorAtEnd(a, a.locator('.ProseMirror .alinea').first())
    await a.keyboard.type(' Écrit hors ligne.')
    await until(a, 'pending changes are told', () => /modifications sont gardées/.test(document.querySelector('.conn')?.textContent ?? ''))
    assert.ok(!(await editorText(b)).includes('Écrit hors ligne.'))
    await a.context().setOffline(false)
    await untilText(b, 'the second editor', 'Écrit hors ligne.')
    await a.locator('.conn[data-state="synced"]').waitFor()
  })

  it('has no serious or critical accessibility violation, and fits 360 px', async () => {
    await openBoth()
    const audit = await pageFor(author, { bypassCSP: true })
    await openEditor(audit, true)
    const failures: string[] = []
    let violations = await seriousA11yViolations(audit)
    if (violations.length) failures.push(`editors' space:\n${describeViolations(violations)}`)
    await audit.getByRole('button', { name: 'Publier…' }).click()
    await audit.locator('dialog.publish__dialog .publish__changes').waitFor()
    violations = await seriousA11yViolations(audit)
    if (violations.length) failures.push(`publish dialog:\n${describeViolations(violations)}`)
    await audit.keyboard.press('Escape')
    const readOnly = await pageFor(citizen, { bypassCSP: true })
    await openEditor(readOnly, false)
    violations = await seriousA11yViolations(readOnly)
    if (violations.length) failures.push(`read-only:\n${describeViolations(violations)}`)
    assert.equal(failures.join('\n\n'), '')

    for (const width of [360, 1280]) {
      await suite.screenshot(a, 'editors-space', width)
      const overflow = await a.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow} px)`)
    }
    await a.setViewportSize({ width: 360, height: 900 })
    const tops = await a.locator('.toolbar__button').evaluateAll(els => new Set(els.map(e => Math.round(e.getBoundingClientRect().top))).size)
    assert.equal(tops, 1, 'the toolbar is one row at 360 px')
    const scrolls = await a.locator('.toolbar').evaluate(e => e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'auto')
    assert.ok(scrolls, 'the toolbar scrolls sideways to reach its other buttons')
    await a.setViewportSize({ width: 1280, height: 900 })
  })
})
