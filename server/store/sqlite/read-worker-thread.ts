/**
 * The worker thread of `readInWorker` (read-worker.ts): runs read-only
 * queries on its own connection to a SQLite file, so that aggregates over
 * millions of rows (a national consultation's participation figures) never
 * block the server's event loop. The SQL comes from the caller.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { ReadQuery } from './read-worker.ts'

const { file, queries } = workerData as { file: string; queries: ReadQuery[] }
const db = new Database(file, { readonly: true, fileMustExist: true })
db.pragma('busy_timeout = 5000')
try {
  const results = queries.map(q => db.prepare(q.sql).all(q.params))
  parentPort!.postMessage({ results })
} catch (err) {
  parentPort!.postMessage({ error: err instanceof Error ? err.message : String(err) })
} finally {
  db.close()
}
