/**
 * Identity and trust: verification, recovery, the account (profile,
 * password, e-mail, contributions, export, erasure), follows and
 * notifications, bill requirements. Routes in server/http/routes/identity.ts,
 * follows.ts and oidc.ts.
 */
import { z } from 'zod'
import { REQUIREMENTS } from '../types.ts'
import { LIMITS, Page, ProfileType, VoteValue, id } from './common.ts'
import { RegisterBody } from './accounts.ts'

export const Requirement = z.enum(['verifiedEmail', 'oidc']).describe('verifiedEmail: a confirmed address; oidc: signed in with the OpenID Connect provider')
const _sameRequirements: readonly z.infer<typeof Requirement>[] = REQUIREMENTS
void _sameRequirements
export const Requirements = z.array(Requirement).max(2).refine(r => new Set(r).size === r.length, { message: 'each requirement at most once' })
export const Locale = z.enum(['fr', 'en'])
export const NotifyMode = z.enum(['immediate', 'daily', 'off']).describe('e-mail for notifications: each at once, a daily digest, or none')

const token = z.string().min(10).max(200).regex(/^[A-Za-z0-9_-]+$/, 'a token is letters, digits, "_" and "-"')
const password = z.string().min(LIMITS.password.min).max(LIMITS.password.max)
const cursor = z.string().max(400).optional().describe('the `next` of the previous page')
const limit = z.coerce.number().int().min(1).max(50).default(20).describe('how many a page (at most 50)')

export const TokenOnlyBody = z.strictObject({ token: token.describe('the token of the link mailed to the address') }).meta({ id: 'VerifyBody' })
export const PasswordResetBody = z.strictObject({ email: z.string().min(1).max(254).describe('the account\'s address') }).meta({ id: 'PasswordResetBody' })
export const PasswordResetConfirmBody = z.strictObject({ token: token.describe('the token of the reset link'), password: password.describe('the new password') }).meta({ id: 'PasswordResetConfirmBody' })
export const PasswordChangeBody = z.strictObject({ current: z.string().min(1).max(LIMITS.password.max).describe('the current password'), password: password.describe('the new password') }).meta({ id: 'PasswordChangeBody' })
export const EmailChangeBody = z.strictObject({ email: z.email().max(254).describe('the new address, to be verified'), password: z.string().min(1).max(LIMITS.password.max).describe('the current password') }).meta({ id: 'EmailChangeBody' })
export const DeleteMeBody = z.strictObject({ password: z.string().min(1).max(LIMITS.password.max).optional().describe('the account\'s password (accounts made through OpenID Connect only have none)') })
  .describe('the password (accounts made through OpenID Connect only have none)').meta({ id: 'DeleteMeBody' })
export const MePatchBody = z.strictObject({
  displayName: RegisterBody.shape.displayName.optional(),
  profileType: ProfileType.optional().describe('citizen, organisation or institution (shown beside the name)'),
  locale: Locale.optional().describe('the language of mails and notifications'),
  notify: NotifyMode.optional()
}).meta({ id: 'MePatchBody' })

export const ContributionsQuery = z.strictObject({
  kind: z.enum(['amendments', 'arguments', 'votes', 'reports']).default('amendments').describe('which of one\'s contributions to list'),
  cursor,
  limit
})

/** One of my contributions, as the account page lists it. */
export const Contribution = z.object({
  kind: z.enum(['amendment', 'argument', 'vote', 'report']),
  id: z.string().describe('the amendment, argument or report id; for a vote, `type:id` of its target'),
  billId: z.string(),
  at: z.string(),
  target: z.object({ type: z.string(), id: z.string() }).nullable().describe('what an argument, vote or report is about; null for an amendment'),
  articleId: z.string().nullable(),
  text: z.string().nullable().describe('the explanation of an amendment, the body of an argument or report'),
  status: z.string().nullable().describe('an amendment\'s status'),
  response: z.string().nullable().describe('the editors\' response to an amendment'),
  value: VoteValue.nullable().describe('a vote\'s value; a report\'s reason is in `text`'),
  side: z.enum(['for', 'against']).nullable()
}).meta({ id: 'Contribution' })
export const ContributionList = Page(Contribution).meta({ id: 'ContributionList' })

export const FollowTarget = z.strictObject({ type: z.enum(['bill', 'article', 'amendment']).describe('what is followed'), id: id.describe('its id') }).meta({ id: 'FollowTarget' })
export const FollowBody = z.strictObject({ target: FollowTarget }).meta({ id: 'FollowBody' })
export const Follow = z.object({ id: z.string(), target: z.object({ type: z.enum(['bill', 'article', 'amendment']), id: z.string() }), billId: z.string(), createdAt: z.string() }).meta({ id: 'Follow' })
export const FollowList = Page(Follow).meta({ id: 'FollowList' })
export const FollowQuery = z.strictObject({
  cursor, limit, target: z.string().max(200).optional().describe('`type:id`: only the follow of that target, if any')
})

export const UserNotification = z.object({
  id: z.string(),
  kind: z.enum(['moderation', 'decision', 'amendment', 'argument', 'revision']),
  target: z.object({ type: z.string(), id: z.string() }),
  billId: z.string(),
  action: z.enum(['hide', 'restore']).nullable().describe('moderation: what was done'),
  reason: z.string().nullable().describe('moderation: why'),
  data: z.record(z.string(), z.unknown()).nullable().describe('decision: { status, response }; amendment/argument: { title or excerpt, on }; revision: { revision, changed: [{ id, num, change }] }'),
  at: z.string(),
  read: z.boolean()
}).meta({ id: 'UserNotification' })
export const UserNotificationList = Page(UserNotification).extend({ unread: z.number().int() }).meta({ id: 'UserNotificationList' })
export const NotificationsReadBody = z.strictObject({ ids: z.array(id).max(200).optional().describe('absent: all') }).meta({ id: 'NotificationsReadBody' })

/** How many of one's notifications are still unread (the answer of marking some read). */
export const UnreadCount = z.object({ unread: z.number().int() }).meta({ id: 'UnreadCount' })

/** The link of a notification mail's unsubscribe header: its token (other parameters a mail client adds are ignored). */
export const UnsubscribeQuery = z.object({ token: z.string().max(1000).default('').describe('the token of the mail\'s unsubscribe link') }).meta({ id: 'UnsubscribeQuery' })

export const OidcStartQuery = z.strictObject({ next: z.string().max(500).optional().describe('the page to go back to once signed in (a path of this site)') })
export const OidcInfo = z.object({ enabled: z.boolean(), label: z.string() }).meta({ id: 'OidcInfo' })
export const Accepted = z.object({ ok: z.literal(true) }).meta({ id: 'Accepted' })

export type MePatchBody = z.infer<typeof MePatchBody>
export type ContributionView = z.infer<typeof Contribution>
export type FollowView = z.infer<typeof Follow>
export type UserNotificationView = z.infer<typeof UserNotification>
export type ContributionsQuery = z.infer<typeof ContributionsQuery>
