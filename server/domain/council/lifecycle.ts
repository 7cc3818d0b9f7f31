/**
 * The commitment, the draw, declining a seat and the audit. The commitment
 * freezes the pool (pseudonymous), the quotas and the algorithm and
 * publishes their SHA-256; the draw is seeded by SHA-256(commitment + the
 * public value) and computed by `runDraw`, so nobody, editors included,
 * can choose the panel, and anyone can recompute it from the audit.
 */
import type { Ctx, Actor } from '../context.ts'
import type { CouncilCommitment, CouncilDrawRecord, CouncilRecord } from '../store.ts'
import type { CouncilAuditView, CouncilView } from '../../../shared/api.ts'
import { assertEditor } from '../access.ts'
import { Conflict, Forbidden, NotFound, RuleBroken, Unauthenticated } from '../errors.ts'
import { commitmentOf } from './canonical.ts'
import { runDraw } from './draw.ts'
import { infeasibilityWith } from './feasibility.ts'
import { highs } from './solver.ts'
import { meetsQuotas, strataOf } from './strata.ts'
import { ALGORITHM_VERSION, type DrawInput, type Quotas } from './types.ts'
import { alternatesInOrder, councilPseudonym, councilView, loadCouncil } from './records.ts'

/** The quotas the draw sees (keys and bounds, no labels). */
export function quotasOf (c: Pick<CouncilRecord, 'size' | 'categories'>): Quotas {
  return { size: c.size, categories: c.categories.map(cat => ({ key: cat.key, values: cat.values.map(v => ({ key: v.key, min: v.min, max: v.max })) })) }
}

/** The frozen input of a committed council. */
export function drawInputOf (c: CouncilRecord): DrawInput {
  const pool = c.commitment!.pool.map(v => ({ id: v.pseudonym, answers: v.answers })).sort((a, b) => a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  return { algorithm: c.commitment!.algorithm, quotas: quotasOf(c), pool }
}

function quotasInfeasible (reasons: { message: string }[]): RuleBroken {
  return new RuleBroken('quotas_infeasible', 'no panel meets the quotas: ' + reasons.map(r => r.message).join('; '), { reasons })
}

/** Freezes the pool, quotas and algorithm and publishes the commitment (editors); 422 when no panel can meet the quotas. */
export async function commitCouncil (ctx: Ctx, actor: Actor, billId: string, publicRandomness: string): Promise<CouncilView> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  const council = await ctx.store.getCouncil(bill.id)
  if (!council) throw new NotFound('council')
  if (council.status !== 'recruiting') throw new RuleBroken('council_committed', 'the council is already committed')
  const solver = await highs()
  const at = ctx.now().toISOString()
  const committed = await ctx.store.commitCouncil(bill.id, council.version, (volunteers) => {
    const pool = volunteers.map(v => ({ userId: v.userId, pseudonym: councilPseudonym(ctx.config.secret, bill.id, v.userId), answers: v.answers }))
      .sort((a, b) => a.pseudonym < b.pseudonym ? -1 : 1)
    const input: DrawInput = { algorithm: ALGORITHM_VERSION, quotas: quotasOf(council), pool: pool.map(v => ({ id: v.pseudonym, answers: v.answers })) }
    const reasons = infeasibilityWith(solver, input.quotas, input.pool, strataOf(input.quotas, input.pool))
    if (reasons.length) throw quotasInfeasible(reasons)
    return {
      ...council,
      status: 'committed',
      volunteersCount: pool.length,
      version: council.version + 1,
      commitment: { hash: commitmentOf(input), publicRandomness, algorithm: ALGORITHM_VERSION, at, pool },
      updatedAt: at
    }
  })
  if (!committed) throw new Conflict('council_changed', 'the council changed meanwhile (a volunteer joined or left): try again')
  ctx.events.emit('council:updated', { billId: bill.id })
  return councilView(ctx, committed)
}

/** Draws the council with the public value once known (editors); members are told by the 'council:drawn' event. */
export async function drawCouncil (ctx: Ctx, actor: Actor, billId: string, value: string): Promise<CouncilView> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  const council = await ctx.store.getCouncil(bill.id)
  if (!council) throw new NotFound('council')
  if (council.status === 'recruiting') throw new RuleBroken('council_not_committed', 'commit the pool and quotas before the draw')
  if (council.status === 'drawn') throw new RuleBroken('council_drawn', 'the council is already drawn')
  const input = drawInputOf(council)
  const result = await runDraw(input, value)
  if (result.commitment !== council.commitment!.hash) throw new Error('the frozen pool does not match its commitment')
  const userOf = new Map(council.commitment!.pool.map(v => [v.pseudonym, v.userId]))
  const at = ctx.now().toISOString()
  const d = result.distribution
  const next: CouncilRecord = {
    ...council,
    status: 'drawn',
    version: council.version + 1,
    draw: {
      value: value.trim(), seed: result.seed, at,
      distribution: { denominator: d.denominator, strata: d.strata, panels: d.panels, numerators: d.numerators, maximin: d.maximin },
      result: result.sample
    },
    members: result.sample.members.map(p => userOf.get(p)!),
    updatedAt: at
  }
  if (!await ctx.store.saveCouncil(next, council.version)) throw new Conflict('council_changed', 'the council changed meanwhile: reload it')
  ctx.events.emit('council:drawn', { billId: bill.id, members: next.members })
  return councilView(ctx, next)
}

/**
 * A member declines their seat: the first alternate of the same stratum
 * takes it; when that stratum has none left, the first alternate (in the
 * audit's order) whose seat keeps every quota; else the seat stays empty.
 * Logged in the council and in the audit.
 */
export async function declineSeat (ctx: Ctx, actor: Actor, billId: string): Promise<CouncilView> {
  if (!actor) throw new Unauthenticated()
  const { council } = await loadCouncil(ctx, actor, billId)
  if (!council.members.includes(actor.id)) throw new Forbidden('only a member may decline a seat')
  const byUser = new Map(council.commitment!.pool.map(v => [v.userId, v]))
  const draw = council.draw!
  const mine = byUser.get(actor.id)!.pseudonym
  const taken = new Set([...council.members, ...council.declined])
  const userOf = new Map(council.commitment!.pool.map(v => [v.pseudonym, v.userId]))
  const sameStratum = draw.result.alternates.find(a => draw.distribution.strata.find(s => s.key === a.stratum)?.members.includes(mine))
  let replacement = sameStratum?.ids.map(p => userOf.get(p)!).find(u => !taken.has(u)) ?? null
  if (!replacement) {
    const quotas = quotasOf(council)
    const strata = draw.distribution.strata
    const stratumOf = new Map(strata.flatMap((s, i) => s.members.map(p => [userOf.get(p)!, i] as const)))
    const remaining = council.members.filter(m => m !== actor.id)
    replacement = alternatesInOrder(council).find(candidate => {
      const seats = strata.map(() => 0)
      for (const m of [...remaining, candidate]) seats[stratumOf.get(m)!]!++
      return meetsQuotas(quotas, strata, seats)
    }) ?? null
  }
  const at = ctx.now().toISOString()
  const next: CouncilRecord = {
    ...council,
    version: council.version + 1,
    members: replacement ? council.members.map(m => m === actor.id ? replacement! : m) : council.members.filter(m => m !== actor.id),
    declined: [...council.declined, actor.id],
    log: [...council.log, { at, kind: 'declined', member: actor.id, replacement }],
    updatedAt: at
  }
  if (!await ctx.store.saveCouncil(next, council.version)) throw new Conflict('council_changed', 'the council changed meanwhile: try again')
  ctx.events.emit('council:seat-replaced', { billId: council.billId, declined: actor.id, replacement })
  return councilView(ctx, next)
}

/** Everything needed to re-run the draw, under pseudonyms (anyone, once drawn). */
export async function councilAudit (ctx: Ctx, actor: Actor, billId: string): Promise<CouncilAuditView> {
  const { council } = await loadCouncil(ctx, actor, billId)
  if (!council.draw) throw new NotFound('audit (the council is not drawn yet)')
  const pseudonymOf = new Map(council.commitment!.pool.map(v => [v.userId, v.pseudonym]))
  return buildAudit(council.billId, drawInputOf(council), council.commitment!, council.draw,
    council.log.map(l => ({ at: l.at, declined: pseudonymOf.get(l.member)!, replacement: l.replacement ? pseudonymOf.get(l.replacement)! : null })))
}

/** The audit document of a draw from its frozen input, commitment, draw record and replacements (pseudonyms). */
export function buildAudit (billId: string, input: DrawInput, commitment: Pick<CouncilCommitment, 'hash' | 'publicRandomness'>, draw: CouncilDrawRecord, replacements: CouncilAuditView['replacements']): CouncilAuditView {
  const d = draw.distribution
  return {
    format: 'alinea-council-audit/1',
    billId,
    algorithm: input.algorithm,
    quotas: input.quotas,
    pool: input.pool,
    commitment: commitment.hash,
    publicRandomness: commitment.publicRandomness,
    publicValue: draw.value,
    seed: draw.seed,
    distribution: { denominator: d.denominator, strata: d.strata, panels: d.panels, maximin: d.maximin },
    probabilities: d.strata.flatMap((s, i) => s.members.map(id => ({
      id, numerator: d.numerators[i]!, denominator: d.denominator * s.members.length, probability: d.numerators[i]! / (d.denominator * s.members.length)
    }))).sort((a, b) => a.id < b.id ? -1 : 1),
    result: draw.result,
    replacements
  }
}
