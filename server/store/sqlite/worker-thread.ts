/**
 * Starts a worker thread on a sibling module of the caller, whichever way the
 * server runs: compiled (`node dist/server/main.js`: the sibling is the `.js`
 * file tsc wrote next to the caller) or from sources under tsx (tests,
 * `npm run dev`). Worker threads do not inherit tsx's loader on Node 20, and
 * booting tsx inside each worker takes a second or more; so from sources the
 * `.ts` worker is compiled once per process with esbuild (tsx's own
 * compiler, present wherever tsx is) into node_modules/.cache/, packages
 * left as imports, and that file is started.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { mkdirSync, renameSync } from 'node:fs'
import { dirname, join } from 'node:path'

const compiled = new Map<string, URL>()

/** A worker running `./<name>.js` (or `./<name>.ts` from sources) beside the module at `callerUrl`. */
export function startWorkerThread (callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(workerModuleUrl(callerUrl, name), options)
  // From sources, the process runs with tsx's loader flags: the compiled worker needs none.
  return new Worker(workerModuleUrl(callerUrl, name), { execArgv: [], ...options })
}

/** The module a worker thread (or a piscina pool) runs for `./<name>` beside the module at `callerUrl`. */
export function workerModuleUrl (callerUrl: string, name: string): URL {
  return callerUrl.endsWith('.ts') ? fromSource(new URL(`./${name}.ts`, callerUrl)) : new URL(`./${name}.js`, callerUrl)
}

/** Compiles a TypeScript worker (and the relative modules it imports) to one ES module, once per process. */
function fromSource (source: URL): URL {
  const done = compiled.get(source.href)
  if (done) return done
  const require = createRequire(source)
  const tsxDir = dirname(require.resolve('tsx/package.json'))
  const esbuild = createRequire(join(tsxDir, 'package.json'))('esbuild') as {
    buildSync (options: Record<string, unknown>): unknown
  }
  const cache = join(tsxDir, '..', '.cache', 'alinea-workers')
  mkdirSync(cache, { recursive: true })
  const base = fileURLToPath(source).replace(/^.*[/\\]/, '').replace(/\.ts$/, '')
  const out = join(cache, `${base}.mjs`)
  const partial = join(cache, `${base}.${process.pid}.${compiled.size}.mjs`)
  esbuild.buildSync({ entryPoints: [fileURLToPath(source)], outfile: partial, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'error' })
  renameSync(partial, out)
  const url = pathToFileURL(out)
  compiled.set(source.href, url)
  return url
}
