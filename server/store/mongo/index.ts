/**
 * The MongoDB store, for deployments that outgrow one machine; chosen when
 * `MONGODB_URL` is set.
 *
 * Requirements: MongoDB 4.4 or later running as a replica set (a single-node
 * replica set is fine: `mongod --replSet rs0`, then `rs.initiate()` once) or
 * a sharded cluster reached through mongos. Votes, publications and document
 * appends are multi-document transactions, which a standalone server does
 * not run: `openMongoStore` checks the deployment with `hello` and refuses
 * to open on a standalone instead of silently losing atomicity.
 *
 * Durability: every write of this store, inside a transaction or not, uses
 * the write concern `{ w: 'majority', j: true }`, so a resolved write is
 * journaled on a majority of the replica set; reads go to the primary, so
 * they see every write that resolved before them.
 */
import { MongoClient } from 'mongodb'
import type { Store } from '../store.ts'
import { collectionsOf, ensureSchema } from './schema.ts'
import { DURABLE, requireTransactions } from './transactions.ts'
import { mongoUsers } from './users.ts'
import { mongoBills } from './bills.ts'
import { mongoVotes } from './votes.ts'
import { mongoDocs } from './doc-updates.ts'
import { mongoAmendments } from './amendments.ts'
import { mongoArguments } from './arguments.ts'
import { mongoModeration } from './moderation.ts'
import { mongoExports } from './exports.ts'
import { mongoCouncil } from './council.ts'
import { mongoCouncilWork } from './council-work.ts'
import { mongoAmendmentBatches } from './amendment-batches.ts'
import { mongoAdditionalArticles } from './additional-articles.ts'
import { mongoWorkspace } from './workspace.ts'
import { mongoDigests } from './digests.ts'
import { mongoIdentity } from './identity.ts'

/** Options of `openMongoStore`. */
export interface MongoStoreOptions {
  /** The database to use; by default the one named in the URL, else `alinea`. */
  dbName?: string
}

/** The database used when neither the options nor the URL name one. */
export const DEFAULT_DB_NAME = 'alinea'

/**
 * The database a connection string names in its path, if any
 * (`mongodb://h1,h2/alinea?replicaSet=rs0` names `alinea`).
 */
export function databaseOf (url: string): string | undefined {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?]*\/([^?]*)/.exec(url)?.[1]
  return path ? decodeURIComponent(path) : undefined
}

/**
 * Connects to MongoDB, checks that it runs transactions, creates the
 * collections and indexes (idempotently) and returns the store. `close()`
 * closes the client.
 */
export async function openMongoStore (url: string, options: MongoStoreOptions = {}): Promise<Store> {
  const client = new MongoClient(url)
  try {
    await client.connect()
    await requireTransactions(client)
    const db = client.db(options.dbName ?? databaseOf(url) ?? DEFAULT_DB_NAME, {
      writeConcern: DURABLE,
      // Read your own writes: a write that resolved is seen by the next read, whatever the URL asks.
      readPreference: 'primary',
      // Like JSON in the SQLite store: an undefined field is absent, never null.
      ignoreUndefined: true
    })
    await ensureSchema(db)
    const ctx = { client, col: collectionsOf(db) }
    return {
      kind: 'mongodb',
      ...mongoUsers(ctx),
      ...mongoBills(ctx),
      ...mongoVotes(ctx),
      ...mongoDocs(ctx),
      ...mongoAmendments(ctx),
      ...mongoArguments(ctx),
      ...mongoModeration(ctx),
      ...mongoExports(ctx),
      ...mongoCouncil(ctx),
      ...mongoCouncilWork(ctx),
      ...mongoAmendmentBatches(ctx),
      ...mongoAdditionalArticles(ctx),
      ...mongoWorkspace(ctx),
      ...mongoIdentity(ctx),
      ...mongoDigests(ctx),
      async ping () {
        try {
          return (await db.command({ ping: 1 })).ok === 1
        } catch {
          return false
        }
      },
      async close () {
        await client.close()
      }
    }
  } catch (err) {
    await client.close().catch(() => undefined)
    throw err
  }
}
