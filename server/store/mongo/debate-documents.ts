/**
 * The MongoDB documents of the debate and moderation aggregates (arguments,
 * reports, moderation state and log, notifications) and their mapping to
 * the store's records. Like documents.ts, each mapper copies fields one by
 * one, so records carry exactly their type's fields and never `_id`.
 */
import type {
  ArgumentRecord, ModerationActionRecord, ModerationStateRecord, ModerationTarget, NotificationRecord, ReportRecord
} from '../store.ts'
import type { ArgumentSide, ModerationActionKind, ModerationReason, ReportReason } from '../../../shared/types.ts'

/**
 * `arguments`: `_id` is the argument id. `tallyId` is the `_id` of its
 * upvote counters in `tallies` (and of its state in `moderationStates`), so
 * lists join them with a plain `$lookup`.
 */
export interface ArgumentDoc {
  _id: string
  billId: string
  target: ArgumentRecord['target']
  side: ArgumentSide
  body: string
  authorId: string
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  deletedBy: string | null
  tallyId: string
}

/** `reports`: `_id` is the report id; unique on `{ userId, 'target.type', 'target.id' }`. */
export interface ReportDoc {
  _id: string
  target: ModerationTarget
  billId: string
  userId: string
  reason: ReportReason
  body: string | null
  at: string
}

/** `moderationStates`: `_id` is `${type}:${id}` of the target, like its tally. */
export interface ModerationStateDoc {
  _id: string
  target: ModerationTarget
  billId: string
  hidden: boolean
  reason: ModerationReason | null
  by: string | null
  at: string | null
  reports: number
  pendingReports: number
  /** Pending reports of verified reporters: the ones that count toward automatic hiding. */
  pendingVerified?: number
  lastReportAt: string | null
  removed: boolean
}

/** `moderationActions`: the append-only log; `_id` is the action id. */
export interface ModerationActionDoc {
  _id: string
  target: ModerationTarget
  billId: string
  action: ModerationActionKind
  reason: ModerationReason
  note?: string | null
  /** The beginning of the content acted on (absent on entries written before it was kept). */
  excerpt?: string | null
  by: string
  at: string
}

/** `notifications`: `_id` is the notification id. */
export interface NotificationDoc {
  _id: string
  userId: string
  kind: 'moderation'
  target: ModerationTarget
  billId: string
  action: ModerationActionKind
  reason: ModerationReason
  /** Read by the user's notification list as `data.note`. */
  data?: { note: string } | null
  at: string
}

/** The `_id` of a target's moderation state (and, for arguments, of its tally). */
export const targetKey = (t: { type: string; id: string }): string => `${t.type}:${t.id}`

const copyTarget = <T extends { type: string; id: string }>(t: T): T => ({ type: t.type, id: t.id }) as T

/** The document of a new argument. */
export function argumentDoc (a: ArgumentRecord): ArgumentDoc {
  return {
    _id: a.id,
    billId: a.billId,
    target: copyTarget(a.target),
    side: a.side,
    body: a.body,
    authorId: a.authorId,
    createdAt: a.createdAt,
    editedAt: a.editedAt ?? null,
    deletedAt: a.deletedAt ?? null,
    deletedBy: a.deletedBy ?? null,
    tallyId: targetKey({ type: 'argument', id: a.id })
  }
}

/** The argument an `arguments` document holds. */
export function toArgument (d: ArgumentDoc): ArgumentRecord {
  return {
    id: d._id,
    billId: d.billId,
    target: copyTarget(d.target),
    side: d.side,
    body: d.body,
    authorId: d.authorId,
    createdAt: d.createdAt,
    editedAt: d.editedAt ?? null,
    deletedAt: d.deletedAt ?? null,
    deletedBy: d.deletedBy ?? null
  }
}

/** The document of a new report. */
export function reportDoc (r: ReportRecord): ReportDoc {
  return { _id: r.id, target: copyTarget(r.target), billId: r.billId, userId: r.userId, reason: r.reason, body: r.body ?? null, at: r.at }
}

/** The report a `reports` document holds. */
export function toReport (d: ReportDoc): ReportRecord {
  return { id: d._id, target: copyTarget(d.target), billId: d.billId, userId: d.userId, reason: d.reason, body: d.body ?? null, at: d.at }
}

/** The state a `moderationStates` document holds. */
export function toModerationState (d: ModerationStateDoc): ModerationStateRecord {
  return {
    target: copyTarget(d.target),
    billId: d.billId,
    hidden: d.hidden === true,
    reason: d.reason ?? null,
    by: d.by ?? null,
    at: d.at ?? null,
    reports: d.reports ?? 0,
    pendingReports: d.pendingReports ?? 0,
    lastReportAt: d.lastReportAt ?? null,
    removed: d.removed === true
  }
}

/** The document of a log entry. */
export function actionDoc (a: ModerationActionRecord): ModerationActionDoc {
  return { _id: a.id, target: copyTarget(a.target), billId: a.billId, action: a.action, reason: a.reason, ...(a.note !== undefined ? { note: a.note } : {}), ...(a.excerpt !== undefined ? { excerpt: a.excerpt } : {}), by: a.by, at: a.at }
}

/** The log entry a `moderationActions` document holds. */
export function toAction (d: ModerationActionDoc): ModerationActionRecord {
  return { id: d._id, target: copyTarget(d.target), billId: d.billId, action: d.action, reason: d.reason, ...(d.note !== undefined ? { note: d.note } : {}), ...(d.excerpt !== undefined ? { excerpt: d.excerpt } : {}), by: d.by, at: d.at }
}

/** The document of a notification. */
export function notificationDoc (n: NotificationRecord): NotificationDoc {
  return { _id: n.id, userId: n.userId, kind: n.kind, target: copyTarget(n.target), billId: n.billId, action: n.action, reason: n.reason, ...(n.note ? { data: { note: n.note } } : {}), at: n.at }
}

/** The notification a `notifications` document holds. */
export function toNotification (d: NotificationDoc): NotificationRecord {
  return { id: d._id, userId: d.userId, kind: d.kind, target: copyTarget(d.target), billId: d.billId, action: d.action, reason: d.reason, ...(d.data?.note ? { note: d.data.note } : {}), at: d.at }
}
