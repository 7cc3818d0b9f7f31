/**
 * Following a bill, an article or an amendment: what one follows decides
 * which notifications one gets. Anyone signed in may follow what they may
 * see; authors follow what they write (see notifications.ts).
 */
import type { Ctx, Actor } from './context.ts'
import type { FollowRecord } from './store.ts'
import type { FollowView } from '../../shared/api.ts'
import type { FollowTargetType } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { Forbidden, InvalidInput, NotFound, Unauthenticated } from './errors.ts'
import { canSee } from './access.ts'
import { decodeCursor, encodeCursor } from './cursors.ts'

/** A follow as the API shows it. */
export const followView = (f: FollowRecord): FollowView => ({ id: f.id, target: f.target, billId: f.billId, createdAt: f.createdAt })

/** The bill a followable target belongs to, when the actor may see it (404 otherwise). */
export async function followTargetBill (ctx: Ctx, actor: Actor, target: { type: FollowTargetType; id: string }): Promise<string> {
  let billId: string | null
  if (target.type === 'bill') billId = target.id
  else if (target.type === 'article') billId = (await ctx.store.getArticle(target.id))?.billId ?? null
  else billId = (await ctx.store.getAmendment(target.id))?.billId ?? null
  const bill = billId ? await ctx.store.getBill(billId) : null
  if (!bill || !canSee(bill, actor)) throw new NotFound(target.type)
  return bill.id
}

/** Follows a target (again: the same follow, 200). */
export async function follow (ctx: Ctx, actor: Actor, target: { type: FollowTargetType; id: string }): Promise<{ follow: FollowView; created: boolean }> {
  if (!actor) throw new Unauthenticated('sign in to follow')
  const billId = await followTargetBill(ctx, actor, target)
  const r = await ctx.store.follow({ id: newId('flw'), userId: actor.id, target: { type: target.type, id: target.id }, billId, createdAt: ctx.now().toISOString() })
  return { follow: followView(r.follow), created: r.created }
}

/** Has `userId` follow a target, without checks: authors following what they write. */
export async function autoFollow (ctx: Ctx, userId: string, target: { type: FollowTargetType; id: string }, billId: string): Promise<void> {
  await ctx.store.follow({ id: newId('flw'), userId, target, billId, createdAt: ctx.now().toISOString() })
}

/** Stops following (one's own follows only). */
export async function unfollow (ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!actor) throw new Unauthenticated()
  const f = await ctx.store.getFollow(id)
  if (!f) throw new NotFound('follow')
  if (f.userId !== actor.id) throw new Forbidden('this is not your follow')
  await ctx.store.deleteFollow(id)
}

const isPosition = (x: unknown): x is { at: string; id: string } => {
  const p = x as { at: string; id: string }
  return typeof p === 'object' && p !== null && typeof p.at === 'string' && typeof p.id === 'string' && p.at.length <= 40 && p.id.length <= 64
}

/** The actor's follows, newest first; `target` (`type:id`) narrows to the follow of one target. */
export async function myFollows (ctx: Ctx, actor: Actor, query: { cursor?: string; limit: number; target?: string }): Promise<{ items: FollowView[]; next: string | null }> {
  if (!actor) throw new Unauthenticated()
  if (query.target) {
    const m = /^(bill|article|amendment):([A-Za-z0-9_-]{1,64})$/.exec(query.target)
    if (!m) throw new InvalidInput('target is `bill:id`, `article:id` or `amendment:id`')
    const all = await ctx.store.listUserFollows(actor.id, undefined, 10_000)
    return { items: all.filter(f => f.target.type === m[1] && f.target.id === m[2]).map(followView), next: null }
  }
  const after = query.cursor ? decodeCursor(query.cursor, isPosition) : undefined
  const rows = await ctx.store.listUserFollows(actor.id, after, query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return { items: page.map(followView), next: rows.length > query.limit ? encodeCursor({ at: last.createdAt, id: last.id }) : null }
}
