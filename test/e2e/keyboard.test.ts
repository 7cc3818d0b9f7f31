/**
 * The vote and amend flow with the keyboard alone (Tab, Shift+Tab, Enter,
 * Space, and typing): reach the vote buttons and vote, reach "Proposer un
 * amendement", type in the editor, fill the exposé sommaire and submit.
 * Every element the keyboard lands on shows its focus (a computed outline).
 * Needs `npm run build` first.
 */
import assert from 'node:assert/strict'
import type { Page } from 'playwright-core'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { browserSuite } from '../helpers/browser-suite.ts'
import { until } from '../helpers/pages.ts'

/** What the focused element is, and whether its focus is visible. */
interface Focused { tag: string; name: string; role: string | null; outline: string; visible: boolean }

async function focused (page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'BODY', name: '', role: null, outline: 'none', visible: false }
    const style = getComputedStyle(el)
    const outline = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || (style.boxShadow !== 'none' && style.boxShadow !== '')
    const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80)
    return { tag: el.tagName, name, role: el.getAttribute('role'), outline, visible }
  })
}

describe('Browser: keyboard only, vote and amend', function () {
  this.timeout(90_000)

  const b = browserSuite()
  let page: Page
  let citizen: ApiClient
  let article: any
  const visited: Focused[] = []

  /** Presses `key` (Tab or Shift+Tab) until `want` holds for the focused element; records every stop. */
  async function tabTo (what: string, want: (f: Focused) => boolean, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 60): Promise<Focused> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(key)
      const f = await focused(page)
      // Nothing focused (the focus left the document for the browser's own controls, or its element
      // was just re-rendered): no indicator to check there; press on.
      if (f.tag === 'BODY') continue
      visited.push(f)
      assert.ok(f.visible, `focus is visible on ${f.tag} "${f.name}" (outline: ${f.outline})`)
      if (want(f)) return f
    }
    assert.fail(`${what} not reached with ${key} in ${max} presses; last stops: ${visited.slice(-5).map(v => `${v.tag} "${v.name}"`).join(', ')}`)
  }

  before(async () => {
    const author = await b.s.as('author', 'Mme Dupont')
    article = (await publishedBill(author)).articles[1]
    citizen = await b.s.as('citizen', 'Sam Clavier')
  })

  beforeEach(async () => {
    visited.length = 0
    page = await b.newPage(citizen)
  })

  it('reaches the vote buttons and votes with Space, then changes the vote with Enter', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.locator('.article-vote .vote__button[data-value="for"]:not([disabled])').waitFor()
    await tabTo('the "Pour" button', f => f.tag === 'BUTTON' && /Pour/.test(f.name))
    await page.keyboard.press('Space')
    await until(page, '"Pour" is pressed', () => document.querySelector('.article-vote .vote__button[data-value="for"]')?.getAttribute('aria-pressed') === 'true')
    assert.equal(await page.locator('.article-vote .tally__fig[data-value="for"] .tally__count').textContent(), '1')
    // Focus stays on the button after voting; move to "Contre" and choose it with Enter.
    await tabTo('the "Contre" button', f => f.tag === 'BUTTON' && /Contre/.test(f.name))
    await page.keyboard.press('Enter')
    await until(page, '"Contre" is pressed', () => document.querySelector('.article-vote .vote__button[data-value="against"]')?.getAttribute('aria-pressed') === 'true')
    assert.equal(await page.locator('.article-vote .vote__button[data-value="for"]').getAttribute('aria-pressed'), 'false')
    // Shift+Tab goes back through "Mitigé" to "Pour".
    await tabTo('"Pour" again, backwards', f => f.tag === 'BUTTON' && /Pour/.test(f.name), 'Shift+Tab', 5)
    const votes = (await b.s.client().get(`/articles/${article.id}`)).body.tally
    assert.deepEqual(votes, { for: 0, mixed: 0, against: 1 })
  })

  it('reaches "Proposer un amendement", types in the editor, fills the exposé and submits', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.locator('.article-vote .vote__button[data-value="for"]:not([disabled])').waitFor()
    await tabTo('"Proposer un amendement"', f => f.tag === 'A' && f.name === 'Proposer un amendement')
    await page.keyboard.press('Enter')
    await until(page, 'the amend page is shown', (path: string) => location.pathname === path, `/articles/${article.id}/amend`)
    await page.locator('.amend-editor[data-ready="true"]').waitFor()
    // Start from where the page put the focus once everything is mounted: its heading, then the editor's text.
    await page.locator('.amend-editor .ProseMirror[contenteditable="true"]').waitFor()
    await until(page, 'the focus is on the page heading', () => document.activeElement?.tagName === 'H1')

    await tabTo('the editor', f => f.role === 'textbox')
    // The caret starts at the beginning of the text: type a new first alinéa.
    await page.keyboard.type('Le présent article entre en vigueur le 1er janvier.')
    await page.keyboard.press('Enter')
    await until(page, 'the preview shows the new alinéa', () => /Le présent article entre en vigueur/.test(document.querySelector('.amend-preview ins')?.textContent ?? ''))
    await until(page, 'the wording is written', () => /Avant l'alinéa 1, insérer l'alinéa suivant/.test(document.querySelector('.amend-preview .wording__text')?.textContent ?? ''))

    await tabTo('the exposé sommaire', f => f.tag === 'TEXTAREA')
    await page.keyboard.type('Une date d’entrée en vigueur claire protège les personnes concernées.')
    await tabTo('the submit button', f => f.tag === 'BUTTON' && f.name === 'Déposer l’amendement')
    const [created] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith(`/articles/${article.id}/amendments`) && r.request().method() === 'POST'),
      page.keyboard.press('Enter')
    ])
    assert.equal(created.status(), 201)
    assert.deepEqual(JSON.parse(created.request().postData() ?? '{}').alineas, ['Le présent article entre en vigueur le 1er janvier.', ...article.alineas])
    await page.getByRole('heading', { name: /Votre amendement est déposé/ }).waitFor()
    await until(page, 'the focus moves to the result', () => document.activeElement?.id === 'filed-title')
    const result = await focused(page)
    assert.ok(result.visible, `the result's heading shows its focus (outline: ${result.outline})`)

    // The result's link is the next stop: open the amendment with Enter.
    await tabTo('"Voir votre amendement"', f => f.tag === 'A' && f.name === 'Voir votre amendement')
    await page.keyboard.press('Enter')
    await until(page, 'the amendment page is shown', () => location.pathname.startsWith('/amendments/') && document.querySelector('main h1')?.textContent === 'Amendement à l’article 2')
  })

  it('keeps the focus visible at every stop', async () => {
    await page.goto(`${b.url}/articles/${article.id}`)
    await page.locator('.article-vote .vote__button[data-value="for"]:not([disabled])').waitFor()
    await tabTo('"Proposer un amendement"', f => f.tag === 'A' && f.name === 'Proposer un amendement')
    assert.ok(visited.length >= 10, `the run made ${visited.length} stops`)
    assert.deepEqual(visited.filter(f => !f.visible), [])
  })
})
