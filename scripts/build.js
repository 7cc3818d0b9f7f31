// @ts-check
/**
 * The production build: compiles the server (server/, shared/ and the
 * operator scripts) with tsc into dist/ (imports of `.ts` rewritten to `.js`,
 * SQLite worker threads included as ordinary compiled modules), copies the
 * server's non-TypeScript assets (the demo bill), bundles the browser client
 * with Vite into dist/client/, and stamps dist/ so `npm start` knows it is
 * current. Plain JavaScript because it must run before anything is compiled.
 *
 *   npm run build            (node scripts/build.js)
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { createRequire } from 'node:module'
import { ROOT, STAMP } from './build-state.js'

const DIST = join(ROOT, 'dist')

const require = createRequire(import.meta.url)

/** Runs a package's command-line entry with this Node; exits on failure. */
function run (label, bin, args) {
  const t = Date.now()
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) {
    console.error(`build: ${label} failed`)
    process.exit(r.status ?? 1)
  }
  console.log(`build: ${label} done in ${((Date.now() - t) / 1000).toFixed(1)} s`)
}

/** Every file under `dir` (relative paths). */
function files (dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => relative(dir, join(e.parentPath ?? e.path, e.name)))
}

rmSync(STAMP, { force: true })
for (const d of ['server', 'shared', 'scripts']) rmSync(join(DIST, d), { recursive: true, force: true })
run('server (tsc)', require.resolve('typescript/bin/tsc'), ['-p', 'tsconfig.build.json'])
for (const f of files(join(ROOT, 'server')).filter(f => !f.endsWith('.ts'))) {
  mkdirSync(dirname(join(DIST, 'server', f)), { recursive: true })
  cpSync(join(ROOT, 'server', f), join(DIST, 'server', f))
}
run('client (vite)', join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), ['build', '--logLevel', 'warn'])
writeFileSync(STAMP, new Date().toISOString() + '\n')
