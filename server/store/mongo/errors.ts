/**
 * Recognising MongoDB's duplicate-key errors (code 11000) and turning them
 * into the store's `DuplicateKeyError`, with the keys the SQLite store uses.
 */
import { MongoServerError } from 'mongodb'
import { DuplicateKeyError } from '../store.ts'

const DUPLICATE_KEY = 11000
/** The legacy code some older servers used for duplicates found by updates. */
const DUPLICATE_KEY_LEGACY = 11001

/**
 * Whether `err` is a (definitive) duplicate-key error. Errors labelled
 * TransientTransactionError are not: `withTransaction` retries those.
 */
export function isDuplicateKey (err: unknown): err is MongoServerError {
  return err instanceof MongoServerError &&
    (err.code === DUPLICATE_KEY || err.code === DUPLICATE_KEY_LEGACY) &&
    !err.hasErrorLabel('TransientTransactionError')
}

/**
 * The fields of the unique index a duplicate-key error names: from the
 * error's `keyPattern` (servers 4.4+ send it), else from the index name in
 * the message ("... index: email_1 dup key: ..."; `_id_` is the primary key).
 */
export function duplicateKeyFields (err: MongoServerError): string[] {
  const pattern: unknown = err.keyPattern
  if (pattern !== null && typeof pattern === 'object') return Object.keys(pattern)
  const index = /index: (\S+)/.exec(err.message)?.[1]
  if (index === undefined) return []
  if (index === '_id_') return ['_id']
  // Default index names alternate field and direction: "billId_1_number_1".
  return index.split(/_-?1(?:_|$)/).filter(f => f !== '')
}

/**
 * Runs `write` and rethrows a duplicate-key error as `DuplicateKeyError`:
 * `key(fields)` picks the store key from the index fields. Inside a
 * transaction, throwing a non-driver error makes `withTransaction` abort
 * and rethrow it, which is what a refused write must do.
 */
export async function refuseDuplicate<T> (write: Promise<T>, key: string | ((fields: string[]) => string)): Promise<T> {
  try {
    return await write
  } catch (err) {
    if (isDuplicateKey(err)) throw new DuplicateKeyError(typeof key === 'string' ? key : key(duplicateKeyFields(err)))
    throw err
  }
}
