/**
 * The worker thread of `startCheckpointer` (checkpointer.ts): checkpoints the
 * WAL of a SQLite file from its own connection, so that the server's
 * connection never pays for a checkpoint (its fsyncs stalled the event loop
 * for milliseconds at a time).
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { file, intervalMs } = workerData as { file: string; intervalMs: number }
const db = new Database(file, { fileMustExist: true })
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // busy or locked: the next tick tries again
  }
}, intervalMs)
parentPort!.on('message', (m: unknown) => {
  if (m === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort!.postMessage('stopped')
  }
})
