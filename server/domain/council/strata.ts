/**
 * Volunteers with the same answers are interchangeable for the quotas: the
 * draw works on strata (answer profiles), which keeps the linear program
 * small (at most the product of the category sizes) whatever the pool.
 */
import { cmp } from './canonical.ts'
import type { PoolMember, Quotas, Stratum } from './types.ts'

/** Groups the pool into strata, in canonical order (by key), members sorted by id. */
export function strataOf (quotas: Quotas, pool: PoolMember[]): Stratum[] {
  const byKey = new Map<string, Stratum>()
  for (const m of pool) {
    const answers = quotas.categories.map(c => m.answers[c.key] ?? '')
    const key = answers.map(a => encodeURIComponent(a)).join('|')
    let s = byKey.get(key)
    if (!s) { s = { key, answers, members: [] }; byKey.set(key, s) }
    s.members.push(m.id)
  }
  const strata = [...byKey.values()].sort((a, b) => cmp(a.key, b.key))
  for (const s of strata) s.members.sort(cmp)
  return strata
}

/** For each category and each of its values, the indices of the strata having that value. */
export function strataByValue (quotas: Quotas, strata: Stratum[]): number[][][] {
  return quotas.categories.map((c, ci) => c.values.map(v =>
    strata.flatMap((s, si) => s.answers[ci] === v.key ? [si] : [])))
}

/** Whether seats per stratum meet the size and every quota. */
export function meetsQuotas (quotas: Quotas, strata: Stratum[], seats: number[]): boolean {
  if (seats.length !== strata.length) return false
  let total = 0
  for (let i = 0; i < seats.length; i++) {
    const n = seats[i]!
    if (!Number.isInteger(n) || n < 0 || n > strata[i]!.members.length) return false
    total += n
  }
  if (total !== quotas.size) return false
  const groups = strataByValue(quotas, strata)
  return quotas.categories.every((c, ci) => c.values.every((v, vi) => {
    const sum = groups[ci]![vi]!.reduce((acc, si) => acc + seats[si]!, 0)
    return sum >= v.min && sum <= v.max
  }))
}
