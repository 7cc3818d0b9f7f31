/**
 * Group commit for SQLite writes on a hot path (votes): the writes asked for
 * in one turn of the event loop run in one transaction, each in its own
 * savepoint (a write that throws is undone alone and its caller gets the
 * error), and every caller's promise settles after the one commit. Under
 * load, a commit (its WAL frames for every page touched, the tally's page
 * among them, and the commit record) costs more than a vote's statements;
 * shared by the votes of one turn, it is paid once. A caller is still
 * answered only once its write is committed.
 */
import type Database from 'better-sqlite3'

interface Job {
  run: () => unknown
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  outcome?: { ok: true; value: unknown } | { ok: false; error: unknown }
}

/**
 * A queue of writes on `db` committed together; it returns a function that
 * turns a transaction (better-sqlite3's `db.transaction`, so that it nests as
 * a savepoint) into an asynchronous write that joins the current group.
 * Writes of one queue are applied in the order they were asked for.
 */
export function groupCommit (db: Database.Database): <A extends unknown[], R>(write: Database.Transaction<(...args: A) => R>) => (...args: A) => Promise<R> {
  let jobs: Job[] = []
  const runAll = db.transaction((batch: Job[]) => {
    for (const job of batch) {
      try {
        job.outcome = { ok: true, value: job.run() }
      } catch (error) {
        job.outcome = { ok: false, error }
      }
    }
  })
  const flush = (): void => {
    const batch = jobs
    jobs = []
    try {
      runAll(batch)
    } catch (error) {
      // The commit itself failed: nothing of the group is stored.
      for (const job of batch) job.reject(error)
      return
    }
    for (const job of batch) {
      const outcome = job.outcome!
      if (outcome.ok) job.resolve(outcome.value)
      else job.reject(outcome.error)
    }
  }
  return <A extends unknown[], R>(write: Database.Transaction<(...args: A) => R>) => (...args: A): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      if (jobs.length === 0) setImmediate(flush)
      jobs.push({ run: () => write(...args), resolve: resolve as (value: unknown) => void, reject })
    })
}
