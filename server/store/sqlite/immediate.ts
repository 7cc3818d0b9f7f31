/**
 * Write transactions that wait for their turn when several processes share
 * one SQLite file (several nodes on one machine). A deferred transaction
 * (better-sqlite3's default) that reads and then writes fails at once with
 * SQLITE_BUSY when another process committed in between: the busy timeout
 * does not apply to that upgrade. `BEGIN IMMEDIATE` takes the write lock
 * first, so it waits up to the busy timeout instead. In one process it costs
 * nothing: the connection is synchronous and transactions never overlap.
 */
import type Database from 'better-sqlite3'

/** Makes `db.transaction(fn)()` begin IMMEDIATE (nested calls remain savepoints). */
export function immediateTransactions (db: Database.Database): void {
  const make = db.transaction.bind(db)
  const transaction = <F extends (...args: any[]) => unknown>(fn: F): Database.Transaction<F> => {
    const t = make(fn)
    const run = (...args: unknown[]): unknown => (t.immediate as (...a: unknown[]) => unknown)(...args)
    return Object.assign(run, { default: t.immediate, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive }) as unknown as Database.Transaction<F>
  }
  db.transaction = transaction as typeof db.transaction
}
