/**
 * Real-browser tests: Debian's Chromium driven by playwright-core, the real
 * server serving the built client (dist/client), axe-core for accessibility
 * and screenshots saved for review (test-output/screenshots/, not compared).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startServer, type TestServer } from './server.ts'
import type { Config } from '../../server/config.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The built client the server serves. */
export const CLIENT_DIR = join(ROOT, 'dist', 'client')
/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = join(ROOT, 'test-output', 'screenshots')
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Launches headless Chromium (Debian's package); throws a clear error when it is missing. */
export async function launchBrowser (): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium package or set CHROMIUM_PATH`)
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync']
  })
}

/** Starts the real server (fresh SQLite, port 0) serving the built client; the build must exist. */
export async function startServerWithClient (config: Partial<Config> = {}): Promise<TestServer> {
  if (!existsSync(join(CLIENT_DIR, 'index.html'))) {
    throw new Error(`The client is not built (${join(CLIENT_DIR, 'index.html')} is missing): run \`npm run build\` before the browser tests`)
  }
  return startServer({ config: { clientDir: CLIENT_DIR, ...config } })
}

/** One accessibility violation as axe-core reports it (the parts a failure message needs). */
export interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }

/** Runs axe-core on the page as it is now; returns the serious and critical violations. */
export async function seriousA11yViolations (page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as any).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v: any) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n: any) => ({ target: n.target, failureSummary: n.failureSummary }))
    }))
  }) as AxeViolation[]
  return violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
}

/** A readable list of violations for an assertion message. */
export function describeViolations (violations: AxeViolation[]): string {
  return violations.map(v => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.map(n => `  ${n.target.join(' ')}\n    ${n.failureSummary ?? ''}`).join('\n')).join('\n')
}

/** Saves a full-page screenshot of `page` at `width` CSS pixels as <name>-<width>.png; returns its path. */
export async function screenshotAt (page: Page, name: string, width: number): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await page.setViewportSize({ width, height: 900 })
  const path = join(SCREENSHOT_DIR, `${name}-${width}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}
