/**
 * The MongoDB documents of identity and trust (account tokens, the mail
 * queue, follows, activity notifications) and their mapping to records.
 */
import type { AccountTokenRecord, FollowRecord, MailRecord, UserNotificationRecord } from '../store.ts'
import type { FollowTargetType, NotificationKind } from '../../../shared/types.ts'

/** `accountTokens`: `_id` is the SHA-256 of the secret. */
export interface AccountTokenDoc {
  _id: string
  kind: AccountTokenRecord['kind']
  userId: string
  email: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

/** `mails`: `_id` is the mail id; `pending` is true until sent or given up (a partial index lists due mails). */
export interface MailDoc {
  _id: string
  to: string
  userId: string | null
  subject: string
  text: string
  html: string
  headers: Record<string, string>
  createdAt: string
  attempts: number
  nextAttemptAt: string
  sentAt: string | null
  failedAt: string | null
  lastError: string | null
  pending: boolean
}

/** `follows`: `_id` is the follow id; unique on `{ userId, 'target.type', 'target.id' }`. */
export interface FollowDoc {
  _id: string
  userId: string
  target: { type: FollowTargetType; id: string }
  billId: string
  createdAt: string
}

/** A document of `notifications` as the user's list reads it (moderation ones lack the last fields). */
export interface UserNotificationDoc {
  _id: string
  userId: string
  kind: NotificationKind
  target: { type: string; id: string }
  billId: string
  action?: 'hide' | 'restore' | null
  reason?: string | null
  data?: Record<string, unknown> | null
  at: string
  readAt?: string | null
  mailedAt?: string | null
}

/** The document of an account token. */
export const tokenDoc = (t: AccountTokenRecord): AccountTokenDoc =>
  ({ _id: t.id, kind: t.kind, userId: t.userId, email: t.email, createdAt: t.createdAt, expiresAt: t.expiresAt, usedAt: t.usedAt })
/** The token an `accountTokens` document holds. */
export const toToken = (d: AccountTokenDoc): AccountTokenRecord =>
  ({ id: d._id, kind: d.kind, userId: d.userId, email: d.email, createdAt: d.createdAt, expiresAt: d.expiresAt, usedAt: d.usedAt ?? null })

/** The document of a queued mail (`pending` until sent or given up). */
export const mailDoc = (m: MailRecord): MailDoc => ({
  _id: m.id, to: m.to, userId: m.userId, subject: m.subject, text: m.text, html: m.html, headers: { ...m.headers }, createdAt: m.createdAt,
  attempts: m.attempts, nextAttemptAt: m.nextAttemptAt, sentAt: m.sentAt, failedAt: m.failedAt, lastError: m.lastError, pending: !m.sentAt && !m.failedAt
})
/** The mail a `mails` document holds. */
export const toMail = (d: MailDoc): MailRecord => ({
  id: d._id, to: d.to, userId: d.userId ?? null, subject: d.subject, text: d.text, html: d.html, headers: { ...d.headers }, createdAt: d.createdAt,
  attempts: d.attempts, nextAttemptAt: d.nextAttemptAt, sentAt: d.sentAt ?? null, failedAt: d.failedAt ?? null, lastError: d.lastError ?? null
})

/** The document of a follow. */
export const followDoc = (f: FollowRecord): FollowDoc =>
  ({ _id: f.id, userId: f.userId, target: { type: f.target.type, id: f.target.id }, billId: f.billId, createdAt: f.createdAt })
/** The follow a `follows` document holds. */
export const toFollow = (d: FollowDoc): FollowRecord =>
  ({ id: d._id, userId: d.userId, target: { type: d.target.type, id: d.target.id }, billId: d.billId, createdAt: d.createdAt })

/** The document of an activity notification. */
export const userNotificationDoc = (n: UserNotificationRecord): UserNotificationDoc => ({
  _id: n.id, userId: n.userId, kind: n.kind, target: { type: n.target.type, id: n.target.id }, billId: n.billId, action: n.action,
  reason: n.reason, data: n.data, at: n.at, readAt: n.readAt, mailedAt: n.mailedAt
})
/** A notification (moderation or activity) as a `notifications` document holds it. */
export const toUserNotification = (d: UserNotificationDoc): UserNotificationRecord => ({
  id: d._id, userId: d.userId, kind: d.kind, target: { type: d.target.type, id: d.target.id }, billId: d.billId,
  action: d.action ?? null, reason: d.reason ?? null, data: d.data ?? null, at: d.at, readAt: d.readAt ?? null, mailedAt: d.mailedAt ?? null
})
