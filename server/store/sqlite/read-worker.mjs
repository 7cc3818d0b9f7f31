// A worker thread that runs read-only queries on its own connection to a
// SQLite file, so that aggregates over millions of rows (a national
// consultation's participation figures) never block the server's event
// loop. Plain JavaScript: worker threads do not inherit the TypeScript
// loader. Used by `readInWorker` in read-worker.ts; the SQL comes from there.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database(workerData.file, { readonly: true, fileMustExist: true })
db.pragma('busy_timeout = 5000')
try {
  const results = workerData.queries.map(q => db.prepare(q.sql).all(q.params))
  parentPort.postMessage({ results })
} catch (err) {
  parentPort.postMessage({ error: String(err && err.message ? err.message : err) })
} finally {
  db.close()
}
