/**
 * Setting up a council and volunteering for it. Editors create or change the
 * council while it recruits; signed-in people who may take part in the bill
 * (the same rule as votes) volunteer with their private answers, and may
 * withdraw until the commitment.
 */
import type { Ctx, Actor } from '../context.ts'
import type { CouncilRecord } from '../store.ts'
import type { CouncilMeView, CouncilSetupBody, CouncilView } from '../../../shared/api.ts'
import { assertEditor, assertVisible, canSee, isOpenAt } from '../access.ts'
import { Conflict, NotFound, RuleBroken, Unauthenticated } from '../errors.ts'
import { validateAnswers, validateQuotas } from './draw.ts'
import { councilPseudonym, councilView, loadCouncil } from './records.ts'
import { assertMeetsRequirements } from '../requirements.ts'

/** The public view of a bill's council. */
export async function getCouncil (ctx: Ctx, actor: Actor, billId: string): Promise<CouncilView> {
  const { council } = await loadCouncil(ctx, actor, billId)
  return councilView(ctx, council)
}

/** Creates the council of a bill or changes it while it recruits (editors). */
export async function putCouncil (ctx: Ctx, actor: Actor, billId: string, body: CouncilSetupBody): Promise<{ council: CouncilView; created: boolean }> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  validateQuotas({ size: body.size, categories: body.categories })
  const existing = await ctx.store.getCouncil(bill.id)
  if (existing && existing.status !== 'recruiting') throw new RuleBroken('council_committed', 'the council is committed: its setup is frozen')
  if (existing && existing.volunteersCount > 0 && !sameCategories(existing, body)) {
    throw new RuleBroken('council_has_volunteers', 'volunteers answered these categories: quotas and labels may change, categories and values may not')
  }
  const next: CouncilRecord = {
    billId: bill.id,
    size: body.size,
    categories: body.categories,
    closesAt: body.closesAt,
    commitmentText: body.commitmentText,
    status: 'recruiting',
    volunteersCount: existing?.volunteersCount ?? 0,
    version: (existing?.version ?? 0) + 1,
    commitment: null,
    draw: null,
    members: [],
    declined: [],
    log: [],
    updatedAt: ctx.now().toISOString()
  }
  if (!await ctx.store.saveCouncil(next, existing ? existing.version : null)) {
    throw new Conflict('council_changed', 'the council changed meanwhile: reload and try again')
  }
  ctx.events.emit('council:updated', { billId: bill.id })
  return { council: await councilView(ctx, (await ctx.store.getCouncil(bill.id))!), created: !existing }
}

/** Whether the categories and their value keys are unchanged (quotas and labels may differ). */
function sameCategories (c: CouncilRecord, body: CouncilSetupBody): boolean {
  const keys = (cats: { key: string; values: { key: string }[] }[]) => JSON.stringify(cats.map(x => [x.key, x.values.map(v => v.key)]))
  return keys(c.categories) === keys(body.categories)
}

/**
 * Throws unless the actor may take part in the bill now: signed in, the bill
 * visible and open (the participation rule votes apply).
 */
async function assertParticipant (ctx: Ctx, actor: Actor, billId: string): Promise<void> {
  if (!actor) throw new Unauthenticated('sign in to volunteer')
  const bill = await ctx.store.getBill(billId)
  if (!bill || !canSee(bill, actor)) throw new NotFound('bill')
  if (!isOpenAt(bill, ctx.now())) throw new RuleBroken('consultation_closed', 'the consultation is not open: volunteering is not possible now')
  // The same participation requirements as a vote (a verified address, or an identity).
  assertMeetsRequirements(bill, actor)
}

/** Volunteers (or changes one's answers) while the council recruits and before its closing date. */
export async function volunteer (ctx: Ctx, actor: Actor, billId: string, answers: Record<string, string>): Promise<CouncilMeView> {
  await assertParticipant(ctx, actor, billId)
  const { council } = await loadCouncil(ctx, actor, billId)
  if (council.status !== 'recruiting') throw new RuleBroken('council_committed', 'the pool is frozen: volunteering has closed')
  if (council.closesAt && ctx.now().toISOString() >= council.closesAt) throw new RuleBroken('volunteering_closed', 'volunteering for this council has closed')
  validateAnswers({ size: council.size, categories: council.categories }, answers)
  const r = await ctx.store.addVolunteer({ billId: council.billId, userId: actor!.id, answers, at: ctx.now().toISOString() })
  if (r === 'closed') throw new RuleBroken('council_committed', 'the pool is frozen: volunteering has closed')
  ctx.events.emit('council:updated', { billId: council.billId })
  return councilMe(ctx, actor, billId)
}

/** Withdraws one's volunteering while the council recruits. */
export async function withdraw (ctx: Ctx, actor: Actor, billId: string): Promise<CouncilMeView> {
  if (!actor) throw new Unauthenticated('sign in to withdraw')
  const { council } = await loadCouncil(ctx, actor, billId)
  const r = await ctx.store.removeVolunteer(council.billId, actor.id)
  if (r === 'closed') throw new RuleBroken('council_committed', 'the pool is frozen: withdrawing is no longer possible (decline after the draw instead)')
  if (r === 'absent') throw new NotFound('volunteering')
  ctx.events.emit('council:updated', { billId: council.billId })
  return councilMe(ctx, actor, billId)
}

/** One's own standing: volunteered (with one's answers), pseudonym, member, alternate, declined. */
export async function councilMe (ctx: Ctx, actor: Actor, billId: string): Promise<CouncilMeView> {
  if (!actor) throw new Unauthenticated()
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  const council = await ctx.store.getCouncil(bill.id)
  if (!council) throw new NotFound('council')
  const frozen = council.commitment?.pool.find(v => v.userId === actor.id)
  const live = frozen ? null : await ctx.store.getVolunteer(bill.id, actor.id)
  const answers = frozen?.answers ?? live?.answers ?? null
  const member = council.members.includes(actor.id)
  const declined = council.declined.includes(actor.id)
  return {
    volunteered: answers !== null,
    answers,
    pseudonym: answers ? councilPseudonym(ctx.config.secret, bill.id, actor.id) : null,
    member,
    alternate: !!frozen && council.status === 'drawn' && !member && !declined,
    declined
  }
}
