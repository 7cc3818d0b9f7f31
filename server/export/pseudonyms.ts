/**
 * Pseudonymous ids of the open data: an HMAC-SHA256 of the user id with the
 * server secret (`config.secret`) and the bill id, so an id is stable within
 * one bill's exports (researchers can follow one participant across
 * articles), differs between bills, and cannot be reversed or recomputed
 * without the secret. Authors (of amendments, arguments, decisions) and
 * voters get ids from two separate spaces: one cannot read from the open data
 * how a named arguer voted. No export carries an email address.
 */
import { createHmac } from 'node:crypto'

/** Characters of base64url kept: 96 bits, no collision in practice for millions of users. */
const LENGTH = 16
/** Authors cached per export before the cache is cleared (votes need none: they come ordered by user). */
const CACHE_LIMIT = 100_000

/** Pseudonym functions of one bill. */
export interface Pseudonyms {
  /** The author id of a user (amendments, arguments, decisions): `a_` + 16 characters. */
  author (userId: string): string
  /** The voter id of a user, unlinkable to their author id: `v_` + 16 characters. */
  voter (userId: string): string
}

/** The pseudonyms of `billId` under `secret`. */
export function pseudonyms (secret: string, billId: string): Pseudonyms {
  const make = (space: string, userId: string): string =>
    createHmac('sha256', secret).update(`${space}\u0000${billId}\u0000${userId}`).digest('base64url').slice(0, LENGTH)
  const authors = new Map<string, string>()
  let lastVoter = ''
  let lastVoterId = ''
  return {
    author (userId) {
      let p = authors.get(userId)
      if (p === undefined) {
        if (authors.size >= CACHE_LIMIT) authors.clear()
        p = `a_${make('author', userId)}`
        authors.set(userId, p)
      }
      return p
    },
    voter (userId) {
      if (userId !== lastVoter) {
        lastVoter = userId
        lastVoterId = `v_${make('voter', userId)}`
      }
      return lastVoterId
    }
  }
}
