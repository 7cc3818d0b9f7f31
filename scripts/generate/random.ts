/**
 * Seeded randomness for the generator, so a scale and a seed always give
 * the same consultation: a small fast PRNG (sfc32) and the skewed draws a
 * consultation needs (a few articles get most votes, a few arguments most
 * upvotes, a few people contribute a lot).
 */

/** A seeded random source. */
export interface Random {
  /** Uniform in [0, 1). */
  next (): number
  /** Uniform integer in [0, n). */
  int (n: number): number
  /** An element of a list. */
  pick<T> (items: readonly T[]): T
  /** Whether an event of probability p happens. */
  chance (p: number): boolean
  /** An index in [0, n) skewed towards 0: the higher `skew`, the more the first ones are drawn (1 is uniform). */
  skewed (n: number, skew: number): number
}

/** The sfc32 generator seeded from an integer. */
export function seeded (seed: number): Random {
  let a = 0x9e3779b9 ^ seed
  let b = 0x243f6a88 ^ (seed * 31)
  let c = 0xb7e15162
  let d = 1
  const u32 = (): number => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0
    let t = (a + b) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    d = (d + 1) | 0
    t = (t + d) | 0
    c = (c + t) | 0
    return t >>> 0
  }
  for (let i = 0; i < 15; i++) u32()
  const next = (): number => u32() / 4294967296
  return {
    next,
    int: n => Math.floor(next() * n),
    pick: items => items[Math.floor(next() * items.length)],
    chance: p => next() < p,
    skewed: (n, skew) => Math.min(n - 1, Math.floor(n * Math.pow(next(), skew)))
  }
}
