/**
 * Cheap moves on panels, so the integer program runs only when they fail:
 * a panel changes by moving one seat from a stratum to another while every
 * quota still holds. Used to find a panel seating a given stratum, and to
 * find a panel pricing above the master's value (column generation only
 * needs an improving panel; the exact integer program proves there is none).
 * Every loop runs in a fixed order, so results are deterministic.
 */
import type { Quotas, Stratum } from './types.ts'

/** Which value (index) each stratum has in each category, and the bounds. */
export interface MoveContext { valueOf: number[][]; min: number[][]; max: number[][]; sizes: number[] }

/** Precomputes the move context of some strata. */
export function moveContext (quotas: Quotas, strata: Stratum[]): MoveContext {
  return {
    valueOf: strata.map(s => quotas.categories.map((c, ci) => c.values.findIndex(v => v.key === s.answers[ci]))),
    min: quotas.categories.map(c => c.values.map(v => v.min)),
    max: quotas.categories.map(c => c.values.map(v => v.max)),
    sizes: strata.map(s => s.members.length)
  }
}

/** Seats per category value of a panel. */
function countsOf (m: MoveContext, seats: number[]): number[][] {
  const counts = m.min.map(vals => vals.map(() => 0))
  seats.forEach((n, s) => { if (n) m.valueOf[s]!.forEach((v, c) => { counts[c]![v]! += n }) })
  return counts
}

/** Whether moving one seat from stratum `from` to `to` keeps every quota. */
function canMove (m: MoveContext, counts: number[][], seats: number[], from: number, to: number): boolean {
  if (from === to || seats[from]! < 1 || seats[to]! >= m.sizes[to]!) return false
  const a = m.valueOf[from]!
  const b = m.valueOf[to]!
  for (let c = 0; c < a.length; c++) {
    if (a[c] === b[c]) continue
    if (counts[c]![a[c]!]! - 1 < m.min[c]![a[c]!]!) return false
    if (counts[c]![b[c]!]! + 1 > m.max[c]![b[c]!]!) return false
  }
  return true
}

/** A panel with one seat moved to `target`, from a panel meeting the quotas, or null when no single move does it. */
export function seatStratum (m: MoveContext, panel: number[], target: number): number[] | null {
  const counts = countsOf(m, panel)
  for (let from = 0; from < panel.length; from++) {
    if (canMove(m, counts, panel, from, target)) {
      const next = [...panel]
      next[from]!--; next[target]!++
      return next
    }
  }
  return null
}

/** Best-improvement hill climbing of `sum weights * seats` by single-seat moves, from a panel meeting the quotas. */
export function climb (m: MoveContext, panel: number[], weights: number[]): number[] {
  const seats = [...panel]
  const counts = countsOf(m, seats)
  for (;;) {
    let best = 1e-12
    let move: [number, number] | null = null
    for (let from = 0; from < seats.length; from++) {
      if (seats[from]! < 1) continue
      for (let to = 0; to < seats.length; to++) {
        const gain = weights[to]! - weights[from]!
        if (gain > best && canMove(m, counts, seats, from, to)) { best = gain; move = [from, to] }
      }
    }
    if (!move) return seats
    const [from, to] = move
    seats[from]!--; seats[to]!++
    m.valueOf[from]!.forEach((v, c) => { counts[c]![v]!-- })
    m.valueOf[to]!.forEach((v, c) => { counts[c]![v]!++ })
  }
}
