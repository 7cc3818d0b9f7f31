/**
 * Small helpers of the citizen's browser tests: wait for a condition in the
 * page (never a fixed sleep), read trimmed text, collect script and console
 * errors, and open a browser context already signed in as a given user.
 */
import assert from 'node:assert/strict'
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import type { ApiClient, TestServer } from './server.ts'

/** Waits until `predicate` holds in the page; fails with `what`. */
export async function until (page: Page, what: string, predicate: (arg: any) => boolean, arg?: unknown, timeout = 8000): Promise<void> {
  try {
    await page.waitForFunction(predicate, arg, { timeout })
  } catch {
    assert.fail(`timed out waiting until ${what}`)
  }
}

/** The text of a locator, whitespace collapsed and trimmed. */
export async function text (locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** Records page errors and console errors (a 401 or 404 "Failed to load resource" is expected noise). */
export function watchProblems (page: Page, problems: string[]): void {
  page.on('pageerror', err => problems.push(`page error: ${err.message}`))
  page.on('console', msg => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console: ${msg.text()}`)
  })
}

/** A browser context carrying `client`'s session cookie. */
export async function contextAs (browser: Browser, s: TestServer, client: ApiClient | null, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 }, ...options })
  if (client?.cookie) {
    const [name, ...rest] = client.cookie.split('=')
    await context.addCookies([{ name, value: rest.join('='), url: s.url }])
  }
  return context
}

/** Waits until the page's live channel is subscribed (`data-live="live"`), so later events reach it. */
export async function liveReady (page: Page): Promise<void> {
  await until(page, 'the page is live', () => document.querySelector('[data-live]')?.getAttribute('data-live') === 'live')
}

/** Escapes a string for use in a RegExp. */
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Moves the caret of a ProseMirror editor to the start or end of its text with Ctrl+Home / Ctrl+End.
 * ProseMirror ignores selection changes in the 50 ms after it placed the caret itself (just after
 * typing), so the key is pressed again until the caret is there, checked after two frames.
 */
export async function caretTo (page: Page, where: 'start' | 'end', editor: string): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press(where === 'start' ? 'Control+Home' : 'Control+End')
    const there = await page.evaluate(([w, sel]) => new Promise<boolean>(resolve => requestAnimationFrame(() => requestAnimationFrame(() => {
      const s = getSelection()
      const block = document.querySelector(`${sel} p:${w === 'start' ? 'first' : 'last'}-child`)
      if (!s || !block || !s.isCollapsed || !s.focusNode || !block.contains(s.focusNode)) return resolve(false)
      const range = document.createRange()
      range.selectNodeContents(block)
      if (w === 'start') range.setEnd(s.focusNode, s.focusOffset)
      else range.setStart(s.focusNode, s.focusOffset)
      resolve(range.toString() === '')
    }))), [where, editor] as const)
    if (there) return
  }
  assert.fail(`the caret did not reach the ${where} of ${editor}`)
}
