/**
 * The names of Alinea's domain, as plain data shared by server and client.
 * These are the shapes of docs/DOMAIN.md's table of names; the HTTP bodies in
 * `api.ts` are built from them.
 */

/** What a user may do; checked by the server's domain layer, never only in the UI. */
export type Role = 'citizen' | 'author' | 'staff' | 'moderator' | 'admin'
export const ROLES: readonly Role[] = ['citizen', 'author', 'staff', 'moderator', 'admin']

/** A label shown beside a contributor's name, used to break participation down. */
export type ProfileType = 'citizen' | 'organisation' | 'institution'
export const PROFILE_TYPES: readonly ProfileType[] = ['citizen', 'organisation', 'institution']

/** A vote on an article or an amendment. */
export type VoteValue = 'for' | 'mixed' | 'against'
export const VOTE_VALUES: readonly VoteValue[] = ['for', 'mixed', 'against']

/** The life of a consultation: drafted by its editors, open to citizens, then closed. */
export type BillStatus = 'draft' | 'open' | 'closed'

/** Vote counters of an article or an amendment; on articles, `byRevision` splits them by the text they were cast on. */
export interface Tally { for: number; mixed: number; against: number; byRevision?: TallyByRevision }

/**
 * An article's votes split by text (issue 16): those cast on its current
 * text (in revision `since`, when its text last changed, or later) and those
 * cast on an earlier text. `current` plus `earlier` equal the tally's totals.
 */
export interface TallyByRevision {
  since: number
  current: { for: number; mixed: number; against: number }
  earlier: { for: number; mixed: number; against: number }
}

/** A heading of the bill's structure: 1 titre, 2 chapitre, 3 section, 4 sous-section. */
export interface DivisionText { id: string; level: 1 | 2 | 3 | 4; title: string }

/**
 * An article as plain text: its stable `id` (never reused), its number as
 * printed ("1er", "2 bis"), an optional heading and its alinéas (paragraphs).
 */
export interface ArticleText { id: string; num: string; heading: string | null; alineas: string[] }

/** One block of a bill's text, in document order. */
export type BillBlock = ({ kind: 'division' } & DivisionText) | ({ kind: 'article' } & ArticleText)

/** An article as frozen in a revision: its text and a hash of its alinéas. */
export interface RevisionArticle extends ArticleText { hash: string }

/** ProseMirror JSON of a node (a bill document is `{ type: 'doc', content: [...] }`). */
export interface NodeJSON {
  type: string
  attrs?: Record<string, unknown>
  content?: NodeJSON[]
  text?: string
  marks?: { type: string; attrs?: Record<string, unknown> }[]
}

/** A user as the user sees themself (`GET /me`). */
export interface User {
  id: string; email: string; displayName: string; role: Role; profileType: ProfileType
  emailVerified: boolean; oidc: boolean; locale: 'fr' | 'en'; notify: 'immediate' | 'daily' | 'off'; hasPassword: boolean
}

/** A user as others see them: never an email address. */
export interface PublicUser { id: string; displayName: string; profileType: ProfileType }

/** What a vote, argument or amendment points at. */
export type TargetType = 'article' | 'amendment' | 'argument'
export interface Target { type: TargetType; id: string }

export type AmendmentStatus = 'proposed' | 'accepted' | 'rejected' | 'withdrawn'
export type ArgumentSide = 'for' | 'against'
export type ReportReason = 'spam' | 'offensive' | 'off_topic' | 'error' | 'other'
export const REPORT_REASONS: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'error', 'other']

/** Why content is hidden or restored: a report reason chosen by a moderator, or `reported` when hidden automatically. */
export type ModerationReason = ReportReason | 'reported'
/** What a moderator does to a contribution: hide it (its place stays) or restore it. */
export type ModerationActionKind = 'hide' | 'restore'
/** What can be reported and moderated. */
export type ModerationTargetType = 'argument' | 'amendment'

/** What a bill may demand of a participant before they vote, amend, argue or report. */
export type Requirement = 'verifiedEmail' | 'oidc'
export const REQUIREMENTS: readonly Requirement[] = ['verifiedEmail', 'oidc']
/** The languages Alinea writes to a user in (mails, notifications). */
export type Locale = 'fr' | 'en'
/** How a user hears of their notifications by e-mail. */
export type NotifyMode = 'immediate' | 'daily' | 'off'
/** What a user may follow. */
export type FollowTargetType = 'bill' | 'article' | 'amendment'
/** What a notification tells: a decision on one's amendment, activity on what one follows, moderation of one's content. */
export type NotificationKind = 'moderation' | 'decision' | 'amendment' | 'argument' | 'revision'
