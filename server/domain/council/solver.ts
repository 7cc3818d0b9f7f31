/**
 * The HiGHS solver (WebAssembly), loaded once per process, and the two models
 * the draw solves: the pricing integer program (the best panel for given
 * weights on the strata, under the quotas) and the master linear program
 * (the best mix of known panels). Models are written in CPLEX LP text with
 * integer coefficients where possible, so they read the same everywhere.
 */
import loadHighs from 'highs'
import type { Quotas, Stratum } from './types.ts'
import { strataByValue } from './strata.ts'

type Highs = Awaited<ReturnType<typeof loadHighs>>
let loading: Promise<Highs> | null = null

/** The solver instance, loaded on first use. */
export function highs (): Promise<Highs> {
  loading ??= loadHighs()
  return loading
}

/** Formats a non-negative weight for LP text without exponent notation. */
function num (x: number): string {
  return x.toFixed(12).replace(/\.?0+$/, '') || '0'
}

/**
 * The panel (seats per stratum) that maximises `sum weights[i] * seats[i]`
 * under the size and the quotas, or null when no panel meets them.
 * `only` restricts the quotas to some categories (to explain infeasibility).
 */
export function bestPanel (solver: Highs, quotas: Quotas, strata: Stratum[], weights: number[], only?: number[]): number[] | null {
  const lines: string[] = ['Maximize', ' obj: ' + (strata.map((_, i) => `${num(weights[i] ?? 0)} x${i}`).join(' + ') || '0 x0'), 'Subject To']
  lines.push(' size: ' + strata.map((_, i) => `x${i}`).join(' + ') + ` = ${quotas.size}`)
  const groups = strataByValue(quotas, strata)
  quotas.categories.forEach((c, ci) => {
    if (only && !only.includes(ci)) return
    c.values.forEach((v, vi) => {
      const members = groups[ci]![vi]!
      const sum = members.length ? members.map(si => `x${si}`).join(' + ') : '0 x0'
      lines.push(` lo${ci}_${vi}: ${sum} >= ${v.min}`)
      lines.push(` hi${ci}_${vi}: ${sum} <= ${v.max}`)
    })
  })
  lines.push('Bounds')
  strata.forEach((s, i) => lines.push(` 0 <= x${i} <= ${s.members.length}`))
  lines.push('Generals', ' ' + strata.map((_, i) => `x${i}`).join(' '), 'End')
  const r = solver.solve(lines.join('\n'), { output_flag: false, mip_rel_gap: 1e-9, mip_abs_gap: 1e-12, random_seed: 0 })
  if (r.Status === 'Infeasible' || r.Status === 'Primal infeasible or unbounded') return null
  if (r.Status !== 'Optimal') throw new Error(`panel search ended with status ${r.Status}`)
  return strata.map((_, i) => Math.round((r.Columns[`x${i}`] as { Primal: number } | undefined)?.Primal ?? 0))
}

/** The master program's solution: the maximin value, the weight of each panel, the dual weight of each stratum. */
export interface MasterSolution { value: number; lambdas: number[]; duals: number[] }

/**
 * Maximises the smallest selection probability over the strata in `active`:
 * z <= sum_p lambda_p * seats_p[s] / n_s for each active s, sum lambda = 1.
 * Rows are multiplied by n_s so every coefficient is an integer.
 */
export function solveMaster (solver: Highs, strata: Stratum[], active: number[], panels: number[][]): MasterSolution {
  const lines: string[] = ['Maximize', ' obj: z', 'Subject To']
  for (const s of active) {
    const terms = panels.flatMap((p, pi) => p[s]! > 0 ? [`${p[s]} l${pi}`] : [])
    lines.push(` s${s}: ${terms.length ? terms.join(' + ') + ' ' : ''}- ${strata[s]!.members.length} z >= 0`)
  }
  lines.push(' conv: ' + panels.map((_, pi) => `l${pi}`).join(' + ') + ' = 1', 'End')
  const r = solver.solve(lines.join('\n'), { output_flag: false, solver: 'simplex', random_seed: 0 })
  if (r.Status !== 'Optimal') throw new Error(`distribution program ended with status ${r.Status}`)
  const rows = r.Rows as { Dual: number }[]
  const cols = r.Columns as Record<string, { Primal: number } | undefined>
  return {
    value: r.ObjectiveValue,
    lambdas: panels.map((_, pi) => Math.max(0, cols[`l${pi}`]?.Primal ?? 0)),
    duals: active.map((_, i) => Math.abs(rows[i]!.Dual))
  }
}
