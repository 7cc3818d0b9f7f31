/**
 * Reports, moderation state, the moderation log and notifications in
 * SQLite. A report and the automatic hiding it may trigger are one
 * transaction, so the N-th distinct reporter hides the content exactly once.
 */
import type Database from 'better-sqlite3'
import type {
  LogPosition, ModerationActionRecord, ModerationStateRecord, ModerationStore, ModerationTarget, NotificationRecord, ReportRecord
} from '../store.ts'
import type { ModerationActionKind, ModerationReason, ModerationTargetType, ReportReason } from '../../../shared/types.ts'

interface ReportRow { id: string; target_type: string; target_id: string; bill_id: string; user_id: string; reason: string; body: string | null; at: string }
interface StateRow {
  target_type: string; target_id: string; bill_id: string; hidden: number; reason: string | null; by: string | null; at: string | null
  reports: number; pending_reports: number; last_report_at: string | null; removed: number
}
interface ActionRow { id: string; target_type: string; target_id: string; bill_id: string; action: string; reason: string; note?: string | null; excerpt?: string | null; by: string; at: string }
interface NotificationRow extends ActionRow { user_id: string; kind: string }

const target = (r: { target_type: string; target_id: string }): ModerationTarget =>
  ({ type: r.target_type as ModerationTargetType, id: r.target_id })

export function toReport (r: ReportRow): ReportRecord {
  return { id: r.id, target: target(r), billId: r.bill_id, userId: r.user_id, reason: r.reason as ReportReason, body: r.body, at: r.at }
}

function toState (r: StateRow): ModerationStateRecord {
  return {
    target: target(r),
    billId: r.bill_id,
    hidden: r.hidden === 1,
    reason: r.reason as ModerationReason | null,
    by: r.by,
    at: r.at,
    reports: r.reports,
    pendingReports: r.pending_reports,
    lastReportAt: r.last_report_at,
    removed: r.removed === 1
  }
}

function toAction (r: ActionRow): ModerationActionRecord {
  return { id: r.id, target: target(r), billId: r.bill_id, action: r.action as ModerationActionKind, reason: r.reason as ModerationReason, note: r.note ?? null, excerpt: r.excerpt ?? null, by: r.by, at: r.at }
}

function toNotification (r: NotificationRow): NotificationRecord {
  return {
    id: r.id, userId: r.user_id, kind: 'moderation', target: target(r), billId: r.bill_id,
    action: r.action as ModerationActionKind, reason: r.reason as ModerationReason, at: r.at
  }
}

/** The report, moderation and notification methods of the SQLite store. */
export function sqliteModeration (db: Database.Database): ModerationStore {
  const reportOf = db.prepare('SELECT * FROM reports WHERE user_id = ? AND target_type = ? AND target_id = ?')
  const insertReport = db.prepare(`INSERT INTO reports (id, target_type, target_id, bill_id, user_id, reason, body, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const countReport = db.prepare(`INSERT INTO moderation_state (target_type, target_id, bill_id, reports, pending_reports, last_report_at, pending_verified)
    VALUES (?, ?, ?, 1, 1, ?, ?)
    ON CONFLICT(target_type, target_id) DO UPDATE SET reports = reports + 1, pending_reports = pending_reports + 1,
      last_report_at = excluded.last_report_at, pending_verified = pending_verified + excluded.pending_verified`)
  const pendingVerified = db.prepare('SELECT pending_verified AS n FROM moderation_state WHERE target_type = ? AND target_id = ?')
  const stateOf = db.prepare('SELECT * FROM moderation_state WHERE target_type = ? AND target_id = ?')
  const setHidden = db.prepare(`INSERT INTO moderation_state (target_type, target_id, bill_id, hidden, reason, by, at)
    VALUES (@type, @id, @billId, @hidden, @reason, @by, @at)
    ON CONFLICT(target_type, target_id) DO UPDATE SET hidden = excluded.hidden, reason = excluded.reason, by = excluded.by,
      at = excluded.at, pending_reports = CASE WHEN @reviewed THEN 0 ELSE pending_reports END,
      pending_verified = CASE WHEN @reviewed THEN 0 ELSE pending_verified END`)
  const insertAction = db.prepare(`INSERT INTO moderation_actions (id, target_type, target_id, bill_id, action, reason, note, excerpt, by, at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertNotification = db.prepare(`INSERT INTO notifications (id, user_id, kind, target_type, target_id, bill_id, action, reason, at, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const markRemoved = db.prepare('UPDATE moderation_state SET removed = 1 WHERE target_type = ? AND target_id = ?')
  const queue = db.prepare(`SELECT * FROM moderation_state WHERE pending_reports > 0 AND removed = 0
    ORDER BY pending_reports DESC, last_report_at DESC, target_type, target_id LIMIT ? OFFSET ?`)
  const reportsOf = db.prepare(`SELECT r.* FROM reports r JOIN json_each(?) j
    ON r.target_type = json_extract(j.value, '$.type') AND r.target_id = json_extract(j.value, '$.id')
    ORDER BY r.at, r.id`)
  const log = [
    db.prepare('SELECT * FROM moderation_actions ORDER BY at DESC, id DESC LIMIT ?'),
    db.prepare('SELECT * FROM moderation_actions WHERE at < @at OR (at = @at AND id < @id) ORDER BY at DESC, id DESC LIMIT @limit')
  ]
  const notes = [
    db.prepare('SELECT * FROM notifications WHERE user_id = @userId ORDER BY at DESC, id DESC LIMIT @limit'),
    db.prepare(`SELECT * FROM notifications WHERE user_id = @userId AND (at < @at OR (at = @at AND id < @id))
      ORDER BY at DESC, id DESC LIMIT @limit`)
  ]

  /** Appends an action, sets the state it leads to and notifies: the common part of both writes. */
  const act = (a: ModerationActionRecord, n: NotificationRecord | null, reviewed: boolean): void => {
    insertAction.run(a.id, a.target.type, a.target.id, a.billId, a.action, a.reason, a.note ?? null, a.excerpt ?? null, a.by, a.at)
    setHidden.run({ type: a.target.type, id: a.target.id, billId: a.billId, hidden: a.action === 'hide' ? 1 : 0, reason: a.reason, by: a.by, at: a.at, reviewed: reviewed ? 1 : 0 })
    // The moderator's words travel in the notification's data (the author's list reads them there).
    if (n) insertNotification.run(n.id, n.userId, n.kind, n.target.type, n.target.id, n.billId, n.action, n.reason, n.at, n.note ? JSON.stringify({ note: n.note }) : null)
  }

  const file = db.transaction((r: ReportRecord, auto: Parameters<ModerationStore['fileReport']>[1]) => {
    const existing = reportOf.get(r.userId, r.target.type, r.target.id) as ReportRow | undefined
    if (existing) return { report: toReport(existing), created: false, hidden: null }
    insertReport.run(r.id, r.target.type, r.target.id, r.billId, r.userId, r.reason, r.body, r.at)
    countReport.run(r.target.type, r.target.id, r.billId, r.at, auto.reporterVerified === false ? 0 : 1)
    const state = toState(stateOf.get(r.target.type, r.target.id) as StateRow)
    const verified = (pendingVerified.get(r.target.type, r.target.id) as { n: number }).n
    let hidden: ModerationActionRecord | null = null
    if (auto.due({ hidden: state.hidden, pendingVerified: verified })) {
      act(auto.action, auto.notification, false)
      hidden = auto.action
    }
    return { report: r, created: true, hidden }
  })

  const apply = db.transaction((a: ModerationActionRecord, n: NotificationRecord | null): ModerationStateRecord => {
    act(a, n, true)
    return toState(stateOf.get(a.target.type, a.target.id) as StateRow)
  })

  return {
    async fileReport (report, autoHide) {
      return file(report, autoHide)
    },
    async getUserReport (userId, t) {
      const r = reportOf.get(userId, t.type, t.id) as ReportRow | undefined
      return r ? toReport(r) : null
    },
    async applyModeration (action, notification) {
      return apply(action, notification)
    },
    async getModerationStates (type, ids) {
      const out = new Map<string, ModerationStateRecord>()
      if (ids.length === 0) return out
      const rows = db.prepare('SELECT * FROM moderation_state WHERE target_type = ? AND target_id IN (SELECT value FROM json_each(?))')
        .all(type, JSON.stringify(ids)) as StateRow[]
      for (const r of rows) out.set(r.target_id, toState(r))
      return out
    },
    async markModerationRemoved (t) {
      markRemoved.run(t.type, t.id)
    },
    async listModerationQueue (offset, limit) {
      return (queue.all(limit, offset) as StateRow[]).map(toState)
    },
    async listReports (targets) {
      if (targets.length === 0) return []
      return (reportsOf.all(JSON.stringify(targets.map(t => ({ type: t.type, id: t.id })))) as ReportRow[]).map(toReport)
    },
    async listModerationLog (after, limit) {
      const rows = after ? log[1].all({ at: after.at, id: after.id, limit }) : log[0].all(limit)
      return (rows as ActionRow[]).map(toAction)
    },
    async listNotifications (userId, after: LogPosition | undefined, limit) {
      const rows = after ? notes[1].all({ userId, at: after.at, id: after.id, limit }) : notes[0].all({ userId, limit })
      return (rows as NotificationRow[]).map(toNotification)
    }
  }
}
