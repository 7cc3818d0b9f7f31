/**
 * The debate: arguments for and against an article or an amendment, and
 * their upvotes.
 *
 * Rules:
 * - Posting, editing, deleting (by its author) and upvoting need the
 *   consultation open (422 `consultation_closed`); posting is limited per
 *   user and minute (429, `limits.ts`).
 * - Its author may edit an argument during 15 minutes after posting it.
 *   Editing clears its upvotes, whatever their number: upvoters endorsed
 *   another text. A hidden argument cannot be edited (422 `argument_hidden`).
 * - Its author may delete it while the consultation is open; moderators and
 *   admins at any time. A deleted argument leaves lists and counts.
 * - One upvote per user (a vote `for` on the target `{ type: 'argument' }`);
 *   nobody upvotes their own argument (422 `own_argument`) nor a hidden one.
 */
import type { Ctx, Actor } from './context.ts'
import type { ArgumentRecord, ArgumentTarget } from './store.ts'
import type { ArgumentListQuery, ArgumentView } from '../../shared/api.ts'
import type { ArgumentSide } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { Forbidden, NotFound, RuleBroken, Unauthenticated } from './errors.ts'
import { isOpenAt } from './access.ts'
import { argumentPlace, type ArgumentPlace } from './targets.ts'
import { contributionLimiter } from './limits.ts'
import { assertMeetsRequirements } from './requirements.ts'
import { isModerator, visibilityOf } from './moderation-state.ts'
import { argumentCursor, argumentPosition, argumentView, argumentViews, EDIT_WINDOW_MS } from './argument-views.ts'

function assertOpen (ctx: Ctx, place: ArgumentPlace, what: string): void {
  if (!isOpenAt(place.bill, ctx.now())) throw new RuleBroken('consultation_closed', `the consultation is not open: ${what} not accepted now`)
}

/** Counts of a target's arguments by side, for the live events. */
async function countsOf (ctx: Ctx, target: ArgumentTarget) {
  return (await ctx.store.countArguments(target.type, [target.id])).get(target.id)!
}

/** Posts an argument for or against an article or an amendment (signed in, consultation open). */
export async function postArgument (ctx: Ctx, actor: Actor, target: ArgumentTarget, input: { side: ArgumentSide; body: string }): Promise<ArgumentView> {
  if (!actor) throw new Unauthenticated('sign in to argue')
  const place = await argumentPlace(ctx, actor, target)
  assertOpen(ctx, place, 'arguments are')
  assertMeetsRequirements(place.bill, actor)
  if (place.article.removedIn !== null) throw new RuleBroken('article_removed', 'this article is no longer in the bill')
  if (place.amendment?.status === 'withdrawn') throw new RuleBroken('amendment_withdrawn', 'this amendment was withdrawn: it takes no more arguments')
  if (place.amendment && (await visibilityOf(ctx, 'amendment', [place.amendment.id])).get(place.amendment.id)!.hidden) {
    throw new RuleBroken('target_hidden', 'this amendment is hidden by moderation')
  }
  const argument: ArgumentRecord = {
    id: newId('arg'),
    billId: place.bill.id,
    target: { type: target.type, id: target.id },
    side: input.side,
    body: input.body,
    authorId: actor.id,
    createdAt: ctx.now().toISOString(),
    editedAt: null,
    deletedAt: null,
    deletedBy: null
  }
  await contributionLimiter(ctx).take(actor.id, 'argument', () => ctx.store.createArgument(argument))
  const view = await argumentView(ctx, null, { ...argument, upvotes: 0 })
  ctx.events.emit('argument:created', { billId: argument.billId, argument: view, argumentCount: await countsOf(ctx, argument.target) })
  return view
}

/** A page of a target's arguments, as the actor sees them. */
export async function listArguments (ctx: Ctx, actor: Actor, target: ArgumentTarget, query: ArgumentListQuery): Promise<{ items: ArgumentView[]; next: string | null }> {
  await argumentPlace(ctx, actor, target)
  const after = query.cursor ? argumentPosition(query.sort, query.cursor) : undefined
  const rows = await ctx.store.listArguments({ target, side: query.side, sort: query.sort, after, limit: query.limit + 1 })
  const page = rows.slice(0, query.limit)
  return {
    items: await argumentViews(ctx, actor, page),
    next: rows.length > query.limit ? argumentCursor(query.sort, page[page.length - 1]) : null
  }
}

/** An argument that exists, is not deleted, and sits in a bill the actor may see. */
async function existing (ctx: Ctx, actor: Actor, id: string): Promise<{ argument: ArgumentRecord; place: ArgumentPlace }> {
  const argument = await ctx.store.getArgument(id)
  if (!argument || argument.deletedAt) throw new NotFound('argument')
  const place = await argumentPlace(ctx, actor, argument.target).catch(err => {
    throw err instanceof NotFound ? new NotFound('argument') : err
  })
  return { argument, place }
}

/** One argument as the actor sees it. */
export async function getArgument (ctx: Ctx, actor: Actor, id: string): Promise<ArgumentView> {
  const { argument } = await existing(ctx, actor, id)
  return argumentView(ctx, actor, argument)
}

const isHidden = async (ctx: Ctx, id: string): Promise<boolean> => (await visibilityOf(ctx, 'argument', [id])).get(id)!.hidden

/** Its author changes an argument's text within 15 minutes of posting; its upvotes are cleared. */
export async function editArgument (ctx: Ctx, actor: Actor, id: string, body: string): Promise<ArgumentView> {
  if (!actor) throw new Unauthenticated()
  const { argument, place } = await existing(ctx, actor, id)
  if (argument.authorId !== actor.id) throw new Forbidden('only its author may edit an argument')
  assertOpen(ctx, place, 'edits are')
  if (ctx.now().getTime() - Date.parse(argument.createdAt) > EDIT_WINDOW_MS) {
    throw new RuleBroken('edit_window_closed', 'an argument can be edited only in the 15 minutes after posting it')
  }
  if (await isHidden(ctx, id)) throw new RuleBroken('argument_hidden', 'a hidden argument cannot be edited')
  if (body === argument.body) return argumentView(ctx, actor, argument)
  const edited = await ctx.store.editArgument(id, body, ctx.now().toISOString())
  if (!edited) throw new NotFound('argument')
  const view = await argumentView(ctx, null, { ...edited, upvotes: 0 })
  ctx.events.emit('argument:updated', { billId: edited.billId, argument: view })
  return view
}

/** Deletes an argument: its author while the consultation is open, moderators and admins at any time. */
export async function deleteArgument (ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!actor) throw new Unauthenticated()
  const { argument, place } = await existing(ctx, actor, id)
  const staff = isModerator(actor)
  if (argument.authorId !== actor.id && !staff) throw new Forbidden('only its author or a moderator may delete an argument')
  if (!staff) assertOpen(ctx, place, 'deletions are')
  const deleted = await ctx.store.deleteArgument(id, actor.id, ctx.now().toISOString())
  if (!deleted) throw new NotFound('argument')
  await ctx.store.markModerationRemoved({ type: 'argument', id })
  ctx.log.info({ argumentId: id, by: actor.id }, 'argument deleted')
  ctx.events.emit('argument:deleted', {
    billId: deleted.billId, argumentId: id, target: deleted.target, side: deleted.side, argumentCount: await countsOf(ctx, deleted.target)
  })
}

/** Upvotes an argument (once per user; not one's own, not a hidden one); returns its upvotes. */
export async function upvoteArgument (ctx: Ctx, actor: Actor, id: string): Promise<{ upvotes: number }> {
  if (!actor) throw new Unauthenticated('sign in to upvote')
  const { argument, place } = await existing(ctx, actor, id)
  assertOpen(ctx, place, 'upvotes are')
  assertMeetsRequirements(place.bill, actor)
  if (argument.authorId === actor.id) throw new RuleBroken('own_argument', 'you cannot upvote your own argument')
  if (await isHidden(ctx, id)) throw new RuleBroken('argument_hidden', 'a hidden argument cannot be upvoted')
  const tally = await ctx.store.castVote({ userId: actor.id, target: { type: 'argument', id }, billId: argument.billId, value: 'for', at: ctx.now().toISOString(), revision: place.bill.revision })
  ctx.events.emit('upvotes', { billId: argument.billId, argumentId: id, upvotes: tally.for })
  return { upvotes: tally.for }
}

/** Withdraws the actor's upvote, if any; returns the argument's upvotes. */
export async function removeUpvote (ctx: Ctx, actor: Actor, id: string): Promise<{ upvotes: number }> {
  if (!actor) throw new Unauthenticated('sign in to upvote')
  const { argument, place } = await existing(ctx, actor, id)
  assertOpen(ctx, place, 'upvotes are')
  assertMeetsRequirements(place.bill, actor)
  const tally = await ctx.store.removeVote(actor.id, { type: 'argument', id })
  ctx.events.emit('upvotes', { billId: argument.billId, argumentId: id, upvotes: tally.for })
  return { upvotes: tally.for }
}
