/**
 * Starts a worker thread on a sibling module of the caller, whichever way the
 * server runs: compiled (`node dist/server/main.js`, the sibling is a `.js`
 * file next to the caller) or from sources under tsx (tests, `npm run dev`).
 * Worker threads do not inherit tsx's loader on Node 20, so a `.ts` worker
 * is started through a small bootstrap that imports it with tsx's API.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads'

/** A worker running `./<name>.js` (or `.ts` from sources) beside the module at `callerUrl`. */
export function startWorkerThread (callerUrl: string, name: string, options: WorkerOptions = {}): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), { execArgv: [], ...options })
  const source = new URL(`./${name}.ts`, callerUrl).href
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then(api => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(callerUrl)}))`
  return new Worker(boot, { execArgv: [], ...options, eval: true })
}
