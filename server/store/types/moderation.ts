/** Stored reports, moderation state and log, and notifications. */
import type { ModerationActionKind, ModerationReason, ModerationTargetType, ReportReason } from '../../../shared/types.ts'

/** What can be reported and moderated. */
export interface ModerationTarget { type: ModerationTargetType; id: string }

/** One user's report of a contribution; one per user and target. */
export interface ReportRecord {
  id: string
  target: ModerationTarget
  billId: string
  userId: string
  reason: ReportReason
  body: string | null
  at: string
}

/** One entry of the append-only moderation log. `by` is a user id, or `system` for automatic hiding. */
export interface ModerationActionRecord {
  id: string
  target: ModerationTarget
  billId: string
  action: ModerationActionKind
  /** The category (a report reason, or `reported`): what the public placeholder says. */
  reason: ModerationReason
  /** The moderator's own words, shown to the author and in the log (absent for automatic hiding). */
  note?: string | null
  /** The beginning of the content acted on, as it was then (the log shows it even once the content changed or left the queue). */
  excerpt?: string | null
  by: string
  at: string
}

/** The `by` of automatic actions. */
export const SYSTEM = 'system'

/**
 * The moderation state of one contribution, kept beside (not inside) the
 * contribution so arguments and amendments share it. `pendingReports`
 * counts reports since a person last reviewed it (any moderation action by
 * a moderator or admin resets it); the queue lists targets where it is > 0.
 */
export interface ModerationStateRecord {
  target: ModerationTarget
  billId: string
  hidden: boolean
  /** The reason, author and time of the last action; null before any. */
  reason: ModerationReason | null
  by: string | null
  at: string | null
  reports: number
  pendingReports: number
  lastReportAt: string | null
  /** The contribution was deleted: it leaves the queue. */
  removed: boolean
}

/** A message to a user about their own content: hidden or restored, and why. */
export interface NotificationRecord {
  id: string
  userId: string
  kind: 'moderation'
  target: ModerationTarget
  billId: string
  action: ModerationActionKind
  reason: ModerationReason
  /** The moderator's words for the author. */
  note?: string | null
  at: string
}

/** Where a page of the log or of notifications starts: after this entry (newest first). */
export interface LogPosition { at: string; id: string }

/** The automatic hiding `fileReport` applies when the domain's rule (`due`) says so. */
export interface AutoHide {
  /**
   * The domain's rule (`autoHideDue`, server/domain/auto-hide.ts): whether
   * the target, with its counts once this report is counted, is hidden now.
   */
  due: (counts: ReportCounts) => boolean
  /**
   * Whether this reporter counts toward the threshold (a verified participant;
   * absent: yes). Only pending reports of verified reporters hide content.
   */
  reporterVerified?: boolean
  action: ModerationActionRecord
  notification: NotificationRecord | null
}

/** What the automatic hiding rule reads of a reported target, in the report's transaction. */
export interface ReportCounts {
  hidden: boolean
  /** Pending (not yet reviewed) reports of verified reporters. */
  pendingVerified: number
}

export interface ModerationStore {
  /**
   * Stores a report, unless this user already reported this target (then it
   * returns the earlier report with `created: false` and changes nothing).
   * A new report bumps the target's counters and, when `autoHide.due` says
   * so of the new counts, appends the automatic hide action and its
   * notification: all in one transaction.
   */
  fileReport (report: ReportRecord, autoHide: AutoHide): Promise<{ report: ReportRecord; created: boolean; hidden: ModerationActionRecord | null }>
  /** The user's report of this target, if any. */
  getUserReport (userId: string, target: ModerationTarget): Promise<ReportRecord | null>
  /**
   * Appends a moderation action by a person, sets the target's state (hidden
   * or not) and marks its reports reviewed, and stores the notification to
   * its author: in one transaction. Returns the new state.
   */
  applyModeration (action: ModerationActionRecord, notification: NotificationRecord | null): Promise<ModerationStateRecord>
  /** States of many targets of one type, keyed by id; targets never reported nor moderated are absent. */
  getModerationStates (type: ModerationTargetType, ids: string[]): Promise<Map<string, ModerationStateRecord>>
  /** The contribution was deleted: take it out of the queue. */
  markModerationRemoved (target: ModerationTarget): Promise<void>
  /** Targets with pending reports, not removed: most pending reports first, then latest report first. */
  listModerationQueue (offset: number, limit: number): Promise<ModerationStateRecord[]>
  /** Reports of these targets, oldest first. */
  listReports (targets: ModerationTarget[]): Promise<ReportRecord[]>
  /** The moderation log, newest first. */
  listModerationLog (after: LogPosition | undefined, limit: number): Promise<ModerationActionRecord[]>
  /** A user's notifications, newest first. */
  listNotifications (userId: string, after: LogPosition | undefined, limit: number): Promise<NotificationRecord[]>
}
