// A worker thread that checkpoints the WAL of a SQLite file from its own
// connection, so that the server's connection never pays for a checkpoint
// (its fsyncs stalled the event loop for milliseconds at a time). Plain
// JavaScript: worker threads do not inherit the TypeScript loader. Started
// by `startCheckpointer` in checkpointer.ts.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const db = new Database(workerData.file, { fileMustExist: true })
db.pragma('busy_timeout = 1000')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // busy or locked: the next tick tries again
  }
}, workerData.intervalMs)
parentPort.on('message', m => {
  if (m === 'stop') {
    clearInterval(timer)
    db.close()
    parentPort.postMessage('stopped')
  }
})
