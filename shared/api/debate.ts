/** Debate and moderation: arguments, upvotes, reports, moderation queue, log and notifications. */
import { z } from 'zod'
import { REPORT_REASONS } from '../types.ts'
import { Page, PublicUser, id } from './common.ts'

// ---------- debate and moderation: arguments, reports, moderation, notifications
// (server/domain/debate.ts and moderation.ts; routes in server/http/routes/debate.ts and moderation.ts)

/** Sizes of debate inputs and pages. */
export const DEBATE_LIMITS = { argument: 2000, reportBody: 1000, pageSize: 50, defaultPageSize: 20, cursor: 400 } as const

export const ArgumentSide = z.enum(['for', 'against'])
export const ReportReason = z.enum(['spam', 'offensive', 'off_topic', 'error', 'other'])

/** The longest reason a moderator may write. */
export const MODERATION_NOTE_MAX = 500
export const ModerationReason = z.enum(['spam', 'offensive', 'off_topic', 'error', 'other', 'reported'])
  .describe('a report reason, or "reported" when hidden automatically after reports')
const _sameReasons: readonly z.infer<typeof ReportReason>[] = REPORT_REASONS
void _sameReasons

/** What an argument is about. */
export const ArgumentTarget = z.object({ type: z.enum(['article', 'amendment']), id: z.string() }).meta({ id: 'ArgumentTarget' })
/** What can be reported and moderated. */
export const ModerationTarget = z.strictObject({ type: z.enum(['argument', 'amendment']).describe('what is reported or moderated'), id: id.describe('its id') }).meta({ id: 'ModerationTarget' })

const argumentText = z.string().trim()
  .min(1, 'an argument cannot be empty')
  .max(DEBATE_LIMITS.argument, `an argument is at most ${DEBATE_LIMITS.argument} characters`)
  .describe('plain text (never HTML), 1 to 2,000 characters after trimming')
const cursor = z.string().max(DEBATE_LIMITS.cursor).optional().describe('the `next` of the previous page')
const pageSize = z.coerce.number().int().min(1).max(DEBATE_LIMITS.pageSize).default(DEBATE_LIMITS.defaultPageSize)
  .describe(`how many a page (at most ${DEBATE_LIMITS.pageSize})`)

export const ArgumentBody = z.strictObject({ side: ArgumentSide.describe('for or against'), body: argumentText }).meta({ id: 'ArgumentBody' })
export const ArgumentPatchBody = z.strictObject({ body: argumentText }).meta({ id: 'ArgumentPatchBody' })
export const ArgumentUpvoteBody = z.strictObject({ value: z.literal('for').optional().describe('an upvote is for: nothing else is accepted') }).optional()
  .describe('nothing, or { "value": "for" }: an upvote has no value').meta({ id: 'ArgumentUpvoteBody' })
export const ArgumentListQuery = z.strictObject({
  side: ArgumentSide.optional().describe('only the arguments for, or against'),
  sort: z.enum(['upvotes', 'recent']).default('upvotes').describe('upvotes: most upvoted first, then newest; recent: newest first'),
  cursor,
  limit: pageSize
})

export const Argument = z.object({
  id: z.string(),
  billId: z.string(),
  target: ArgumentTarget,
  side: ArgumentSide,
  body: z.string().describe('the text; when hidden, "hidden by moderation: <reason>" (its author still gets the text)'),
  author: PublicUser.describe('kept when hidden: the place and its author stay, the text goes'),
  upvotes: z.number().int(),
  myUpvote: z.boolean().describe('whether the signed-in viewer upvoted it'),
  hidden: z.boolean(),
  hiddenReason: ModerationReason.nullable().describe('null unless hidden'),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  editableUntil: z.string().describe('its author may edit it until then (editing clears its upvotes)')
}).meta({ id: 'Argument' })
export const ArgumentList = Page(Argument).meta({ id: 'ArgumentList' })
export const ArgumentUpvotes = z.object({ upvotes: z.number().int() }).meta({ id: 'ArgumentUpvotes' })

export const ReportBody = z.strictObject({
  target: ModerationTarget,
  reason: ReportReason.describe('what is wrong: spam, abuse, off-topic, personal data, other'),
  body: z.string().trim().max(DEBATE_LIMITS.reportBody).optional().describe('what is wrong, for the moderators')
}).meta({ id: 'ReportBody' })
export const Report = z.object({
  id: z.string(), target: ModerationTarget, reason: ReportReason, body: z.string().nullable(), createdAt: z.string()
}).meta({ id: 'Report' })

export const ModerationActionBody = z.strictObject({
  target: ModerationTarget,
  action: z.enum(['hide', 'restore']).describe('hide the contribution (a placeholder takes its place) or show it again'),
  reason: z.string().trim().min(1, 'say why, in words the author will read').max(MODERATION_NOTE_MAX)
    .describe('why, in the moderator\'s words: shown to the author and kept in the log (a report category alone, e.g. "spam", is also accepted)'),
  category: ReportReason.optional()
    .describe('the report category the public placeholder names ("hidden by moderation: spam"); default: `reason` when it is one, else "other"')
}).meta({ id: 'ModerationActionBody' })
export const ModerationAction = z.object({
  id: z.string(),
  target: ModerationTarget,
  billId: z.string(),
  action: z.enum(['hide', 'restore']),
  reason: ModerationReason,
  note: z.string().nullable().describe('the moderator\'s own words (null for automatic hiding and older entries)'),
  excerpt: z.string().nullable().describe('the beginning of the content as it was when acted on, at most 200 characters (null on older entries)'),
  by: PublicUser.nullable().describe('null: hidden automatically after reports'),
  at: z.string()
}).meta({ id: 'ModerationAction' })
export const ModerationLog = Page(ModerationAction).meta({ id: 'ModerationLog' })
export const PageQuery = z.strictObject({ cursor, limit: pageSize })

export const ModerationState = z.object({
  hidden: z.boolean(),
  reason: ModerationReason.nullable(),
  by: PublicUser.nullable().describe('who last acted; null when nobody or the system'),
  at: z.string().nullable()
}).meta({ id: 'ModerationState' })
export const ModerationQueueItem = z.object({
  target: ModerationTarget,
  context: z.object({
    bill: z.object({ id: z.string(), title: z.string() }),
    article: z.object({ id: z.string(), num: z.string() }).nullable(),
    about: ArgumentTarget.nullable().describe('for an argument: the article or amendment it argues about')
  }),
  content: z.object({
    body: z.string().describe('the full text, even when hidden (an amendment: its explanation)'),
    side: ArgumentSide.nullable(),
    alineas: z.array(z.string()).nullable().describe('an amendment\'s proposed text'),
    author: PublicUser,
    createdAt: z.string()
  }),
  reports: z.array(z.object({ reason: ReportReason, body: z.string().nullable(), reporter: PublicUser, at: z.string() })),
  reportCount: z.number().int().describe('distinct users who reported it'),
  pendingReports: z.number().int().describe('reports since a moderator last acted on it'),
  state: ModerationState
}).meta({ id: 'ModerationQueueItem' })
export const ModerationQueue = Page(ModerationQueueItem).extend({
  autoHideReports: z.number().int().describe('how many reports hide a contribution automatically (0: never)')
}).meta({ id: 'ModerationQueue' })

export const Notification = z.object({
  id: z.string(),
  kind: z.literal('moderation'),
  target: ModerationTarget,
  billId: z.string(),
  action: z.enum(['hide', 'restore']),
  reason: ModerationReason,
  at: z.string()
}).meta({ id: 'Notification' })
export const NotificationList = Page(Notification).meta({ id: 'NotificationList' })

export type ArgumentView = z.infer<typeof Argument>
export type ArgumentListQuery = z.infer<typeof ArgumentListQuery>
export type ReportView = z.infer<typeof Report>
export type ModerationActionView = z.infer<typeof ModerationAction>
export type ModerationQueueItemView = z.infer<typeof ModerationQueueItem>
export type NotificationView = z.infer<typeof Notification>
