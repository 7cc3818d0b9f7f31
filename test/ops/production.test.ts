/**
 * The production build: `node dist/server/main.js` runs with plain Node (no tsx), serves the API
 * and the built client, runs its SQLite workers from compiled files, and shuts down on SIGTERM;
 * and it needs nothing but `dependencies`: every package the built server imports is one of
 * them, and the server starts from a folder whose node_modules holds only what
 * `npm ls --omit=dev` lists (the same tree `npm ci --omit=dev` installs).
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { spawnServer, exited, type ServerProcess } from '../helpers/process.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const DIST = join(ROOT, 'dist')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>

/** Builds dist/ unless it is current (`npm test` has just built it). */
function ensureBuilt (): void {
  const state = execFileSync(process.execPath, ['--input-type=module', '-e', "import { buildState } from './scripts/build-state.js'; console.log(buildState())"], { cwd: ROOT, encoding: 'utf8' }).trim()
  if (state !== 'current') execFileSync(process.execPath, ['scripts/build.js'], { cwd: ROOT, stdio: 'ignore' })
}

/** Every JavaScript file under a folder. */
function jsFiles (dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.js'))
    .map(e => join(e.parentPath ?? e.path, e.name))
}

/** Package names imported (statically or dynamically) by compiled modules. */
function importedPackages (files: string[]): Map<string, string> {
  const found = new Map<string, string>()
  const statements = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/gm, // import x from 'p', export * from 'p'
    /^\s*import\s*["']([^"']+)["']/gm, // import 'p'
    /\bimport\(\s*["']([^"']+)["']\s*\)/g // import('p')
  ]
  for (const f of files) {
    const text = readFileSync(f, 'utf8')
    for (const m of statements.flatMap(re => [...text.matchAll(re)])) {
      const spec = m[1]
      if (spec.startsWith('.') || spec.startsWith('/')) continue
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue
      const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
      if (!found.has(name)) found.set(name, relative(ROOT, f))
    }
  }
  return found
}

/** Top-level folders of node_modules that `npm ls --omit=dev` says production needs. */
function productionPackages (): string[] {
  const out = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const top = new Set<string>()
  const base = join(ROOT, 'node_modules') + sep
  for (const line of out.split('\n')) {
    if (!line.startsWith(base)) continue
    const parts = line.slice(base.length).split(sep)
    top.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0])
  }
  return [...top]
}

async function checkServes (server: ServerProcess): Promise<void> {
  const health = await fetch(`${server.url}/healthz`)
  assert.equal(health.status, 200)
  assert.equal((await fetch(`${server.url}/readyz`)).status, 200)
  const page = await fetch(`${server.url}/bills/anything`)
  assert.equal(page.status, 200)
  assert.match(await page.text(), /<script type="module"[^>]+\/assets\//, 'the built client is served')
  const metrics = await (await fetch(`${server.url}/metrics`)).text()
  assert.match(metrics, /^process_cpu_user_seconds_total /m, 'the process metrics are on in main')
  // The demo bill's synthesis runs its aggregates in the compiled SQLite read worker.
  const bill = (await (await fetch(`${server.url}/api/v1/bills`)).json()).items[0]
  const synthesis = await fetch(`${server.url}/api/v1/bills/${bill.id}/synthesis`)
  assert.equal(synthesis.status, 200, await synthesis.clone().text())
  assert.ok((await synthesis.json()).participation, 'the synthesis carries the worker\'s participation figures')
}

describe('Production build', function () {
  this.timeout(300_000)
  let dir: string
  before(() => {
    ensureBuilt()
    dir = mkdtempSync(join(tmpdir(), 'alinea-prod-'))
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('imports only packages listed in dependencies (or optionalDependencies), all of them installed for production', () => {
    const imported = importedPackages([...jsFiles(join(DIST, 'server')), ...jsFiles(join(DIST, 'shared'))])
    assert.ok(imported.has('express') && imported.has('better-sqlite3'), 'the scan finds imports')
    const runtime = { ...pkg.dependencies, ...pkg.optionalDependencies }
    const production = new Set(productionPackages())
    for (const [name, file] of imported) {
      assert.ok(name in runtime, `${name} (imported by ${file}) must be in dependencies`)
      assert.ok(production.has(name), `${name} (imported by ${file}) is not in the production tree (npm ls --omit=dev)`)
    }
    for (const tool of ['tsx', 'vite', 'typescript', 'mocha', '@y/websocket-server']) {
      assert.ok(!(tool in runtime), `${tool} is a build or test tool, not a runtime dependency`)
    }
  })

  it('runs dist/server/main.js with plain node and shuts down on SIGTERM', async () => {
    const server = await spawnServer({ ALINEA_DB: join(dir, 'plain.db'), ALINEA_DEMO: '1', ALINEA_CLIENT_DIR: join(DIST, 'client') }, { main: join(DIST, 'server', 'main.js'), cwd: dir })
    try {
      await checkServes(server)
    } finally {
      server.child.kill('SIGTERM')
    }
    assert.equal(await exited(server.child), 0, server.output())
  })

  it('runs from a folder whose node_modules holds only the production packages', async () => {
    const app = join(dir, 'app')
    mkdirSync(join(app, 'node_modules'), { recursive: true })
    symlinkSync(DIST, join(app, 'dist'))
    for (const name of productionPackages()) {
      if (name.includes('/')) mkdirSync(join(app, 'node_modules', name.split('/')[0]), { recursive: true })
      symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name))
    }
    // Module paths are taken as linked (not resolved to the real node_modules, which holds the
    // development packages too), in the server and its worker threads.
    const server = await spawnServer({
      ALINEA_DB: join(dir, 'prod.db'),
      ALINEA_DEMO: '1',
      NODE_OPTIONS: '--preserve-symlinks --preserve-symlinks-main'
    }, { main: join(app, 'dist', 'server', 'main.js'), cwd: app })
    try {
      await checkServes(server)
    } finally {
      server.child.kill('SIGTERM')
    }
    assert.equal(await exited(server.child), 0, server.output())
  })
})
