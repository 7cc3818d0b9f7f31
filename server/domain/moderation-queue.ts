/**
 * The moderation queue: contributions reported since a moderator last acted
 * on them (auto-hidden ones included), most pending reports first, each with
 * its full text (even when hidden), its place, its reports and its state.
 * Paged by an opaque offset: the order moves as reports come, and the
 * queue is a working list, not an archive (the log is).
 */
import type { Ctx, Actor } from './context.ts'
import type { ModerationStateRecord, ReportRecord } from './store.ts'
import type { ModerationQueueItemView } from '../../shared/api.ts'
import type { PublicUser } from '../../shared/types.ts'
import { NotFound } from './errors.ts'
import { contentPlace, type ContentPlace } from './targets.ts'
import { assertModerator, peopleOf } from './moderation.ts'
import { decodeCursor, encodeCursor } from './cursors.ts'

const isOffset = (x: unknown): x is { o: number } =>
  typeof x === 'object' && x !== null && Number.isInteger((x as { o: number }).o) && (x as { o: number }).o >= 0

const someone = (id: string): PublicUser => ({ id, displayName: '?', profileType: 'citizen' })

function item (s: ModerationStateRecord, place: ContentPlace, reports: ReportRecord[], people: Map<string, PublicUser>): ModerationQueueItemView {
  const a = place.argument
  const m = place.amendment
  return {
    target: s.target,
    context: {
      bill: { id: place.bill.id, title: place.bill.title },
      article: { id: place.article.id, num: place.article.num },
      about: place.about
    },
    content: {
      body: a ? a.body : m!.explanation,
      side: a ? a.side : null,
      alineas: m ? m.alineas : null,
      author: people.get(place.authorId) ?? someone(place.authorId),
      createdAt: a ? a.createdAt : m!.createdAt
    },
    reports: reports.map(r => ({ reason: r.reason, body: r.body, reporter: people.get(r.userId) ?? someone(r.userId), at: r.at })),
    reportCount: s.reports,
    pendingReports: s.pendingReports,
    state: { hidden: s.hidden, reason: s.reason, by: s.by ? people.get(s.by) ?? null : null, at: s.at }
  }
}

/** A page of the queue (moderators and admins). */
export async function moderationQueue (ctx: Ctx, actor: Actor, query: { cursor?: string; limit: number }): Promise<{ items: ModerationQueueItemView[]; next: string | null; autoHideReports: number }> {
  assertModerator(actor)
  const offset = query.cursor ? decodeCursor(query.cursor, isOffset).o : 0
  const states = await ctx.store.listModerationQueue(offset, query.limit + 1)
  const page = states.slice(0, query.limit)
  const [reports, places] = await Promise.all([
    ctx.store.listReports(page.map(s => s.target)),
    // Content deleted meanwhile drops out of the page rather than failing it.
    Promise.all(page.map(s => contentPlace(ctx, actor, s.target).catch(err => {
      if (err instanceof NotFound) return null
      throw err
    })))
  ])
  const people = await peopleOf(ctx, [
    ...places.flatMap(p => p ? [p.authorId] : []),
    ...reports.map(r => r.userId),
    ...page.flatMap(s => s.by ? [s.by] : [])
  ])
  const key = (t: { type: string; id: string }) => `${t.type}:${t.id}`
  const byTarget = new Map<string, ReportRecord[]>()
  for (const r of reports) byTarget.set(key(r.target), [...(byTarget.get(key(r.target)) ?? []), r])
  return {
    items: page.flatMap((s, i) => places[i] ? [item(s, places[i]!, byTarget.get(key(s.target)) ?? [], people)] : []),
    next: states.length > query.limit ? encodeCursor({ o: offset + query.limit }) : null,
    autoHideReports: ctx.config.autohideReports
  }
}
