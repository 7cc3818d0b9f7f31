/**
 * The one seeded random source of the tests and benchmarks (xoroshiro128+
 * from pure-rand, the generator fast-check uses): the same seed gives the
 * same run, so a failing run is replayed from the seed it printed.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64'
import { uniformInt } from 'pure-rand/distribution/uniformInt'
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'

/** A seeded source: call it for a number in [0, 1); `int`, `pick` and `chance` for the usual draws. */
export interface Seeded {
  (): number
  /** The seed it was made from (print it with a failure). */
  readonly seed: number
  /** An integer in [0, n). */
  int (n: number): number
  /** One element of a non-empty list. */
  pick<T> (xs: readonly T[]): T
  /** True with probability p. */
  chance (p: number): boolean
}

/** A seeded random source; the same seed always draws the same values in the same order. */
export function seeded (seed: number): Seeded {
  const rng = xoroshiro128plus(seed)
  const next = (): number => uniformFloat64(rng)
  return Object.assign(next, {
    seed,
    int: (n: number): number => uniformInt(rng, 0, n - 1),
    pick: <T>(xs: readonly T[]): T => xs[uniformInt(rng, 0, xs.length - 1)],
    chance: (p: number): boolean => next() < p
  })
}

/**
 * The seed of a run: the environment variable `name` when it is set (to
 * replay a printed seed), otherwise a fresh one, so that runs explore.
 */
export function seedFrom (name: string): number {
  const given = process.env[name]
  if (given !== undefined && given !== '') {
    const seed = Number(given)
    if (!Number.isSafeInteger(seed)) throw new Error(`${name}=${given} is not an integer seed`)
    return seed
  }
  return Math.floor(Math.random() * 2 ** 31)
}
