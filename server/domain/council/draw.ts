/**
 * The whole draw from the frozen inputs: validate, group into strata,
 * explain infeasible quotas, compute the fair distribution, round it
 * exactly, and sample one panel with the seed. Deterministic: the same
 * inputs and public value always give the same panel.
 */
import { InvalidInput, RuleBroken } from '../errors.ts'
import { commitmentOf, seedOf } from './canonical.ts'
import { infeasibility } from './feasibility.ts'
import { maximin } from './maximin.ts'
import { exactDistribution, roundDistribution } from './rounding.ts'
import { samplePanel } from './sampling.ts'
import { strataOf } from './strata.ts'
import type { Distribution, DrawInput, Quotas, Sample, PoolMember } from './types.ts'

/** Throws InvalidInput when quotas are malformed (sizes, bounds, duplicate keys). */
export function validateQuotas (quotas: Quotas): void {
  if (!Number.isInteger(quotas.size) || quotas.size < 1) throw new InvalidInput('the council size must be a positive integer')
  const keys = new Set<string>()
  for (const c of quotas.categories) {
    if (keys.has(c.key)) throw new InvalidInput(`category ${c.key} appears twice`)
    keys.add(c.key)
    if (c.values.length === 0) throw new InvalidInput(`category ${c.key} has no values`)
    const values = new Set<string>()
    for (const v of c.values) {
      if (values.has(v.key)) throw new InvalidInput(`category ${c.key}: value ${v.key} appears twice`)
      values.add(v.key)
      if (!Number.isInteger(v.min) || !Number.isInteger(v.max) || v.min < 0 || v.max < 0) throw new InvalidInput(`category ${c.key}, value ${v.key}: quotas must be non-negative integers`)
    }
  }
}

/** Throws InvalidInput unless the answers give one known value for every category. */
export function validateAnswers (quotas: Quotas, answers: Record<string, string>): void {
  for (const c of quotas.categories) {
    const a = answers[c.key]
    if (a === undefined || !c.values.some(v => v.key === a)) throw new InvalidInput(`answer the category ${c.key} with one of its values`)
  }
  for (const k of Object.keys(answers)) {
    if (!quotas.categories.some(c => c.key === k)) throw new InvalidInput(`unknown category ${k}`)
  }
}

/** Validates a whole input: quotas, unique ids, every answer. */
export function validateInput (input: DrawInput): void {
  validateQuotas(input.quotas)
  const ids = new Set<string>()
  for (const m of input.pool) {
    if (ids.has(m.id)) throw new InvalidInput(`volunteer ${m.id} appears twice`)
    ids.add(m.id)
    validateAnswers(input.quotas, m.answers)
  }
}

/**
 * The exact fair distribution over panels; throws RuleBroken
 * `quotas_infeasible` with the reasons when no panel meets the quotas.
 */
export async function fairDistribution (quotas: Quotas, pool: PoolMember[]): Promise<Distribution> {
  const strata = strataOf(quotas, pool)
  const reasons = await infeasibility(quotas, pool, strata)
  if (reasons.length) {
    throw new RuleBroken('quotas_infeasible', 'no panel meets the quotas: ' + reasons.map(r => r.message).join('; '), { reasons })
  }
  const result = await maximin(quotas, strata)
  return exactDistribution(strata, roundDistribution(result.panels, result.lambdas))
}

/** What a draw gives: its commitment and seed, the distribution, the sampled panel. */
export interface DrawResult { commitment: string; seed: string; distribution: Distribution; sample: Sample }

/** Runs the whole draw from the frozen inputs and the public value. */
export async function runDraw (input: DrawInput, publicValue: string): Promise<DrawResult> {
  validateInput(input)
  const commitment = commitmentOf(input)
  const seed = seedOf(commitment, publicValue)
  const distribution = await fairDistribution(input.quotas, input.pool)
  return { commitment, seed, distribution, sample: samplePanel(distribution, seed) }
}
