// @ts-check
/**
 * Whether dist/ holds a complete build at least as new as every source file
 * (server, shared, client, scripts, package and build settings). Used by
 * `npm start` (scripts/start.js) to build only when needed, and by the test
 * of the built server. Plain JavaScript: it runs before anything is compiled.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Written last by scripts/build.js: its modification time is that of the last complete build. */
export const STAMP = join(ROOT, 'dist', '.build-stamp')
const SOURCES = ['server', 'shared', 'client', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'vite.config.ts']

/** The newest modification time among the sources (folders walked), in ms. */
export function newestSource () {
  let newest = 0
  for (const s of SOURCES) {
    const path = join(ROOT, s)
    if (!existsSync(path)) continue
    const st = statSync(path)
    if (st.isFile()) { newest = Math.max(newest, st.mtimeMs); continue }
    for (const e of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) newest = Math.max(newest, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs)
    }
  }
  return newest
}

/** 'missing', 'stale' or 'current'. */
export function buildState () {
  if (!existsSync(STAMP)) return 'missing'
  return statSync(STAMP).mtimeMs < newestSource() ? 'stale' : 'current'
}
