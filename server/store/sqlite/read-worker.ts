/**
 * Runs read-only queries in a worker thread with its own connection
 * (WAL lets it read while the server writes), for aggregates too long to run
 * on the event loop: better-sqlite3 is synchronous, so a query over 20
 * million votes would stall every request for seconds. An in-memory
 * database has no file a worker could open: its queries run inline.
 */
import type Database from 'better-sqlite3'
import { startWorkerThread } from './worker-thread.ts'

/** One query and its named parameters. */
export interface ReadQuery { sql: string; params: Record<string, unknown> }

/** The rows of each query, computed off the event loop when the database is a file. */
export function readInWorker (db: Database.Database, queries: ReadQuery[]): Promise<unknown[][]> {
  if (db.memory) return Promise.resolve(queries.map(q => db.prepare(q.sql).all(q.params)))
  return new Promise((resolve, reject) => {
    const worker = startWorkerThread(import.meta.url, 'read-worker-thread', { workerData: { file: db.name, queries } })
    worker.once('message', (m: { results?: unknown[][]; error?: string }) => {
      if (m.results) resolve(m.results)
      else reject(new Error(`query in worker failed: ${m.error}`))
    })
    worker.once('error', reject)
    worker.once('exit', code => { if (code !== 0) reject(new Error(`read worker exited with ${code}`)) })
  })
}
