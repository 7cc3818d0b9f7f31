/**
 * A worker thread of the read pool (piscina, see read-worker.ts): runs
 * read-only queries on its own connection to a SQLite file, so that
 * aggregates over millions of rows (a national consultation's participation
 * figures) never block the server's event loop. The connection is opened
 * once per worker and kept; the SQL comes from the caller.
 */
import Database from 'better-sqlite3'
import type { ReadQuery } from './read-worker.ts'

const connections = new Map<string, Database.Database>()

/** The read-only connection of this worker to `file`, opened on first use. */
function connection (file: string): Database.Database {
  let db = connections.get(file)
  if (!db) {
    db = new Database(file, { readonly: true, fileMustExist: true })
    db.pragma('busy_timeout = 5000')
    connections.set(file, db)
  }
  return db
}

/** Runs each query of the task; returns their rows, in order. */
export default function run ({ file, queries }: { file: string; queries: ReadQuery[] }): unknown[][] {
  const db = connection(file)
  return queries.map(q => db.prepare(q.sql).all(q.params))
}
