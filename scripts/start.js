// @ts-check
/**
 * `npm start` (and the operator commands): runs a compiled entry of dist/
 * with plain Node, after building when dist/ is missing or older than the
 * sources, so a fresh clone needs only `npm install && npm start`. When the
 * build tools are not installed (`npm ci --omit=dev`), an existing dist/ is
 * run as it is. Plain JavaScript: it runs before anything is compiled.
 *
 *   node scripts/start.js                        the server (dist/server/main.js)
 *   node scripts/start.js scripts/backup <file>  another compiled entry, with its arguments
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, buildState } from './build-state.js'

const state = buildState()
if (state !== 'current') {
  const canBuild = existsSync(join(ROOT, 'node_modules', 'typescript')) && existsSync(join(ROOT, 'node_modules', 'vite'))
  if (canBuild) {
    console.log(state === 'missing' ? 'dist/ is missing: building' : 'dist/ is older than the sources: building')
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.js')], { cwd: ROOT, stdio: 'inherit' })
    if (r.status !== 0) process.exit(r.status ?? 1)
  } else if (state === 'missing') {
    console.error('dist/ is missing and the build tools are not installed: run `npm install && npm run build`')
    process.exit(1)
  } else {
    console.warn('dist/ may be older than the sources, and the build tools are not installed: running it as it is')
  }
}

const entry = process.argv[2] && !process.argv[2].startsWith('-') ? process.argv.splice(2, 1)[0] : 'server/main'
await import(pathToFileURL(join(ROOT, 'dist', `${entry.replace(/\.(ts|js)$/, '')}.js`)).href)
