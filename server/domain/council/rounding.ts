/**
 * From the solver's floating-point weights to an exact distribution: panels
 * in canonical order with integer weights over a fixed denominator, and the
 * selection probability of each stratum's members as an exact fraction.
 */
import type { Distribution, Stratum, WeightedPanel } from './types.ts'
import { DISTRIBUTION_DENOMINATOR } from './types.ts'

/** Lexicographic order of seat vectors. */
export function comparePanels (a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * Largest-remainder rounding of `lambdas` (normalised) to integers summing to
 * `denominator`: floors first, then one more to the largest remainders, ties
 * to the earlier panel in canonical order. Zero-weight panels are dropped.
 */
export function roundDistribution (panels: number[][], lambdas: number[], denominator = DISTRIBUTION_DENOMINATOR): WeightedPanel[] {
  const total = lambdas.reduce((a, b) => a + b, 0)
  const items = panels.map((seats, i) => ({ seats, exact: total > 0 ? lambdas[i]! / total * denominator : 0 }))
    .sort((a, b) => comparePanels(a.seats, b.seats))
  const floors = items.map(it => Math.floor(it.exact))
  let rest = denominator - floors.reduce((a, b) => a + b, 0)
  const order = items.map((it, i) => ({ i, frac: it.exact - floors[i]! }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i)
  for (const { i } of order) {
    if (rest <= 0) break
    floors[i]!++; rest--
  }
  return items.map((it, i) => ({ seats: it.seats, weight: floors[i]! })).filter(p => p.weight > 0)
}

/** Per stratum, the sum over panels of weight x seats: the probability numerator of each member. */
export function numeratorsOf (strata: Stratum[], panels: WeightedPanel[]): number[] {
  return strata.map((_, s) => panels.reduce((acc, p) => acc + p.weight * p.seats[s]!, 0))
}

/** Builds the exact distribution and its smallest selection probability among strata that can sit. */
export function exactDistribution (strata: Stratum[], panels: WeightedPanel[], denominator = DISTRIBUTION_DENOMINATOR): Distribution {
  const numerators = numeratorsOf(strata, panels)
  const probs = numerators.flatMap((n, s) => n > 0 ? [n / (denominator * strata[s]!.members.length)] : [])
  return { strata, panels, denominator, numerators, maximin: probs.length ? Math.min(...probs) : 0 }
}

/** A member's selection probability in stratum `s`, as a number. */
export function probabilityOf (d: Distribution, s: number): number {
  return d.numerators[s]! / (d.denominator * d.strata[s]!.members.length)
}
