/**
 * The embedded store: one SQLite file in WAL mode, migrated at open.
 * better-sqlite3 is synchronous, so each method runs to completion (and each
 * transaction commits) before its promise settles: a write that resolved is
 * in the WAL, which survives a killed process.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Store } from '../store.ts'
import { migrate } from './migrations.ts'
import { immediateTransactions } from './immediate.ts'
import { sqliteUsers } from './users.ts'
import { sqliteBills } from './bills.ts'
import { sqliteVotes } from './votes.ts'
import { sqliteDocs } from './doc-updates.ts'
import { sqliteAmendments } from './amendments.ts'
import { sqliteArguments } from './arguments.ts'
import { sqliteModeration } from './moderation.ts'
import { sqliteExports } from './exports.ts'
import { sqliteAmendmentBatches } from './amendment-batches.ts'
import { sqliteAdditionalArticles } from './additional-articles.ts'
import { startCheckpointer } from './checkpointer.ts'
import { createReadPool, type ReadPoolOptions } from './read-worker.ts'
import { sqliteCouncil } from './council.ts'
import { sqliteCouncilWork } from './council-work.ts'
import { sqliteIdentity } from './identity.ts'
import { sqliteFollows } from './follows.ts'
import { sqliteWorkspace } from './workspace.ts'
import { sqliteDigests } from './digests.ts'

/** Options of `openSqliteStore`. */
export interface SqliteOptions {
  /**
   * Tune the connection for loading millions of rows (generators, imports):
   * a 256 MB page cache and checkpoints every 100,000 pages instead of 1,000.
   * Not for the server, whose memory stays small without it.
   */
  bulkLoad?: boolean
  /** The pool of read workers (long aggregates): threads and queue length. */
  reads?: ReadPoolOptions
}

/** Opens (creating if needed) the SQLite store at `file`; `:memory:` gives a throwaway one. */
export function openSqliteStore (file: string, options: SqliteOptions = {}): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const db = new Database(file)
  // The busy timeout first: nodes starting together on one file wait for each other's locks.
  db.pragma('busy_timeout = 5000')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  immediateTransactions(db)
  migrate(db)
  let stopCheckpointer: (() => Promise<void>) | null = null
  if (options.bulkLoad) {
    db.pragma('cache_size = -262144')
    db.pragma('wal_autocheckpoint = 100000')
  } else if (!db.memory) {
    stopCheckpointer = startCheckpointer(db)
  }
  const reads = createReadPool(db, options.reads)
  const ping = db.prepare('SELECT 1 AS ok')
  const users = sqliteUsers(db)
  return {
    kind: 'sqlite',
    ...users,
    ...sqliteIdentity(db, id => users.getUser(id)),
    ...sqliteFollows(db),
    ...sqliteDigests(db),
    ...sqliteBills(db),
    ...sqliteVotes(db),
    ...sqliteDocs(db),
    ...sqliteAmendments(db),
    ...sqliteArguments(db),
    ...sqliteModeration(db),
    ...sqliteExports(db, reads),
    ...sqliteCouncil(db),
    ...sqliteCouncilWork(db),
    ...sqliteAmendmentBatches(db),
    ...sqliteAdditionalArticles(db),
    ...sqliteWorkspace(db),
    async ping () {
      return (ping.get() as { ok: number }).ok === 1
    },
    async close () {
      await reads.close()
      await stopCheckpointer?.()
      if (db.open) {
        db.pragma('wal_checkpoint(TRUNCATE)')
        db.close()
      }
    }
  }
}
