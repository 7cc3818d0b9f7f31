/**
 * Stored pieces of identity and trust: account changes and erasure,
 * single-use account tokens (verification, password reset, e-mail change),
 * the outgoing mail queue, follows and the notifications of activity.
 */
import type { FollowTargetType, Locale, NotificationKind, NotifyMode, ProfileType } from '../../../shared/types.ts'
import type { UserRecord } from './accounts.ts'
import type { AmendmentRecord } from './amendments.ts'
import type { ArgumentRecord } from './arguments.ts'
import type { ReportRecord, LogPosition } from './moderation.ts'
import type { VoteRecord } from './votes.ts'

/** What a user may change of their account (through the domain's rules). */
export type UserPatch = Partial<{
  email: string
  emailVerified: boolean
  displayName: string
  profileType: ProfileType
  locale: Locale
  notify: NotifyMode
  passwordHash: string
  oidcSub: string | null
}>

/** A single-use secret sent by e-mail; `id` is the SHA-256 of the secret, which is never stored. */
export interface AccountTokenRecord {
  id: string
  kind: 'verify' | 'reset' | 'email'
  userId: string
  /** The address the token was sent to (for an e-mail change: the new address). */
  email: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

/** An outgoing mail, stored before it is sent so that it survives a restart. */
export interface MailRecord {
  id: string
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
}

/** A user following a bill, an article or an amendment. */
export interface FollowRecord {
  id: string
  userId: string
  target: { type: FollowTargetType; id: string }
  billId: string
  createdAt: string
}

/** Free details of a notification (the response to an amendment, the changed articles of a revision...). */
export type NotificationData = Record<string, unknown>

/**
 * A notification as the user's list reads it: moderation ones (written by
 * the moderation store, with `action` and `reason`) and activity ones.
 */
export interface UserNotificationRecord {
  id: string
  userId: string
  kind: NotificationKind
  target: { type: string; id: string }
  billId: string
  action: 'hide' | 'restore' | null
  reason: string | null
  data: NotificationData | null
  at: string
  readAt: string | null
  mailedAt: string | null
}

/** A user's page of contributions starts after this position (newest first). */
export interface ContributionPosition { at: string; id: string }

export interface IdentityStore {
  /** Applies a patch to an account; DuplicateKeyError('email') when the new address is taken. Null when unknown. */
  updateUser (id: string, patch: UserPatch): Promise<UserRecord | null>
  getUserByOidcSub (sub: string): Promise<UserRecord | null>
  /**
   * Erases an account in one transaction: email, name, password and OIDC link
   * replaced, `deletedAt` set; its credentials, account tokens, follows,
   * notifications and unsent mails deleted. Votes, amendments, arguments and
   * reports stay, under the same (now anonymous) user id.
   */
  eraseUser (id: string, erased: { email: string; displayName: string; passwordHash: string; deletedAt: string }): Promise<void>
  /** Ends credentials of a user (all kinds), except `keep`; returns the ids ended. */
  deleteUserCredentials (userId: string, keep?: string | null): Promise<string[]>

  createAccountToken (token: AccountTokenRecord): Promise<void>
  /**
   * Marks a token used, once: the token comes back only when it exists, has
   * this kind, is unused and has not expired at `now`; null otherwise.
   */
  useAccountToken (id: string, kind: AccountTokenRecord['kind'], now: string): Promise<AccountTokenRecord | null>

  enqueueMail (mail: MailRecord): Promise<void>
  /**
   * Takes up to `limit` mails due at `now` (not sent, not failed) and leases
   * them until `leaseUntil` (their next attempt), counting the attempt; one
   * taker per mail even across processes.
   */
  claimMails (now: string, leaseUntil: string, limit: number): Promise<MailRecord[]>
  markMailSent (id: string, at: string): Promise<void>
  /** Records a failed attempt: retried at `nextAttemptAt`, or given up when `failed`. */
  markMailFailed (id: string, error: string, nextAttemptAt: string, failed: boolean): Promise<void>
  /** Mails addressed to `to`, oldest first (tests and the export). */
  listMailsTo (to: string): Promise<MailRecord[]>

  /** Follows a target (once): returns the follow, new or existing. */
  follow (follow: FollowRecord): Promise<{ follow: FollowRecord; created: boolean }>
  getFollow (id: string): Promise<FollowRecord | null>
  deleteFollow (id: string): Promise<void>
  /** A user's follows, newest first. */
  listUserFollows (userId: string, after: ContributionPosition | undefined, limit: number): Promise<FollowRecord[]>
  /** Users following any of these targets, distinct. */
  listFollowers (targets: { type: FollowTargetType; id: string }[]): Promise<string[]>

  createNotifications (records: UserNotificationRecord[]): Promise<void>
  listUserNotifications (userId: string, after: LogPosition | undefined, limit: number): Promise<UserNotificationRecord[]>
  getNotifications (ids: string[]): Promise<UserNotificationRecord[]>
  countUnreadNotifications (userId: string): Promise<number>
  /** Marks some (or all) of a user's notifications read; returns how many changed. */
  markNotificationsRead (userId: string, ids: string[] | 'all', at: string): Promise<number>
  /** Notifications not yet mailed, of these users, oldest first. */
  listUnmailedNotifications (userIds: string[]): Promise<UserNotificationRecord[]>
  markNotificationsMailed (ids: string[], at: string): Promise<void>
  /** Users whose notification mode is this one and who have unmailed notifications. */
  listUsersWithUnmailed (notify: NotifyMode): Promise<string[]>

  /** A user's own contributions, newest first, for the account page and the export. */
  listUserAmendments (userId: string, after: ContributionPosition | undefined, limit: number): Promise<AmendmentRecord[]>
  listUserArguments (userId: string, after: ContributionPosition | undefined, limit: number): Promise<ArgumentRecord[]>
  listUserVotes (userId: string, after: ContributionPosition | undefined, limit: number): Promise<VoteRecord[]>
  listUserReports (userId: string, after: ContributionPosition | undefined, limit: number): Promise<ReportRecord[]>
}
