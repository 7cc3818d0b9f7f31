/**
 * Reports and moderation.
 *
 * Rules:
 * - Any signed-in user may report an argument or an amendment, once: a
 *   second report of the same target by the same user answers the first
 *   one (200) and counts nothing. Nobody reports their own contribution.
 *   Reports are limited per user and minute like contributions.
 * - When `config.autohideReports` distinct users have reported a
 *   contribution since a moderator last acted on it, it is hidden pending
 *   review: a `hide` by `system` with reason `reported`, in the same
 *   transaction as the report that reached the threshold.
 * - Moderators and admins hide or restore (with a reason); each action is
 *   appended to the log and clears the target's pending reports, so it
 *   leaves the queue until new reports come.
 * - The author of hidden or restored content gets a notification saying
 *   which action and why (`GET /me/notifications`); live viewers get a
 *   `moderated` event without the content.
 */
import type { Ctx, Actor } from './context.ts'
import type { LogPosition, ModerationActionRecord, NotificationRecord, ReportRecord } from './store.ts'
import { SYSTEM } from './store.ts'
import type { ModerationActionView, ReportView } from '../../shared/api.ts'
import type { ModerationActionKind, ModerationTargetType, ReportReason, PublicUser } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { REPORT_REASONS } from '../../shared/types.ts'
import { Forbidden, RuleBroken, Unauthenticated } from './errors.ts'
import { contentPlace, type ContentPlace } from './targets.ts'
import { contributionLimiter } from './limits.ts'
import { assertMeetsRequirements, meets } from './requirements.ts'
import { announceStored } from './notifications.ts'
import { isModerator } from './moderation-state.ts'
import { autoHideDue } from './auto-hide.ts'
import { argumentView } from './argument-views.ts'
import { publicView } from './accounts.ts'
import { decodeCursor, encodeCursor } from './cursors.ts'

/** Throws unless the actor is a moderator or an admin. */
export function assertModerator (actor: Actor): asserts actor is NonNullable<Actor> {
  if (!actor) throw new Unauthenticated()
  if (!isModerator(actor)) throw new Forbidden('only moderators and admins may do this')
}

const reportView = (r: ReportRecord): ReportView =>
  ({ id: r.id, target: { type: r.target.type, id: r.target.id }, reason: r.reason, body: r.body, createdAt: r.at })

/** The notification telling a contribution's author what happened to it. */
function notificationFor (place: ContentPlace, action: ModerationActionRecord): NotificationRecord {
  return {
    id: newId('ntf'), userId: place.authorId, kind: 'moderation', target: action.target, billId: action.billId,
    action: action.action, reason: action.reason, note: action.note ?? null, at: action.at
  }
}

/** Longest excerpt of the content kept with a moderation action. */
export const EXCERPT_LENGTH = 200

/** The beginning of the content acted on, kept in the log: an argument's text, an amendment's explanation (or its text). */
export function excerptOf (place: ContentPlace): string {
  const m = place.amendment
  const text = (place.argument ? place.argument.body : m ? (m.explanation.trim() || m.alineas.join(' ')) : '').replace(/\s+/g, ' ').trim()
  const chars = [...text]
  return chars.length > EXCERPT_LENGTH ? chars.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd() + '…' : text
}

/** Relays an action to live viewers: `moderated` (no content), and a restored argument as `argument:updated`. */
async function announce (ctx: Ctx, place: ContentPlace, action: ModerationActionRecord): Promise<void> {
  ctx.events.emit('moderated', { billId: action.billId, target: action.target, hidden: action.action === 'hide', reason: action.reason })
  if (action.action === 'restore' && place.argument) {
    ctx.events.emit('argument:updated', { billId: action.billId, argument: await argumentView(ctx, null, place.argument) })
  }
}

/** Reports a contribution; `created` is false when this user had reported it already (nothing changes then). */
export async function report (ctx: Ctx, actor: Actor, input: { target: { type: ModerationTargetType; id: string }; reason: ReportReason; body?: string }): Promise<{ report: ReportView; created: boolean }> {
  if (!actor) throw new Unauthenticated('sign in to report')
  const place = await contentPlace(ctx, actor, input.target)
  const earlier = await ctx.store.getUserReport(actor.id, place.target)
  if (earlier) return { report: reportView(earlier), created: false }
  if (place.authorId === actor.id) throw new RuleBroken('own_content', 'you cannot report your own contribution')
  assertMeetsRequirements(place.bill, actor)
  const at = ctx.now().toISOString()
  const record: ReportRecord = {
    id: newId('rep'), target: { type: place.target.type, id: place.target.id }, billId: place.bill.id, userId: actor.id,
    reason: input.reason, body: input.body ? input.body : null, at
  }
  const action: ModerationActionRecord = { id: newId('mod'), target: record.target, billId: record.billId, action: 'hide', reason: 'reported', excerpt: excerptOf(place), by: SYSTEM, at }
  const limiter = contributionLimiter(ctx)
  const note = notificationFor(place, action)
  const result = await limiter.take(actor.id, 'report', () => ctx.store.fileReport(record, {
    due: counts => autoHideDue(ctx.config.autohideReports, counts), action, notification: note, reporterVerified: meets(actor, 'verifiedEmail')
  }))
  // A concurrent identical report won the race: this one counted nothing, so it costs nothing.
  if (!result.created) limiter.refund(actor.id, 'report')
  if (result.hidden) {
    ctx.log.info({ target: record.target, reports: ctx.config.autohideReports }, 'content hidden after reports')
    await announce(ctx, place, result.hidden)
    await announceStored(ctx, [note.id])
  }
  return { report: reportView(result.report), created: result.created }
}

/** A moderator or admin hides or restores a contribution; appended to the log, its author notified. */
export async function moderate (ctx: Ctx, actor: Actor, input: { target: { type: ModerationTargetType; id: string }; action: ModerationActionKind; reason: string; category?: ReportReason }): Promise<ModerationActionView> {
  assertModerator(actor)
  const place = await contentPlace(ctx, actor, input.target)
  // The category names the public placeholder; the reason, in the moderator's words, is for the author.
  const legacy = (REPORT_REASONS as readonly string[]).includes(input.reason) ? input.reason as ReportReason : null
  const action: ModerationActionRecord = {
    id: newId('mod'), target: { type: place.target.type, id: place.target.id }, billId: place.bill.id,
    action: input.action, reason: input.category ?? legacy ?? 'other', note: legacy && !input.category ? null : input.reason,
    excerpt: excerptOf(place), by: actor.id, at: ctx.now().toISOString()
  }
  const note = notificationFor(place, action)
  await ctx.store.applyModeration(action, note)
  ctx.log.info({ target: action.target, action: action.action, reason: action.reason, by: actor.id }, 'moderation')
  await announce(ctx, place, action)
  await announceStored(ctx, [note.id])
  return { ...action, note: action.note ?? null, excerpt: action.excerpt ?? null, by: publicView(actor) }
}

/** The people of `ids` as others see them; `system` and unknown ids are absent. */
export async function peopleOf (ctx: Ctx, ids: Iterable<string>): Promise<Map<string, PublicUser>> {
  const wanted = [...new Set(ids)].filter(id => id !== SYSTEM)
  return new Map((await ctx.store.getUsers(wanted)).map(u => [u.id, publicView(u)]))
}

const isPosition = (x: unknown): x is LogPosition => {
  const p = x as LogPosition
  return typeof p === 'object' && p !== null && typeof p.at === 'string' && typeof p.id === 'string' && p.at.length <= 40 && p.id.length <= 64
}

/** The moderation log, newest first (moderators and admins). */
export async function moderationLog (ctx: Ctx, actor: Actor, query: { cursor?: string; limit: number }): Promise<{ items: ModerationActionView[]; next: string | null }> {
  assertModerator(actor)
  const after = query.cursor ? decodeCursor(query.cursor, isPosition) : undefined
  const rows = await ctx.store.listModerationLog(after, query.limit + 1)
  const page = rows.slice(0, query.limit)
  const people = await peopleOf(ctx, page.map(a => a.by))
  const last = page[page.length - 1]
  return {
    items: page.map(a => ({ id: a.id, target: a.target, billId: a.billId, action: a.action, reason: a.reason, note: a.note ?? null, excerpt: a.excerpt ?? null, by: people.get(a.by) ?? null, at: a.at })),
    next: rows.length > query.limit ? encodeCursor({ at: last.at, id: last.id }) : null
  }
}
