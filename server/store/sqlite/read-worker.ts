/**
 * Runs read-only queries in a bounded pool of worker threads (piscina), each
 * with its own connection kept open (WAL lets them read while the server
 * writes), for aggregates too long to run on the event loop: better-sqlite3
 * is synchronous, so a query over 20 million votes would stall every
 * request for seconds. The pool has a few threads and a bounded queue: past
 * it, `StoreBusyError` (the HTTP layer answers 503 with Retry-After) rather
 * than a thread and a connection per request, which let 400 concurrent
 * requests take 2 GB and stall the server for 41 s. An in-memory database
 * has no file a worker could open: its queries run inline.
 */
import { availableParallelism } from 'node:os'
import { Piscina } from 'piscina'
import type Database from 'better-sqlite3'
import { StoreBusyError } from '../types/errors.ts'
import { workerModuleUrl } from './worker-thread.ts'

/** One query and its named parameters. */
export interface ReadQuery { sql: string; params: Record<string, unknown> }

/** Size of the read pool. */
export interface ReadPoolOptions {
  /** Worker threads (default: half the cores, at least 1, at most 4). */
  threads?: number
  /** Reads waiting for a thread before new ones are refused (default 16). */
  queue?: number
}

/** A bounded pool of read workers over one database file. */
export interface ReadPool {
  /** The rows of each query; StoreBusyError when the queue is full. */
  run (queries: ReadQuery[]): Promise<unknown[][]>
  /** Stops the workers (their connections close with them). */
  close (): Promise<void>
}

/** The default number of read threads: half the cores, between 1 and 4. */
export const defaultReadThreads = (): number => Math.max(1, Math.min(4, Math.floor(availableParallelism() / 2)))

/** Creates the read pool of `db`; threads start on first use and stop after 30 s idle. */
export function createReadPool (db: Database.Database, options: ReadPoolOptions = {}): ReadPool {
  if (db.memory) {
    return {
      run: async queries => queries.map(q => db.prepare(q.sql).all(q.params)),
      close: async () => {}
    }
  }
  const threads = Math.max(1, options.threads ?? defaultReadThreads())
  let pool: Piscina | null = null
  const open = (): Piscina => pool ??= new Piscina({
    // The compiled worker beside this module, or (from sources) the .ts worker compiled once.
    filename: workerModuleUrl(import.meta.url, 'read-worker-thread').href,
    minThreads: 0,
    maxThreads: threads,
    maxQueue: Math.max(0, options.queue ?? 16),
    idleTimeout: 30_000,
    execArgv: []
  })
  return {
    async run (queries) {
      try {
        return await open().run({ file: db.name, queries }) as unknown[][]
      } catch (err) {
        if (err instanceof Error && /queue is at limit|No task queue available/.test(err.message)) throw new StoreBusyError(2)
        throw new Error(`query in worker failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
      }
    },
    async close () {
      const p = pool
      pool = null
      await p?.destroy()
    }
  }
}
