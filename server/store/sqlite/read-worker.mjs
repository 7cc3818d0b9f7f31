// A worker thread of the read pool (piscina): runs read-only queries on its
// own connection to a SQLite file, so that aggregates over millions of rows
// (a national consultation's participation figures) never block the
// server's event loop. The connection is opened once per worker and kept.
// Plain JavaScript: worker threads do not inherit the TypeScript loader.
// Used by `createReadPool` in read-worker.ts; the SQL comes from there.
import Database from 'better-sqlite3'

const connections = new Map()

function connection (file) {
  let db = connections.get(file)
  if (!db) {
    db = new Database(file, { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 5000')
    connections.set(file, db)
  }
  return db
}

/** Runs each query of the task; returns their rows, in order. */
export default function run ({ file, queries }) {
  const db = connection(file)
  return queries.map(q => db.prepare(q.sql).all(q.params))
}
