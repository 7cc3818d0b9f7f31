/**
 * The report as PDF: the HTML report (its print stylesheet: A4, a page per
 * article) printed by headless Chromium (`config.chromium`, Debian's
 * package by default) in a child process, with a throwaway profile, no
 * network and a time limit. Renders are queued two at a time, so a burst of
 * requests cannot start a dozen browsers. Without Chromium the export
 * answers 503 with what to install.
 */
import { spawn } from 'node:child_process'
import { constants } from 'node:fs'
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Unavailable } from '../domain/errors.ts'

/** Longest a render may take before Chromium is killed. */
const RENDER_TIMEOUT_MS = 60_000
/** Renders at once. */
const CONCURRENCY = 2

let running = 0
const waiting: (() => void)[] = []

async function slot (): Promise<() => void> {
  if (running >= CONCURRENCY) await new Promise<void>(resolve => waiting.push(resolve))
  running++
  return () => {
    running--
    waiting.shift()?.()
  }
}

/** Throws Unavailable (503) unless `chromium` is an executable file. */
export async function assertChromium (chromium: string): Promise<void> {
  try {
    await access(chromium, constants.X_OK)
  } catch {
    throw new Unavailable(`PDF export needs Chromium, which is not installed at ${chromium}: install it (Debian: apt-get install chromium) or set ALINEA_CHROMIUM to its path; the HTML report prints the same content`)
  }
}

/** Prints an HTML page to PDF with headless Chromium; resolves with the PDF bytes. */
export async function htmlToPdf (html: string, chromium: string): Promise<Buffer> {
  await assertChromium(chromium)
  const release = await slot()
  const dir = await mkdtemp(join(tmpdir(), 'alinea-pdf-'))
  try {
    const page = join(dir, 'report.html')
    const pdf = join(dir, 'report.pdf')
    await writeFile(page, html)
    const args = [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-extensions',
      '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--mute-audio',
      `--user-data-dir=${join(dir, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href
    ]
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => { if (stderr.length < 4000) stderr += d.toString() })
      const timer = setTimeout(() => { child.kill('SIGKILL') }, RENDER_TIMEOUT_MS)
      child.on('error', err => { clearTimeout(timer); reject(err) })
      child.on('close', code => {
        clearTimeout(timer)
        if (code === 0) resolve()
        else reject(new Error(`chromium exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`))
      })
    })
    return await readFile(pdf)
  } finally {
    release()
    await rm(dir, { recursive: true, force: true })
  }
}
