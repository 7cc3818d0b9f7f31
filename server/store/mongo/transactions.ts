/**
 * Multi-document transactions for the MongoDB store, and the check that the
 * deployment has them. MongoDB runs transactions only on a replica set (a
 * single-node one is enough) or through mongos; a standalone server refuses
 * them, and the store refuses to open rather than lose atomicity.
 */
import type { ClientSession, Document, MongoClient, TransactionOptions } from 'mongodb'
import { MongoServerError, WriteConcern } from 'mongodb'
import { setTimeout as sleep } from 'node:timers/promises'
import { isDuplicateKey } from './errors.ts'

/**
 * Acknowledged by a majority of the replica set, each in its journal: a
 * write that resolved survives the loss of the primary and a crash.
 */
export const DURABLE = new WriteConcern('majority', undefined, true)

/**
 * Snapshot reads (the transaction sees one point in time, and a write to a
 * document another transaction changed since is a write conflict, retried
 * by `withTransaction`), durable commit, primary only.
 */
export const TRANSACTION_OPTIONS: TransactionOptions = {
  readConcern: { level: 'snapshot' },
  writeConcern: DURABLE,
  readPreference: 'primary'
}

/** How often a transaction whose upsert lost a race on a unique key is run again. */
const DUPLICATE_RETRIES = 10

/** Options of `runTransaction`. */
export interface RunOptions {
  /**
   * Run the transaction again when it fails on a duplicate key. Only for
   * transactions whose unique-key writes are upserts filtered on the whole
   * key: a duplicate there means a concurrent first insert of the same key
   * won, and the next attempt will find (and update) its document.
   */
  retryDuplicateKey?: boolean
}

/**
 * Runs `fn` in a transaction and returns its result once committed.
 * `withTransaction` retries the whole callback on transient errors (write
 * conflicts, elections) with backoff for up to two minutes, and the commit
 * on unknown results; `fn` must therefore be safe to run several times and
 * must await every operation in turn, each with the session it is given.
 */
export async function runTransaction<T> (client: MongoClient, fn: (session: ClientSession) => Promise<T>, options: RunOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const session = client.startSession()
    try {
      return await session.withTransaction(fn, TRANSACTION_OPTIONS)
    } catch (err) {
      if (!options.retryDuplicateKey || !isDuplicateKey(err) || attempt >= DUPLICATE_RETRIES) throw err
    } finally {
      await session.endSession()
    }
    await sleep(Math.random() * 5 * attempt)
  }
}

/** Whether a `hello` reply comes from a deployment with transactions: a replica set member or mongos. */
export function supportsTransactions (hello: Document): boolean {
  return (typeof hello.setName === 'string' && hello.setName !== '') || hello.msg === 'isdbgrid'
}

/** Server error code of an unknown command (`hello` is missing before 4.4.2). */
const COMMAND_NOT_FOUND = 59

/** Throws a clear error unless the connected deployment runs transactions. */
export async function requireTransactions (client: MongoClient): Promise<void> {
  const admin = client.db('admin')
  let hello: Document
  try {
    hello = await admin.command({ hello: 1 })
  } catch (err) {
    if (!(err instanceof MongoServerError && err.code === COMMAND_NOT_FOUND)) throw err
    hello = await admin.command({ isMaster: 1 })
  }
  if (!supportsTransactions(hello)) {
    throw new Error('MongoDB must run as a replica set (a single-node replica set is fine: start mongod with ' +
      '--replSet rs0 and run rs.initiate() once) or be reached through mongos: the Alinea store needs ' +
      'multi-document transactions, which a standalone server does not provide.')
  }
}
