/** Follows, activity notifications and a user's own contributions in SQLite. */
import type Database from 'better-sqlite3'
import type { FollowRecord, IdentityStore, UserNotificationRecord, VoteRecord } from '../store.ts'
import type { FollowTargetType, NotificationKind, TargetType, VoteValue } from '../../../shared/types.ts'
import { toArgument } from './arguments.ts'
import { toReport } from './moderation.ts'
import { toAmendment, type AmendmentRow } from './amendments.ts'

interface FollowRow { id: string; user_id: string; target_type: string; target_id: string; bill_id: string; created_at: string }
interface NotificationRow {
  id: string; user_id: string; kind: string; target_type: string; target_id: string; bill_id: string; action: string; reason: string
  at: string; data: string | null; read_at: string | null; mailed_at: string | null
}
interface VoteRow { user_id: string; target_type: string; target_id: string; bill_id: string; value: string; at: string }

const toFollow = (r: FollowRow): FollowRecord => ({
  id: r.id, userId: r.user_id, target: { type: r.target_type as FollowTargetType, id: r.target_id }, billId: r.bill_id, createdAt: r.created_at
})

const toNotification = (r: NotificationRow): UserNotificationRecord => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as NotificationKind,
  target: { type: r.target_type, id: r.target_id },
  billId: r.bill_id,
  action: r.action === 'hide' || r.action === 'restore' ? r.action : null,
  reason: r.reason ? r.reason : null,
  data: r.data ? JSON.parse(r.data) as Record<string, unknown> : null,
  at: r.at,
  readAt: r.read_at,
  mailedAt: r.mailed_at
})

const toVote = (r: VoteRow): VoteRecord => ({
  userId: r.user_id, target: { type: r.target_type as TargetType, id: r.target_id }, billId: r.bill_id, value: r.value as VoteValue, at: r.at
})

/** A keyset page, newest first, on (`atCol`, `idCol`) of rows where `userCol` = the user. */
function page (db: Database.Database, table: string, userCol: string, atCol: string, idCol: string) {
  const first = db.prepare(`SELECT * FROM ${table} WHERE ${userCol} = @userId ORDER BY ${atCol} DESC, ${idCol} DESC LIMIT @limit`)
  const after = db.prepare(`SELECT * FROM ${table} WHERE ${userCol} = @userId AND (${atCol} < @at OR (${atCol} = @at AND ${idCol} < @id))
    ORDER BY ${atCol} DESC, ${idCol} DESC LIMIT @limit`)
  return (userId: string, pos: { at: string; id: string } | undefined, limit: number): unknown[] =>
    pos ? after.all({ userId, limit, at: pos.at, id: pos.id }) : first.all({ userId, limit })
}

/** The follow, notification and contribution methods of the SQLite store. */
export function sqliteFollows (db: Database.Database): Pick<IdentityStore,
  'follow' | 'getFollow' | 'deleteFollow' | 'listUserFollows' | 'listFollowers' | 'createNotifications' | 'listUserNotifications' |
  'getNotifications' | 'countUnreadNotifications' | 'markNotificationsRead' | 'listUnmailedNotifications' | 'markNotificationsMailed' |
  'listUsersWithUnmailed' | 'listUserAmendments' | 'listUserArguments' | 'listUserVotes' | 'listUserReports'> {
  const insertFollow = db.prepare(`INSERT OR IGNORE INTO follows (id, user_id, target_type, target_id, bill_id, created_at)
    VALUES (@id, @userId, @type, @targetId, @billId, @createdAt)`)
  const followOf = db.prepare('SELECT * FROM follows WHERE user_id = ? AND target_type = ? AND target_id = ?')
  const followById = db.prepare('SELECT * FROM follows WHERE id = ?')
  const deleteFollow = db.prepare('DELETE FROM follows WHERE id = ?')
  const followers = db.prepare(`SELECT DISTINCT f.user_id FROM follows f JOIN json_each(?) j
    ON f.target_type = json_extract(j.value, '$.type') AND f.target_id = json_extract(j.value, '$.id')`)
  const insertNotification = db.prepare(`INSERT INTO notifications (id, user_id, kind, target_type, target_id, bill_id, action, reason, at, data, read_at, mailed_at)
    VALUES (@id, @userId, @kind, @type, @targetId, @billId, @action, @reason, @at, @data, @readAt, @mailedAt)`)
  const notificationsByIds = db.prepare('SELECT * FROM notifications WHERE id IN (SELECT value FROM json_each(?))')
  const unread = db.prepare('SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL')
  const readAll = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL')
  const readSome = db.prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))')
  const unmailed = db.prepare('SELECT * FROM notifications WHERE mailed_at IS NULL AND user_id IN (SELECT value FROM json_each(?)) ORDER BY at, id')
  const mailed = db.prepare('UPDATE notifications SET mailed_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND mailed_at IS NULL')
  const withUnmailed = db.prepare(`SELECT DISTINCT n.user_id FROM notifications n JOIN users u ON u.id = n.user_id
    WHERE n.mailed_at IS NULL AND u.notify = ?`)
  const followsPage = page(db, 'follows', 'user_id', 'created_at', 'id')
  const notificationsPage = page(db, 'notifications', 'user_id', 'at', 'id')
  const amendmentsPage = page(db, 'amendments', 'author_id', 'created_at', 'id')
  const argumentsPage = page(db, 'arguments', 'author_id', 'created_at', 'id')
  const reportsPage = page(db, 'reports', 'user_id', 'at', 'id')
  const votesFirst = db.prepare(`SELECT * FROM votes WHERE user_id = @userId ORDER BY at DESC, target_type || ':' || target_id DESC LIMIT @limit`)
  const votesAfter = db.prepare(`SELECT * FROM votes WHERE user_id = @userId
    AND (at < @at OR (at = @at AND target_type || ':' || target_id < @id)) ORDER BY at DESC, target_type || ':' || target_id DESC LIMIT @limit`)

  return {
    async follow (f) {
      return db.transaction(() => {
        const res = insertFollow.run({ id: f.id, userId: f.userId, type: f.target.type, targetId: f.target.id, billId: f.billId, createdAt: f.createdAt })
        const row = followOf.get(f.userId, f.target.type, f.target.id) as FollowRow
        return { follow: toFollow(row), created: res.changes === 1 }
      })()
    },
    async getFollow (id) {
      const r = followById.get(id) as FollowRow | undefined
      return r ? toFollow(r) : null
    },
    async deleteFollow (id) {
      deleteFollow.run(id)
    },
    async listUserFollows (userId, after, limit) {
      return (followsPage(userId, after, limit) as FollowRow[]).map(toFollow)
    },
    async listFollowers (targets) {
      if (targets.length === 0) return []
      return (followers.all(JSON.stringify(targets)) as { user_id: string }[]).map(r => r.user_id)
    },
    async createNotifications (records) {
      db.transaction(() => {
        for (const n of records) {
          insertNotification.run({
            id: n.id, userId: n.userId, kind: n.kind, type: n.target.type, targetId: n.target.id, billId: n.billId,
            action: n.action ?? '', reason: n.reason ?? '', at: n.at, data: n.data ? JSON.stringify(n.data) : null, readAt: n.readAt, mailedAt: n.mailedAt
          })
        }
      })()
    },
    async listUserNotifications (userId, after, limit) {
      return (notificationsPage(userId, after, limit) as NotificationRow[]).map(toNotification)
    },
    async getNotifications (ids) {
      if (ids.length === 0) return []
      return (notificationsByIds.all(JSON.stringify(ids)) as NotificationRow[]).map(toNotification)
    },
    async countUnreadNotifications (userId) {
      return (unread.get(userId) as { n: number }).n
    },
    async markNotificationsRead (userId, ids, at) {
      return ids === 'all' ? readAll.run(at, userId).changes : readSome.run(at, userId, JSON.stringify(ids)).changes
    },
    async listUnmailedNotifications (userIds) {
      if (userIds.length === 0) return []
      return (unmailed.all(JSON.stringify(userIds)) as NotificationRow[]).map(toNotification)
    },
    async markNotificationsMailed (ids, at) {
      if (ids.length > 0) mailed.run(at, JSON.stringify(ids))
    },
    async listUsersWithUnmailed (notify) {
      return (withUnmailed.all(notify) as { user_id: string }[]).map(r => r.user_id)
    },
    async listUserAmendments (userId, after, limit) {
      return (amendmentsPage(userId, after, limit) as AmendmentRow[]).map(toAmendment)
    },
    async listUserArguments (userId, after, limit) {
      return (argumentsPage(userId, after, limit) as Parameters<typeof toArgument>[0][]).map(toArgument)
    },
    async listUserVotes (userId, after, limit) {
      const rows = after ? votesAfter.all({ userId, limit, at: after.at, id: after.id }) : votesFirst.all({ userId, limit })
      return (rows as VoteRow[]).map(toVote)
    },
    async listUserReports (userId, after, limit) {
      return (reportsPage(userId, after, limit) as Parameters<typeof toReport>[0][]).map(toReport)
    }
  }
}
