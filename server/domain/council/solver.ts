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
 * The master program kept in one HiGHS instance across column generation:
 * adding a panel adds a column and the next solve starts from the previous
 * basis (much cheaper than solving from scratch). Columns: z, then one
 * weight per panel; rows: one per active stratum, then sum of weights = 1.
 * The same sequence of operations gives the same result, so a verifier that
 * reruns the draw gets the same distribution. Call `dispose()` when done.
 */
export class Master {
  private readonly model
  constructor (private readonly solver: Highs, strata: Stratum[], private readonly active: number[]) {
    const m = solver.createModel()
    this.model = m
    m.options.set({ output_flag: false, solver: 'simplex', random_seed: 0 })
    m.changeObjectiveSense(solver.constants.objectiveSense.maximize)
    m.addVar(0, solver.infinity)
    m.changeColCost(0, 1)
    for (const s of active) m.addRow(0, solver.infinity, { indices: [0], values: [-strata[s]!.members.length] })
    m.addRow(1, 1, { indices: [], values: [] })
  }

  /** Adds a panel (seats per stratum) as a column. */
  add (panel: number[]): void {
    const indices: number[] = []
    const values: number[] = []
    this.active.forEach((s, row) => { if (panel[s]! > 0) { indices.push(row); values.push(panel[s]!) } })
    indices.push(this.active.length); values.push(1)
    this.model.addCol(0, 0, this.solver.infinity, { indices, values })
  }

  /** Solves from the previous basis; the value, each panel's weight, each active stratum's dual weight. */
  solve (): MasterSolution {
    this.model.run()
    const status = this.model.getModelStatus()
    if (status !== this.solver.constants.modelStatus.optimal) throw new Error(`distribution program ended with status ${status}`)
    const sol = this.model.getSolution()
    return {
      value: this.model.getObjectiveValue(),
      lambdas: Array.from(sol.colValue.slice(1), x => Math.max(0, x)),
      duals: Array.from(sol.rowDual.slice(0, this.active.length), x => Math.abs(x))
    }
  }

  /** Frees the solver instance. */
  dispose (): void { this.model.dispose() }
}
