/**
 * Background WAL checkpoints for the SQLite file store. better-sqlite3 is
 * synchronous, and SQLite's automatic checkpoint runs inside whichever
 * commit crosses the threshold, fsyncs included: an unlucky vote or
 * collaborative update then waits milliseconds, and so does every request
 * behind it. A worker thread with its own connection checkpoints passively
 * every `intervalMs` instead (WAL lets it run beside the writer); the
 * connection's own automatic checkpoint stays as a high fallback.
 */
import type Database from 'better-sqlite3'
import { startWorkerThread } from './worker-thread.ts'

/** Pages of WAL after which the server's connection still checkpoints by itself (if the worker is gone). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000

/** Starts checkpointing `db`'s file in a worker; the returned function stops it. */
export function startCheckpointer (db: Database.Database, intervalMs = 500): () => Promise<void> {
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`)
  const worker = startWorkerThread(import.meta.url, 'checkpointer-thread', { workerData: { file: db.name, intervalMs } })
  worker.unref()
  worker.on('error', () => { db.pragma('wal_autocheckpoint = 1000') })
  return () => new Promise<void>(resolve => {
    const done = () => { void worker.terminate().then(() => resolve(), () => resolve()) }
    const timer = setTimeout(done, 1000)
    worker.once('message', () => { clearTimeout(timer); done() })
    worker.once('exit', () => { clearTimeout(timer); resolve() })
    worker.postMessage('stop')
  })
}
