/**
 * Recomputes a draw from its audit alone: the commitment from the pool,
 * quotas and algorithm; the seed from the commitment and the public value;
 * the strata; the distribution (each panel meets the quotas, the weights
 * sum to the denominator, and it equals the one this algorithm computes);
 * every probability; the sampled panel and alternates; the replacements.
 * Says where the audit differs, or that it matches.
 */
import type { CouncilAuditView } from '../../../shared/api.ts'
import { CouncilAudit } from '../../../shared/api.ts'
import { commitmentOf, seedOf, canonicalJson } from './canonical.ts'
import { fairDistribution, validateInput } from './draw.ts'
import { exactDistribution } from './rounding.ts'
import { samplePanel } from './sampling.ts'
import { meetsQuotas, strataOf } from './strata.ts'
import { ALGORITHM_VERSION } from './types.ts'

/** The verdict: `ok` when everything matches, else the differences found. */
export interface Verification { ok: boolean; problems: string[] }

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b)

/** Verifies an audit document (parsed JSON). */
export async function verifyAudit (json: unknown): Promise<Verification> {
  const parsed = CouncilAudit.safeParse(json)
  if (!parsed.success) return { ok: false, problems: ['not a council audit: ' + parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')] }
  const a: CouncilAuditView = parsed.data
  const problems: string[] = []
  if (a.algorithm !== ALGORITHM_VERSION) problems.push(`algorithm ${a.algorithm} is not the one this verifier runs (${ALGORITHM_VERSION})`)
  const input = { algorithm: a.algorithm, quotas: a.quotas, pool: a.pool }
  try { validateInput(input) } catch (err) { problems.push(`inputs invalid: ${(err as Error).message}`) }

  const commitment = commitmentOf(input)
  if (commitment !== a.commitment) problems.push(`commitment differs: the pool, quotas or algorithm are not the ones committed to (recomputed ${commitment}, audit says ${a.commitment})`)
  const seed = seedOf(a.commitment, a.publicValue)
  if (seed !== a.seed) problems.push(`seed differs: SHA-256(commitment + public value "${a.publicValue.trim()}") is ${seed}, audit says ${a.seed}`)

  const strata = strataOf(a.quotas, a.pool)
  if (!same(strata, a.distribution.strata)) problems.push('strata differ from the pool\'s answers (a volunteer or an answer changed)')

  const d = a.distribution
  const total = d.panels.reduce((s, p) => s + p.weight, 0)
  if (total !== d.denominator) problems.push(`panel weights sum to ${total}, not ${d.denominator}`)
  d.panels.forEach((p, i) => {
    if (!Number.isInteger(p.weight) || p.weight <= 0) problems.push(`panel ${i}: weight ${p.weight} is not a positive integer`)
    if (!meetsQuotas(a.quotas, d.strata, p.seats)) problems.push(`panel ${i} does not meet the quotas`)
  })

  try {
    const recomputed = await fairDistribution(a.quotas, a.pool)
    if (!same(recomputed.panels, d.panels) || recomputed.denominator !== d.denominator) {
      problems.push(`distribution differs from the recomputed one (recomputed smallest probability ${recomputed.maximin}, audit ${d.maximin})`)
    }
  } catch (err) {
    problems.push(`distribution cannot be recomputed: ${(err as Error).message}`)
  }

  const exact = exactDistribution(d.strata, d.panels, d.denominator)
  if (Math.abs(exact.maximin - d.maximin) > 1e-12) problems.push(`smallest probability is ${exact.maximin}, audit says ${d.maximin}`)
  const expected = d.strata.flatMap((s, i) => s.members.map(id => ({ id, numerator: exact.numerators[i]!, denominator: d.denominator * s.members.length })))
    .sort((x, y) => x.id < y.id ? -1 : 1)
  const given = a.probabilities.map(p => ({ id: p.id, numerator: p.numerator, denominator: p.denominator })).sort((x, y) => x.id < y.id ? -1 : 1)
  if (!same(expected, given)) problems.push('selection probabilities differ from the distribution')

  {
    const sample = samplePanel(exact, seed)
    if (sample.panelIndex !== a.result.panelIndex) problems.push(`drawn panel differs: the seed picks panel ${sample.panelIndex}, audit says ${a.result.panelIndex}`)
    const missing = sample.members.filter(m => !a.result.members.includes(m))
    const extra = a.result.members.filter(m => !sample.members.includes(m))
    if (missing.length || extra.length) problems.push(`members differ: drawn ${missing.join(', ') || '-'} but audit lists ${extra.join(', ') || '-'}`)
    else if (!same(sample.members, a.result.members)) problems.push('members are listed in another order than drawn')
    if (!same(sample.alternates, a.result.alternates)) problems.push('alternates differ from the draw')
  }

  problems.push(...replacementProblems(a))
  return { ok: problems.length === 0, problems }
}

/**
 * Replays the replacements: each declined seat goes to the first alternate
 * of the same stratum not yet seated, else to the first alternate (by rank,
 * then stratum order) whose seat keeps every quota, else stays empty.
 */
function replacementProblems (a: CouncilAuditView): string[] {
  const problems: string[] = []
  const strata = a.distribution.strata
  const stratumOf = new Map(strata.flatMap((s, i) => s.members.map(id => [id, i] as const)))
  const members = [...a.result.members]
  const taken = new Set(members)
  for (const r of a.replacements) {
    const seat = members.indexOf(r.declined)
    if (seat < 0) { problems.push(`replacement: ${r.declined} was not a member when declining`); continue }
    taken.add(r.declined)
    const own = a.result.alternates.find(x => x.stratum === strata[stratumOf.get(r.declined) ?? -1]?.key)
    let expected = own?.ids.find(id => !taken.has(id)) ?? null
    if (!expected) {
      const lists = a.result.alternates.map(x => x.ids.filter(id => !taken.has(id)))
      const order: string[] = []
      for (let rank = 0; lists.some(l => rank < l.length); rank++) for (const l of lists) if (rank < l.length) order.push(l[rank]!)
      const others = members.filter(m => m !== r.declined)
      expected = order.find(candidate => {
        const seats = strata.map(() => 0)
        for (const m of [...others, candidate]) seats[stratumOf.get(m)!]!++
        return meetsQuotas(a.quotas, strata, seats)
      }) ?? null
    }
    if (expected !== r.replacement) problems.push(`replacement of ${r.declined}: the rule gives ${expected ?? 'nobody'}, audit says ${r.replacement ?? 'nobody'}`)
    if (r.replacement) { members[seat] = r.replacement; taken.add(r.replacement) } else members.splice(seat, 1)
  }
  return problems
}
