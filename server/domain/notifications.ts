/**
 * Notifications: who hears of what, in the app (a list, a count, live to
 * the user's own socket.io room) and by e-mail (at once or as a daily
 * digest, each mail with a one-click unsubscribe).
 *
 * Who is told:
 * - the author of an amendment, of its decision (with the editors' response);
 * - followers of a bill, an article or an amendment, of a new amendment or
 *   argument there (not its own author), and of a new revision of a followed
 *   bill with the articles it changed;
 * - the author of moderated content (written by the moderation store, then
 *   delivered here).
 * Authors follow what they write: an amendment's author follows it, a bill's
 * editors follow it once published.
 */
import type { Ctx, Actor } from './context.ts'
import type { UserNotificationRecord, UserRecord } from './store.ts'
import type { UserNotificationView } from '../../shared/api.ts'
import type { FollowTargetType, Locale, NotificationKind } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { Unauthenticated } from './errors.ts'
import { decodeCursor, encodeCursor } from './cursors.ts'
import { appLink, checkUnsubscribeToken, queueMail, unsubscribeHeaders } from './mail.ts'
import { say } from './mail-texts.ts'
import { autoFollow } from './follows.ts'

/** A notification as its user reads it. */
export const notificationView = (n: UserNotificationRecord): UserNotificationView => ({
  id: n.id, kind: n.kind, target: n.target, billId: n.billId, action: n.action, reason: n.reason, data: n.data, at: n.at, read: n.readAt !== null
})

const excerpt = (s: string): string => s.length > 140 ? s.slice(0, 139) + '…' : s

/** One line telling a notification, in the user's language. */
export function notificationLine (locale: Locale, n: UserNotificationRecord): string {
  const d = n.data ?? {}
  const str = (k: string): string => typeof d[k] === 'string' ? d[k] as string : ''
  const what = str('num') ? say(locale, 'article', { num: str('num') }) : n.target.type === 'amendment' || str('on') === 'amendment' ? say(locale, 'amendmentThing') : say(locale, 'billThing', { title: str('title') })
  switch (n.kind) {
    case 'decision': return say(locale, 'decision', { status: say(locale, str('status') === 'accepted' ? 'accepted' : 'rejected'), response: str('response') })
    case 'amendment': return say(locale, 'amendment', { what, excerpt: str('excerpt') })
    case 'argument': return say(locale, 'argument', { what, excerpt: str('excerpt'), side: say(locale, str('side') === 'against' ? 'against' : 'for') })
    case 'revision': {
      const changed = Array.isArray(d.changed) ? (d.changed as { num: string }[]).map(c => c.num).join(', ') : ''
      return say(locale, changed ? 'revision' : 'revisionNone', { revision: String(d.revision ?? ''), title: str('title'), changed })
    }
    default: {
      // The moderator's own words when there are some (data.note), else the category.
      const reason = str('note') || (n.reason ?? '')
      return n.action === 'restore' ? say(locale, 'moderationRestore', { reason }) : say(locale, 'moderationHide', { reason })
    }
  }
}

/** Where a notification leads in the application. */
function notificationPath (n: UserNotificationRecord): string {
  if (n.target.type === 'amendment') return `/amendments/${encodeURIComponent(n.target.id)}`
  if (n.target.type === 'article') return `/articles/${encodeURIComponent(n.target.id)}`
  return `/bills/${encodeURIComponent(n.billId)}`
}

/** Tells users of stored notifications: live to their room, and by e-mail to those who want each at once. */
export async function announce (ctx: Ctx, records: UserNotificationRecord[]): Promise<void> {
  if (records.length === 0) return
  const users = new Map((await ctx.store.getUsers([...new Set(records.map(n => n.userId))])).map(u => [u.id, u]))
  const mailed: string[] = []
  for (const n of records) {
    const user = users.get(n.userId)
    if (!user || user.deletedAt) continue
    ctx.events.emit('notification:created', { userId: n.userId, notification: notificationView(n), unread: await ctx.store.countUnreadNotifications(n.userId) })
    if ((user.notify ?? 'immediate') !== 'immediate') continue
    await mailNotifications(ctx, user, [n])
    mailed.push(n.id)
  }
  await ctx.store.markNotificationsMailed(mailed, ctx.now().toISOString())
}

/** Stores notifications and announces them. */
export async function deliver (ctx: Ctx, records: UserNotificationRecord[]): Promise<void> {
  if (records.length === 0) return
  await ctx.store.createNotifications(records)
  await announce(ctx, records)
}

/** Announces notifications another store method already wrote (moderation). */
export async function announceStored (ctx: Ctx, ids: string[]): Promise<void> {
  await announce(ctx, await ctx.store.getNotifications(ids))
}

/** One mail for one notification (immediate) or several (a digest), with List-Unsubscribe headers. */
async function mailNotifications (ctx: Ctx, user: UserRecord, items: UserNotificationRecord[]): Promise<void> {
  const locale = user.locale ?? 'fr'
  const unsubscribe = unsubscribeHeaders(ctx, user.id)
  const lines = items.map(n => `${notificationLine(locale, n)} (${appLink(ctx, notificationPath(n))})`)
  const single = items.length === 1
  await queueMail(ctx, { email: user.email, userId: user.id, locale }, {
    subject: single ? say(locale, 'notifySubject', { summary: excerpt(notificationLine(locale, items[0])).slice(0, 120) }) : say(locale, 'digestSubject', { count: String(items.length) }),
    paragraphs: [say(locale, 'hello', { name: user.displayName }), ...(single ? [] : [say(locale, 'digestIntro')]), ...lines],
    link: { label: say(locale, 'seeAll'), url: appLink(ctx, '/account', {}) + '#notifications' },
    footer: say(locale, 'unsubscribe', { url: unsubscribe.url })
  }, unsubscribe.headers)
}

/** Sends each user in daily mode one mail with everything not mailed yet; returns how many mails. */
export async function sendDigests (ctx: Ctx): Promise<number> {
  let sent = 0
  for (const userId of await ctx.store.listUsersWithUnmailed('daily')) {
    const user = await ctx.store.getUser(userId)
    const items = await ctx.store.listUnmailedNotifications([userId])
    if (!user || user.deletedAt || items.length === 0) continue
    await mailNotifications(ctx, user, items)
    await ctx.store.markNotificationsMailed(items.map(n => n.id), ctx.now().toISOString())
    sent++
  }
  return sent
}

/** A new notification record. */
function record (ctx: Ctx, userId: string, kind: NotificationKind, target: { type: string; id: string }, billId: string, data: Record<string, unknown>): UserNotificationRecord {
  return { id: newId('ntf'), userId, kind, target, billId, action: null, reason: null, data, at: ctx.now().toISOString(), readAt: null, mailedAt: null }
}

/** Followers of these targets, less some users. */
async function followersOf (ctx: Ctx, targets: { type: FollowTargetType; id: string }[], except: string[]): Promise<string[]> {
  return (await ctx.store.listFollowers(targets)).filter(u => !except.includes(u))
}

/** Listens to domain events and turns them into notifications; returns a function that stops it. */
export function startNotifier (ctx: Ctx): () => void {
  const guard = (what: string, work: () => Promise<void>) => {
    work().catch(err => ctx.log.error({ err }, `notifications of ${what} failed`))
  }
  const offs = [
    ctx.events.on('amendment:created', p => guard('a new amendment', async () => {
      const [amendment, article, bill] = await Promise.all([ctx.store.getAmendment(p.amendmentId), ctx.store.getArticle(p.articleId), ctx.store.getBill(p.billId)])
      if (!amendment || !bill) return
      await autoFollow(ctx, amendment.authorId, { type: 'amendment', id: amendment.id }, bill.id)
      const users = await followersOf(ctx, [{ type: 'bill', id: bill.id }, { type: 'article', id: p.articleId }], [amendment.authorId])
      const data = { title: bill.title, num: article?.num ?? '', excerpt: excerpt(amendment.explanation), on: 'article' }
      await deliver(ctx, users.map(u => record(ctx, u, 'amendment', { type: 'amendment', id: amendment.id }, bill.id, data)))
    })),
    ctx.events.on('amendment:decided', p => guard('a decision', async () => {
      const [amendment, article, bill] = await Promise.all([ctx.store.getAmendment(p.amendmentId), ctx.store.getArticle(p.articleId), ctx.store.getBill(p.billId)])
      if (!amendment || !bill) return
      const users = [amendment.authorId, ...await followersOf(ctx, [{ type: 'amendment', id: amendment.id }], [amendment.authorId])]
      const data = { title: bill.title, num: article?.num ?? '', status: p.status, response: amendment.decision?.response ?? '' }
      await deliver(ctx, users.map(u => record(ctx, u, 'decision', { type: 'amendment', id: amendment.id }, bill.id, data)))
    })),
    ctx.events.on('argument:created', p => guard('a new argument', async () => {
      const a = p.argument
      const bill = await ctx.store.getBill(p.billId)
      if (!bill) return
      const users = await followersOf(ctx, [{ type: 'bill', id: bill.id }, { type: a.target.type, id: a.target.id }], [a.author.id])
      const num = a.target.type === 'article' ? (await ctx.store.getArticle(a.target.id))?.num ?? '' : ''
      const data = { title: bill.title, num, side: a.side, excerpt: excerpt(a.body), on: a.target.type, argumentId: a.id }
      await deliver(ctx, users.map(u => record(ctx, u, 'argument', { type: a.target.type, id: a.target.id }, bill.id, data)))
    })),
    ctx.events.on('bill:published', p => guard('a new revision', async () => {
      const bill = await ctx.store.getBill(p.billId)
      if (!bill) return
      if (p.revision === 1) {
        for (const editor of bill.editors) await autoFollow(ctx, editor, { type: 'bill', id: bill.id }, bill.id)
        return
      }
      const [prev, next] = await Promise.all([ctx.store.getRevision(bill.id, p.revision - 1), ctx.store.getRevision(bill.id, p.revision)])
      if (!prev || !next) return
      const before = new Map(prev.articles.map(a => [a.id, a]))
      const changed = next.articles.flatMap(a => {
        const old = before.get(a.id)
        return !old ? [{ id: a.id, num: a.num, change: 'added' }] : old.hash !== a.hash ? [{ id: a.id, num: a.num, change: 'changed' }] : []
      })
      const kept = new Set(next.articles.map(a => a.id))
      for (const a of prev.articles) if (!kept.has(a.id)) changed.push({ id: a.id, num: a.num, change: 'removed' })
      const users = await followersOf(ctx, [{ type: 'bill', id: bill.id }], [next.publishedBy])
      const data = { title: bill.title, revision: p.revision, changed }
      await deliver(ctx, users.map(u => record(ctx, u, 'revision', { type: 'bill', id: bill.id }, bill.id, data)))
    }))
  ]
  return () => { for (const off of offs) off() }
}

const isPosition = (x: unknown): x is { at: string; id: string } => {
  const p = x as { at: string; id: string }
  return typeof p === 'object' && p !== null && typeof p.at === 'string' && typeof p.id === 'string' && p.at.length <= 40 && p.id.length <= 64
}

/** The signed-in user's notifications, newest first, with the number unread. */
export async function myNotifications (ctx: Ctx, actor: Actor, query: { cursor?: string; limit: number }): Promise<{ items: UserNotificationView[]; next: string | null; unread: number }> {
  if (!actor) throw new Unauthenticated()
  const after = query.cursor ? decodeCursor(query.cursor, isPosition) : undefined
  const rows = await ctx.store.listUserNotifications(actor.id, after, query.limit + 1)
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    items: page.map(notificationView),
    next: rows.length > query.limit ? encodeCursor({ at: last.at, id: last.id }) : null,
    unread: await ctx.store.countUnreadNotifications(actor.id)
  }
}

/** Marks some or all of the actor's notifications read; returns the number still unread. */
export async function markRead (ctx: Ctx, actor: Actor, ids: string[] | undefined): Promise<{ unread: number }> {
  if (!actor) throw new Unauthenticated()
  await ctx.store.markNotificationsRead(actor.id, ids ?? 'all', ctx.now().toISOString())
  return { unread: await ctx.store.countUnreadNotifications(actor.id) }
}

/** One-click unsubscribe from a mail's link (no sign-in): notification mails stop. False when the token is forged. */
export async function unsubscribe (ctx: Ctx, token: string): Promise<boolean> {
  const userId = checkUnsubscribeToken(ctx, token)
  if (!userId) return false
  await ctx.store.updateUser(userId, { notify: 'off' })
  ctx.log.info({ userId }, 'unsubscribed from notification mails')
  return true
}
