/**
 * Council draw benchmark: the whole fair draw (strata, feasibility, maximin
 * distribution by column generation, exact rounding, seeded sampling) on
 * pools of 1,000 / 10,000 / 50,000 volunteers with 4 categories (gender 2,
 * age 5, region 6, occupation 4 values; skewed answers, as real pools are)
 * and a council of 40, against the baseline measured in the same run: a
 * plain seeded uniform sample of 40 from the same pool. Then the smallest
 * selection probability of any volunteer: maximin against the legacy
 * "uniform with quotas" greedy draw (at each step the value furthest from
 * its minimum, then a uniformly random volunteer having it), estimated by
 * running the legacy draw many times.
 *
 *   npm run bench:council [-- --sizes 1000,10000,50000 --legacy-runs 4000]
 *
 * Target: under a minute for 10,000 volunteers.
 */
import { parseArgs } from 'node:util'
import { performance } from 'node:perf_hooks'
import { runDraw } from '../../server/domain/council/draw.ts'
import { SeedStream, uniformSample } from '../../server/domain/council/sampling.ts'
import { strataOf, strataByValue, meetsQuotas } from '../../server/domain/council/strata.ts'
import { highs } from '../../server/domain/council/solver.ts'
import { ALGORITHM_VERSION, type PoolMember, type Quotas, type Stratum } from '../../server/domain/council/types.ts'

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,50000' }, 'legacy-runs': { type: 'string', default: '4000' } } })
const SIZES = values.sizes!.split(',').map(Number)
const LEGACY_RUNS = Number(values['legacy-runs'])

const CATEGORIES = [
  { key: 'gender', values: ['f', 'm'], weights: [4, 6], quota: [[19, 21], [19, 21]] },
  { key: 'age', values: ['18-29', '30-44', '45-59', '60-74', '75+'], weights: [1, 2, 3, 5, 2], quota: [[7, 9], [9, 11], [9, 11], [7, 9], [3, 5]] },
  { key: 'region', values: ['n', 's', 'e', 'w', 'c', 'o'], weights: [5, 1, 1, 1, 3, 1], quota: [[5, 8], [5, 8], [5, 8], [5, 8], [5, 8], [5, 8]] },
  { key: 'job', values: ['a', 'b', 'c', 'd'], weights: [6, 2, 1, 1], quota: [[8, 12], [8, 12], [8, 12], [4, 8]] }
]
const QUOTAS: Quotas = {
  size: 40,
  categories: CATEGORIES.map(c => ({ key: c.key, values: c.values.map((v, i) => ({ key: v, min: c.quota[i]![0]!, max: c.quota[i]![1]! })) }))
}

/** A skewed pool, the same for a given size (seeded). */
function pool (n: number): PoolMember[] {
  const s = new SeedStream('bench-pool-' + n)
  const pick = (weights: number[]) => {
    let r = s.uniform(weights.reduce((a, b) => a + b, 0))
    for (let i = 0; i < weights.length; i++) { r -= weights[i]!; if (r < 0) return i }
    return weights.length - 1
  }
  return Array.from({ length: n }, (_, i) => ({
    id: `c_${String(i).padStart(6, '0')}`,
    answers: Object.fromEntries(CATEGORIES.map(c => [c.key, c.values[pick(c.weights)]!]))
  }))
}

/** The legacy greedy draw on strata; null when it reaches a dead end (then it is run again). */
function legacyDraw (strata: Stratum[], groups: number[][][], s: SeedStream): number[] | null {
  const left = strata.map(x => x.members.length)
  const seats = strata.map(() => 0)
  const blocked = strata.map(() => false)
  const seated = QUOTAS.categories.map(c => c.values.map(() => 0))
  for (let step = 0; step < QUOTAS.size; step++) {
    let best: [number, number] | null = null
    let bestRatio = -Infinity
    for (const [ci, c] of QUOTAS.categories.entries()) {
      for (const [vi, v] of c.values.entries()) {
        const avail = groups[ci]![vi]!.reduce((a, si) => a + (blocked[si] ? 0 : left[si]!), 0)
        if (avail === 0) continue
        const ratio = (v.min - seated[ci]![vi]!) / avail
        if (ratio > bestRatio) { bestRatio = ratio; best = [ci, vi] }
      }
    }
    if (!best) return null
    const [ci, vi] = best
    const candidates = groups[ci]![vi]!.filter(si => !blocked[si] && left[si]! > 0)
    let r = s.uniform(candidates.reduce((a, si) => a + left[si]!, 0))
    let chosen = candidates[candidates.length - 1]!
    for (const si of candidates) { r -= left[si]!; if (r < 0) { chosen = si; break } }
    seats[chosen]!++; left[chosen]!--
    QUOTAS.categories.forEach((c, cj) => c.values.forEach((v, vj) => {
      if (strata[chosen]!.answers[cj] !== v.key) return
      seated[cj]![vj]!++
      if (seated[cj]![vj]! >= v.max) for (const sk of groups[cj]![vj]!) blocked[sk] = true
    }))
  }
  return meetsQuotas(QUOTAS, strata, seats) ? seats : null
}

const fmt = (ms: number) => ms < 10 ? ms.toFixed(2) : ms.toFixed(0)
await highs()
// Warm-up (WebAssembly compilation, JIT): a small draw first, as a running server has done.
await runDraw({ algorithm: ALGORITHM_VERSION, quotas: QUOTAS, pool: pool(300) }, 'warm-up')
console.log(`council of ${QUOTAS.size}, 4 categories (2 x 5 x 6 x 4 values); legacy estimated over ${LEGACY_RUNS} draws`)
console.log('| volunteers | strata | uniform sample (ms) | fair draw, wall (ms) | fair draw, CPU (ms) | ratio (wall) | panels | smallest probability, maximin | smallest probability, legacy (estimate) | legacy dead ends |')
console.log('|---|---|---|---|---|---|---|---|---|---|')
for (const n of SIZES) {
  const p = pool(n)
  const ids = p.map(m => m.id)
  const t0 = performance.now()
  uniformSample(ids, QUOTAS.size, 'bench-seed')
  const uniformMs = performance.now() - t0
  const t1 = performance.now()
  const c1 = process.cpuUsage()
  const r = await runDraw({ algorithm: ALGORITHM_VERSION, quotas: QUOTAS, pool: p }, 'bench public value')
  const drawMs = performance.now() - t1
  const cpu = process.cpuUsage(c1)
  const drawCpuMs = (cpu.user + cpu.system) / 1000
  const strata = strataOf(QUOTAS, p)
  const groups = strataByValue(QUOTAS, strata)
  const s = new SeedStream('bench-legacy-' + n)
  const counts = strata.map(() => 0)
  let deadEnds = 0
  for (let run = 0; run < LEGACY_RUNS;) {
    const seats = legacyDraw(strata, groups, s)
    if (!seats) { deadEnds++; if (deadEnds > 10 * LEGACY_RUNS) break; continue }
    seats.forEach((k, i) => { counts[i]! += k })
    run++
  }
  const legacyMin = Math.min(...counts.map((c, i) => c / LEGACY_RUNS / strata[i]!.members.length))
  console.log(`| ${n.toLocaleString('en')} | ${strata.length} | ${fmt(uniformMs)} | ${fmt(drawMs)} | ${fmt(drawCpuMs)} | ${(drawMs / uniformMs).toFixed(0)}x | ${r.distribution.panels.length} | ${r.distribution.maximin.toExponential(3)} | ${legacyMin.toExponential(3)} | ${deadEnds} |`)
}
