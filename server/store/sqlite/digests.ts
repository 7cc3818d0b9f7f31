/** Digest claims in SQLite: one row per period, the first insert wins (the primary key decides). */
import type Database from 'better-sqlite3'
import type { DigestClaimStore } from '../store.ts'

/** The digest-claim methods of the SQLite store. */
export function sqliteDigests (db: Database.Database): DigestClaimStore {
  const claim = db.prepare('INSERT OR IGNORE INTO digest_claims (period, node, at) VALUES (?, ?, ?)')
  return {
    async claimDigest (period, node, at) {
      return claim.run(period, node, at).changes === 1
    }
  }
}
