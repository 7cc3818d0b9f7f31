/**
 * Whether some panel meets the quotas and, when none does, why: which
 * category, which value, how many volunteers against the minimum. Simple
 * counting rules first (what an editor can fix), then the solver on each
 * category alone and on pairs, to name the smallest set that conflicts.
 */
import type { InfeasibilityReason, PoolMember, Quotas, Stratum } from './types.ts'
import { bestPanel, highs } from './solver.ts'

/** Reasons read from counts alone; empty when the counts allow a panel. */
export function countingReasons (quotas: Quotas, pool: PoolMember[]): InfeasibilityReason[] {
  const reasons: InfeasibilityReason[] = []
  if (pool.length < quotas.size) {
    reasons.push({ category: null, value: null, volunteers: pool.length, minimum: quotas.size, message: `${pool.length} volunteers for ${quotas.size} seats` })
  }
  for (const c of quotas.categories) {
    let minSum = 0
    let reachable = 0
    for (const v of c.values) {
      const n = pool.filter(m => m.answers[c.key] === v.key).length
      minSum += v.min
      reachable += Math.min(v.max, n)
      if (v.min > v.max) {
        reasons.push({ category: c.key, value: v.key, volunteers: n, minimum: v.min, message: `category ${c.key}, value ${v.key}: minimum ${v.min} above maximum ${v.max}` })
      } else if (n < v.min) {
        reasons.push({ category: c.key, value: v.key, volunteers: n, minimum: v.min, message: `category ${c.key}, value ${v.key}: ${n} volunteers, minimum ${v.min}` })
      }
    }
    if (minSum > quotas.size) {
      reasons.push({ category: c.key, value: null, volunteers: null, minimum: minSum, message: `category ${c.key}: the minimums add up to ${minSum}, more than the ${quotas.size} seats` })
    } else if (reachable < quotas.size) {
      reasons.push({ category: c.key, value: null, volunteers: reachable, minimum: quotas.size, message: `category ${c.key}: at most ${reachable} seats can be filled within the maxima and the volunteers, for ${quotas.size} seats` })
    }
  }
  return reasons
}

/**
 * Why no panel meets the quotas, or an empty list when one does. Counting
 * rules first; then each category alone, then each pair, with the solver.
 */
export async function infeasibility (quotas: Quotas, pool: PoolMember[], strata: Stratum[]): Promise<InfeasibilityReason[]> {
  return infeasibilityWith(await highs(), quotas, pool, strata)
}

/** `infeasibility` with a loaded solver, synchronously (for use inside a store transaction). */
export function infeasibilityWith (solver: Awaited<ReturnType<typeof highs>>, quotas: Quotas, pool: PoolMember[], strata: Stratum[]): InfeasibilityReason[] {
  const counted = countingReasons(quotas, pool)
  if (counted.length) return counted
  const zero = strata.map(() => 0)
  if (bestPanel(solver, quotas, strata, zero)) return []
  const cats = quotas.categories
  for (let i = 0; i < cats.length; i++) {
    if (!bestPanel(solver, quotas, strata, zero, [i])) {
      return [{ category: cats[i]!.key, value: null, volunteers: null, minimum: null, message: `category ${cats[i]!.key}: its quotas cannot be met with these volunteers` }]
    }
  }
  for (let i = 0; i < cats.length; i++) {
    for (let j = i + 1; j < cats.length; j++) {
      if (!bestPanel(solver, quotas, strata, zero, [i, j])) {
        return [{ category: `${cats[i]!.key}+${cats[j]!.key}`, value: null, volunteers: null, minimum: null, message: `categories ${cats[i]!.key} and ${cats[j]!.key}: their quotas cannot be met together with these volunteers` }]
      }
    }
  }
  return [{ category: null, value: null, volunteers: null, minimum: null, message: 'the quotas of three or more categories cannot be met together with these volunteers' }]
}
