/**
 * The orders of an article's amendment list: a rule of the domain, defined
 * once so both stores sort alike (SQLite calls these functions; MongoDB
 * evaluates the same formulas as aggregation expressions in
 * `store/mongo/amendments.ts`).
 *
 * - supported: the lower bound of the Wilson score interval (95 %) of the
 *   share of support among votes, where a `for` counts 1, a `mixed` ½ and an
 *   `against` 0. Unlike `for - against` it does not reward sheer volume, and
 *   unlike the raw share it does not put one lone `for` above 90 of 100.
 *   Amendments nobody supports rank below unvoted ones (see `supportScore`).
 * - random: a permutation of each amendment's `shuffle` (a random integer
 *   drawn at creation) by the affine map `(shuffle * a + b) mod p`, p prime,
 *   with `a` and `b` derived from a seed (the viewer's id, or a seed the
 *   anonymous visitor keeps): stable for one viewer, different between
 *   viewers, and computable by both stores without server-side scripts.
 */
import { createHash } from 'node:crypto'
import type { Tally } from '../../shared/types.ts'

/** The normal quantile of the Wilson interval: 1.96 for 95 %. */
export const WILSON_Z = 1.96

/** The prime modulus of the random order (2^31 - 1): shuffles are drawn in [0, p). */
export const RANDOM_MODULUS = 2_147_483_647

/**
 * The support score of a tally, in (-1, 1): the Wilson lower bound when
 * anyone supports it (`for` or `mixed`); otherwise `-n / (n + 1)` for n votes
 * against, so an amendment nobody voted on (0) ranks above one only opposed,
 * and the more opposed the lower (the bound itself would be 0 for both).
 */
export function supportScore (votes: Tally): number {
  const n = votes.for + votes.mixed + votes.against
  if (votes.for + votes.mixed <= 0) return votes.against > 0 ? -votes.against / (votes.against + 1) : 0
  const p = (votes.for + votes.mixed / 2) / n
  const z2 = WILSON_Z * WILSON_Z
  return (p + z2 / (2 * n) - WILSON_Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n)
}

/** The multiplier (1..p-1) and offset (0..p-1) of the random order for a seed. */
export function randomSeed (seed: string): { a: number; b: number } {
  const h = createHash('sha256').update(seed).digest()
  const a = 1 + (h.readUInt32BE(0) % (RANDOM_MODULUS - 1))
  const b = h.readUInt32BE(4) % RANDOM_MODULUS
  return { a, b }
}

/** The rank of a shuffle in the random order of a seed (exact: products stay below 2^62). */
export function randomRank (shuffle: number, seed: { a: number; b: number }): number {
  return Number((BigInt(shuffle) * BigInt(seed.a) + BigInt(seed.b)) % BigInt(RANDOM_MODULUS))
}

/** A new shuffle, uniform in [0, RANDOM_MODULUS). */
export function newShuffle (): number {
  const bytes = new Uint32Array(1)
  globalThis.crypto.getRandomValues(bytes)
  return bytes[0] % RANDOM_MODULUS
}
