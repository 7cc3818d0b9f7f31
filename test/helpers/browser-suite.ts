/**
 * The set-up every browser test file shares: one real server serving the
 * built client, one Chromium, contexts and pages signed in as a user, the
 * page-error watch, axe-core, screenshots, and the teardown.
 */
import assert from 'node:assert/strict'
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core'
import type { Config } from '../../server/config.ts'
import type { ApiClient, TestServer } from './server.ts'
import { describeViolations, launchBrowser, screenshotAt, seriousA11yViolations, startServerWithClient } from './browser.ts'
import { contextAs, watchProblems } from './pages.ts'

/** A phone as the tests see it: 360 x 740 CSS pixels, touch. */
export const PHONE: BrowserContextOptions = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true }

/** Options of a browser suite. */
export interface BrowserSuiteOptions {
  /** Settings of this file's server (e.g. `{ contributionsPerMinute: 1 }`). */
  config?: Partial<Config>
  /** Settings computed in `before` (e.g. from a fake SMTP server started by the file's own `before`, which runs later: use this instead). */
  configure?: () => Promise<Partial<Config>> | Partial<Config>
  /** Page problems (script or console errors) matching this are expected and not reported. */
  ignore?: RegExp
  /** Default timeout of the pages' waits, in ms (playwright's is 30 s). */
  timeout?: number
}

/** Options of one context or page: playwright's, plus `phone` (the PHONE preset). */
export interface PageOptions extends BrowserContextOptions { phone?: boolean }

/** What a browser suite gives its tests (server and browser exist from the suite's `before` on). */
export interface BrowserSuite {
  /** The server (fresh SQLite, port 0, serving dist/client). */
  readonly s: TestServer
  /** The server's base URL (`http://127.0.0.1:port`). */
  readonly url: string
  /** The one Chromium of the file. */
  readonly browser: Browser
  /** Problems seen in watched pages; after each test it must be empty (the suite checks and clears it). */
  readonly problems: string[]
  /**
   * A context signed in as `client` (null: signed out), fr-FR, 1280 x 900 unless `options` say otherwise;
   * closed after the test that opened it (after the file when opened in `before`).
   */
  newContext (client?: ApiClient | null, options?: PageOptions): Promise<BrowserContext>
  /** A page in a new context as `client` (see newContext), watched for script and console errors. */
  newPage (client?: ApiClient | null, options?: PageOptions): Promise<Page>
  /** Watches a page opened some other way for script and console errors. */
  watch (page: Page): Page
  /** Fails on any serious or critical axe-core violation (open the page with `{ bypassCSP: true }`). */
  axe (page: Page, what?: string): Promise<void>
  /** Fails if the page is wider than its viewport (sets the viewport to `width` x 900 first). */
  fits (page: Page, what: string, width?: number): Promise<void>
  /** Saves a full-page screenshot at each width (default 360 and 1280) as test-output/screenshots/<name>-<width>.png. */
  screenshot (page: Page, name: string, widths?: number | number[]): Promise<void>
  /** The usual review of a page: axe, nothing wider than 360 px, screenshots at 360 and 1280 px. */
  review (page: Page, name: string): Promise<void>
}

/**
 * Call inside a mocha `describe` of a browser test file, before its own hooks:
 *
 *     describe('Browser: …', function () {
 *       this.timeout(90_000)
 *       const b = browserSuite({ config: { contributionsPerMinute: 1 } })
 *       let bill: any
 *       before(async () => { bill = await publishedBill(await b.s.as('author')) })
 *       it('…', async () => {
 *         const page = await b.newPage(await b.s.as('citizen'), { bypassCSP: true })
 *         await page.goto(`${b.url}/bills/${bill.id}`)
 *         await b.axe(page)
 *       })
 *     })
 *
 * It registers `before` (server, then Chromium), `afterEach` (closes the
 * test's contexts; no script or console error in any watched page) and
 * `after` (remaining contexts, browser, server).
 * Each test should open its own page so that tests do not depend on order.
 *
 * From the older set-up: `startServerWithClient(config)` + `launchBrowser()` + the
 * `after`/`afterEach` hooks become `browserSuite({ config })`; `s` becomes `b.s`
 * (`s.url`: `b.url`); `contextAs(browser, s, c, o)` + `newPage()` + `watchProblems`
 * become `b.newPage(c, o)`; `screenshotAt(page, n, w)` is `b.screenshot(page, n, w)`;
 * `seriousA11yViolations` + `describeViolations` in an assertion is `b.axe(page)`.
 */
export function browserSuite (options: BrowserSuiteOptions = {}): BrowserSuite {
  let server: TestServer | null = null
  let chromium: Browser | null = null
  const contexts: BrowserContext[] = []
  const testContexts: BrowserContext[] = []
  let inTest = false
  const problems: string[] = []
  const started = <T>(x: T | null, what: string): T => {
    if (x === null) throw new Error(`the browser suite's ${what} is used before its before hook ran`)
    return x
  }

  before(async () => {
    const config = { ...options.config, ...(await options.configure?.()) }
    server = await startServerWithClient(config)
    chromium = await launchBrowser()
  })

  beforeEach(() => { inTest = true })

  afterEach(async () => {
    inTest = false
    for (const c of testContexts.splice(0)) await c.close().catch(() => {})
    const seen = problems.splice(0).filter(p => !options.ignore?.test(p))
    assert.deepEqual(seen, [], 'no script error and no console error in the pages')
  })

  after(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => {})
    await chromium?.close()
    await server?.stop()
    chromium = null
    server = null
  })

  const suite: BrowserSuite = {
    get s () { return started(server, 'server') },
    get url () { return started(server, 'server').url },
    get browser () { return started(chromium, 'browser') },
    problems,
    async newContext (client = null, { phone, ...rest } = {}) {
      const context = await contextAs(suite.browser, suite.s, client, { ...(phone ? PHONE : {}), ...rest })
      ;(inTest ? testContexts : contexts).push(context)
      return context
    },
    async newPage (client = null, pageOptions = {}) {
      const page = await (await suite.newContext(client, pageOptions)).newPage()
      if (options.timeout) page.setDefaultTimeout(options.timeout)
      return suite.watch(page)
    },
    watch (page) {
      watchProblems(page, problems)
      return page
    },
    async axe (page, what) {
      const violations = await seriousA11yViolations(page)
      assert.deepEqual(violations, [], (what ? `${what}:\n` : '') + describeViolations(violations))
    },
    async fits (page, what, width = 360) {
      await page.setViewportSize({ width, height: 900 })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 0, `${what}: nothing wider than ${width} px (${overflow} px too wide)`)
    },
    async screenshot (page, name, widths = [360, 1280]) {
      for (const width of Array.isArray(widths) ? widths : [widths]) await screenshotAt(page, name, width)
    },
    async review (page, name) {
      await suite.axe(page, name)
      await suite.fits(page, name, 360)
      await suite.screenshot(page, name)
    }
  }
  return suite
}
