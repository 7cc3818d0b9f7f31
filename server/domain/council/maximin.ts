/**
 * The fair distribution over panels (Flanigan et al., "Fair algorithms for
 * selecting citizens' assemblies", Nature 2021, the maximin objective):
 * among all distributions over panels meeting the quotas, one that
 * maximises the smallest selection probability of any volunteer.
 *
 * Column generation on strata: the master linear program mixes the panels
 * found so far; its dual weights on the strata price a new panel (an
 * integer program under the quotas); stop when no panel prices above the
 * current value. A volunteer's probability is their stratum's expected
 * seats divided by the stratum's size (members of a stratum are
 * interchangeable, so spreading evenly loses nothing).
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { Quotas, Stratum } from './types.ts'
import { Master, bestPanel, highs } from './solver.ts'
import { moveContext, seatStratum } from './local-search.ts'

/** The unrounded optimum: panels, their weights, the maximin value, which strata can sit at all. */
export interface MaximinResult { panels: number[][]; lambdas: number[]; value: number; possible: boolean[]; iterations: number }

const EPS = 1e-9
const MAX_ITERATIONS = 2000

/** Column generation; call only when some panel meets the quotas. */
export async function maximin (quotas: Quotas, strata: Stratum[]): Promise<MaximinResult> {
  const solver = await highs()
  const panels: number[][] = []
  const seen = new Set<string>()
  const add = (p: number[]): boolean => {
    const k = p.join(',')
    if (seen.has(k)) return false
    seen.add(k); panels.push(p); return true
  }
  // A panel seating each stratum, when one exists: first by moving one seat
  // of a known panel, else with the integer program (which also tells a
  // stratum that can never sit). This starts the master with varied panels.
  const moves = moveContext(quotas, strata)
  const possible = strata.map(() => false)
  const mark = (p: number[]) => p.forEach((n, i) => { if (n > 0) possible[i] = true })
  const first = bestPanel(solver, quotas, strata, strata.map(() => 0))
  if (!first) throw new Error('no panel meets the quotas')
  add(first); mark(first)
  for (let s = 0; s < strata.length; s++) {
    if (possible[s]) continue
    let p: number[] | null = null
    for (const known of panels) { p = seatStratum(moves, known, s); if (p) break }
    if (!p) {
      await yieldToEventLoop()
      p = bestPanel(solver, quotas, strata, strata.map((_, i) => i === s ? 1 : 0))
    }
    if (!p) throw new Error('no panel meets the quotas')
    add(p); mark(p)
  }
  const active = strata.flatMap((_, i) => possible[i] ? [i] : [])
  const lp = new Master(solver, strata, active)
  try {
    for (const p of panels) lp.add(p)
    let master = lp.solve()
    let iterations = 0
    while (iterations++ < MAX_ITERATIONS) {
      // Each round is one integer program and one warm-started solve (tens of milliseconds):
      // other requests are served between rounds.
      await yieldToEventLoop()
      const weights = strata.map(() => 0)
      active.forEach((s, i) => { weights[s] = master.duals[i]! })
      const scale = Math.max(...weights)
      if (!(scale > 0)) break
      const normalised = weights.map(w => w / scale)
      const p = bestPanel(solver, quotas, strata, normalised)
      if (!p) break
      const price = p.reduce((acc, n, i) => acc + n * weights[i]!, 0)
      if (price <= master.value * (1 + EPS) + EPS) break
      if (!add(p)) break
      lp.add(p)
      master = lp.solve()
    }
    return { panels, lambdas: master.lambdas, value: master.value, possible, iterations }
  } finally {
    lp.dispose()
  }
}
