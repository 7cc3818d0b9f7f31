/**
 * Digest claims in MongoDB: one document per period in `digestClaims`, `_id` the period, so the
 * primary key decides (an insert of a claimed period fails with a duplicate key). Written with
 * the store's majority write concern: a claim acknowledged by one node is seen by the others
 * after a failover. Keyed by `_id` only: fine for a hashed shard key, though a few documents a
 * day never need sharding.
 */
import type { DigestClaimStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { isDuplicateKey } from './errors.ts'

interface DigestClaimDoc { _id: string; node: string; at: string }

/** The digest-claim methods of the MongoDB store. */
export function mongoDigests ({ client, col }: MongoContext): DigestClaimStore {
  // Same database and options as the other collections (created on first insert, outside transactions).
  const claims = client.db(col.mails.dbName, { writeConcern: { w: 'majority', j: true } }).collection<DigestClaimDoc>('digestClaims')
  return {
    async claimDigest (period, node, at) {
      try {
        await claims.insertOne({ _id: period, node, at })
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    }
  }
}
