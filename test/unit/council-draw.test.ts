import assert from 'node:assert/strict'
import fc from 'fast-check'
import { runDraw, fairDistribution } from '../../server/domain/council/draw.ts'
import { maximin } from '../../server/domain/council/maximin.ts'
import { strataOf, meetsQuotas } from '../../server/domain/council/strata.ts'
import { highs } from '../../server/domain/council/solver.ts'
import { probabilityOf } from '../../server/domain/council/rounding.ts'
import { ALGORITHM_VERSION, type PoolMember, type Quotas } from '../../server/domain/council/types.ts'
import { RuleBroken } from '../../server/domain/errors.ts'

/**
 * The council draw on small random pools: quotas are always met, the
 * maximin value equals the one of a brute-force linear program over every
 * panel of individuals, probabilities sum to the size, the same inputs give
 * the same panel, and infeasible quotas are explained. Seeded (ALINEA_SEED).
 */
const SEED = Number(process.env.ALINEA_SEED ?? 20261204)

interface Instance { quotas: Quotas; pool: PoolMember[] }

/** A random pool with two or three categories, and quotas made feasible around a random panel. */
const instanceArb: fc.Arbitrary<Instance> = fc.record({
  n: fc.integer({ min: 5, max: 10 }),
  size: fc.integer({ min: 2, max: 4 }),
  cats: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 2, maxLength: 3 }),
  answers: fc.array(fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }), { minLength: 10, maxLength: 10 }),
  slack: fc.array(fc.nat(1), { minLength: 9, maxLength: 9 }),
  panel: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 10, maxLength: 10 })
}).map(({ n, size, cats, answers, slack, panel }) => {
  const pool: PoolMember[] = Array.from({ length: n }, (_, i) => ({
    id: `v${String(i).padStart(2, '0')}`,
    answers: Object.fromEntries(cats.map((m, ci) => [`c${ci}`, `x${answers[i]![ci]! % m}`]))
  }))
  const chosen = panel.filter(i => i < n).slice(0, size)
  let k = 0
  const quotas: Quotas = {
    size,
    categories: cats.map((m, ci) => ({
      key: `c${ci}`,
      values: Array.from({ length: m }, (_, vi) => {
        const count = chosen.filter(i => pool[i]!.answers[`c${ci}`] === `x${vi}`).length
        const s = slack[k++ % slack.length]!
        return { key: `x${vi}`, min: Math.max(0, count - s), max: count + s }
      })
    }))
  }
  return { quotas, pool }
})

/** Every subset of `size` of the pool meeting the quotas, as sets of indices. */
function allPanels (inst: Instance): number[][] {
  const out: number[][] = []
  const strata = strataOf(inst.quotas, inst.pool)
  const idx = new Map(strata.flatMap((s, si) => s.members.map(id => [id, si] as const)))
  const rec = (start: number, chosen: number[]): void => {
    if (chosen.length === inst.quotas.size) {
      const seats = strata.map(() => 0)
      for (const i of chosen) seats[idx.get(inst.pool[i]!.id)!]!++
      if (meetsQuotas(inst.quotas, strata, seats)) out.push([...chosen])
      return
    }
    for (let i = start; i < inst.pool.length; i++) rec(i + 1, [...chosen, i])
  }
  rec(0, [])
  return out
}

/** The maximin value over individuals by a linear program over every panel. */
async function bruteMaximin (inst: Instance): Promise<number> {
  const panels = allPanels(inst)
  const solver = await highs()
  const people = inst.pool.map((_, i) => i).filter(i => panels.some(p => p.includes(i)))
  const rows = people.map(i => {
    const terms = panels.flatMap((p, pi) => p.includes(i) ? [`l${pi}`] : [])
    return ` p${i}: ${terms.join(' + ')} - z >= 0`
  })
  const lp = ['Maximize', ' obj: z', 'Subject To', ...rows, ' conv: ' + panels.map((_, pi) => `l${pi}`).join(' + ') + ' = 1', 'End'].join('\n')
  const r = solver.solve(lp, { output_flag: false })
  assert.equal(r.Status, 'Optimal')
  return r.ObjectiveValue
}

describe('council draw (algorithm)', function () {
  this.timeout(120_000)

  it('meets the quotas, and probabilities sum to the size, on random feasible instances (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(instanceArb, fc.string({ maxLength: 12 }), async (inst, value) => {
      const r = await runDraw({ algorithm: ALGORITHM_VERSION, ...inst }, value)
      const d = r.distribution
      assert.equal(d.panels.reduce((a, p) => a + p.weight, 0), d.denominator)
      for (const p of d.panels) assert.ok(meetsQuotas(inst.quotas, d.strata, p.seats), 'every panel of the distribution meets the quotas')
      assert.equal(d.numerators.reduce((a, b) => a + b, 0), d.denominator * inst.quotas.size, 'probabilities sum to the size, exactly')
      assert.equal(new Set(r.sample.members).size, inst.quotas.size)
      const seats = d.strata.map(s => s.members.filter(id => r.sample.members.includes(id)).length)
      assert.ok(meetsQuotas(inst.quotas, d.strata, seats), 'the drawn panel meets the quotas')
      const alternates = r.sample.alternates.flatMap(a => a.ids)
      assert.deepEqual([...alternates, ...r.sample.members].sort(), inst.pool.map(m => m.id).sort(), 'everyone is a member or an alternate')
    }), { seed: SEED, numRuns: 25 })
  })

  it('finds the same maximin value as a brute-force program over every panel (fast-check)', async () => {
    await fc.assert(fc.asyncProperty(instanceArb, async (inst) => {
      const strata = strataOf(inst.quotas, inst.pool)
      const result = await maximin(inst.quotas, strata)
      const brute = await bruteMaximin(inst)
      assert.ok(Math.abs(result.value - brute) < 1e-7, `maximin ${result.value} vs brute force ${brute}`)
      const d = await fairDistribution(inst.quotas, inst.pool)
      assert.ok(Math.abs(d.maximin - brute) < 1e-6, `rounded maximin ${d.maximin} vs brute force ${brute}`)
    }), { seed: SEED + 1, numRuns: 25 })
  })

  it('gives every volunteer the fair share on a symmetric pool', async () => {
    const pool = Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`, answers: { g: i % 2 ? 'f' : 'm' } }))
    const quotas: Quotas = { size: 4, categories: [{ key: 'g', values: [{ key: 'f', min: 2, max: 2 }, { key: 'm', min: 2, max: 2 }] }] }
    const d = await fairDistribution(quotas, pool)
    for (let s = 0; s < d.strata.length; s++) assert.equal(probabilityOf(d, s), 0.5)
  })

  it('is deterministic: the same inputs and value give the same distribution and panel', async () => {
    const [inst] = fc.sample(instanceArb, { seed: SEED + 2, numRuns: 1 })
    const a = await runDraw({ algorithm: ALGORITHM_VERSION, ...inst! }, 'Loto 2026-12-05: 3 14 15 92 65')
    const b = await runDraw({ algorithm: ALGORITHM_VERSION, ...inst!, pool: [...inst!.pool].reverse() }, 'Loto 2026-12-05: 3 14 15 92 65')
    assert.deepEqual(a, b)
    const c = await runDraw({ algorithm: ALGORITHM_VERSION, ...inst! }, 'Loto 2026-12-05: 3 14 15 92 66')
    assert.notEqual(c.seed, a.seed)
  })

  it('explains quotas that a value cannot meet: category, value, volunteers vs minimum', async () => {
    const pool = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, answers: { g: i < 1 ? 'f' : 'm' } }))
    const quotas: Quotas = { size: 4, categories: [{ key: 'g', values: [{ key: 'f', min: 2, max: 2 }, { key: 'm', min: 2, max: 2 }] }] }
    await assert.rejects(runDraw({ algorithm: ALGORITHM_VERSION, quotas, pool }, 'x'), (e: unknown) => {
      assert.ok(e instanceof RuleBroken)
      assert.equal(e.code, 'quotas_infeasible')
      const reasons = (e.details as { reasons: { category: string; value: string; volunteers: number; minimum: number }[] }).reasons
      assert.deepEqual(reasons[0], { category: 'g', value: 'f', volunteers: 1, minimum: 2, message: 'category g, value f: 1 volunteers, minimum 2' })
      return true
    })
  })

  it('names the two categories whose quotas conflict when each alone can be met', async () => {
    // every woman is old and every young person is a man: 2 women + 2 young people need 4 of 3 seats
    const pool = [
      ...Array.from({ length: 3 }, (_, i) => ({ id: `f${i}`, answers: { g: 'f', a: 'old' } })),
      ...Array.from({ length: 3 }, (_, i) => ({ id: `m${i}`, answers: { g: 'm', a: 'young' } }))
    ]
    const quotas: Quotas = {
      size: 3,
      categories: [
        { key: 'g', values: [{ key: 'f', min: 2, max: 3 }, { key: 'm', min: 0, max: 3 }] },
        { key: 'a', values: [{ key: 'young', min: 2, max: 3 }, { key: 'old', min: 0, max: 3 }] }
      ]
    }
    await assert.rejects(runDraw({ algorithm: ALGORITHM_VERSION, quotas, pool }, 'x'), (e: unknown) => {
      assert.ok(e instanceof RuleBroken)
      const reasons = (e.details as { reasons: { category: string }[] }).reasons
      assert.equal(reasons[0]!.category, 'g+a')
      return true
    })
  })
})
