/**
 * The HTTP contract as zod schemas: every request body the server accepts
 * and every response body it sends. The server validates with them, the
 * client types its calls with them, and the OpenAPI document is built from
 * them (server/http/openapi.ts).
 *
 * Request objects are strict: an unknown field is a 400, not silently ignored.
 */
import { z } from 'zod'
import type { AmendmentStatus as AmendmentStatusT } from './types.ts'
import type { ArticleDiff as ArticleDiffT } from './diff.ts'
import { PROFILE_TYPES, REPORT_REASONS, ROLES, VOTE_VALUES } from './types.ts'

/** Largest inputs, shared by the server (validation) and the client (form hints). */
export const LIMITS = {
  title: 300,
  summary: 5000,
  displayName: 80,
  password: { min: 10, max: 200 },
  markdown: 500_000,
  akn: 2_000_000,
  articles: 2000,
  alineas: 500,
  alinea: 20_000,
  articleNum: 20,
  heading: 300,
  editors: 50
} as const

const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time')
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'an id is letters, digits, "_" and "-"')

export const Role = z.enum(['citizen', 'author', 'staff', 'moderator', 'admin']).describe('citizen, author, staff, moderator or admin')
export const ProfileType = z.enum(['citizen', 'organisation', 'institution'])
export const VoteValue = z.enum(['for', 'mixed', 'against'])

// The enums above must list exactly the values of shared/types.ts.
const _sameRoles: readonly z.infer<typeof Role>[] = ROLES
const _sameProfiles: readonly z.infer<typeof ProfileType>[] = PROFILE_TYPES
const _sameVotes: readonly z.infer<typeof VoteValue>[] = VOTE_VALUES
void _sameRoles; void _sameProfiles; void _sameVotes

// ---------- errors

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
}).meta({ id: 'Error' })

// ---------- accounts

export const RegisterBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(LIMITS.password.min).max(LIMITS.password.max),
  displayName: z.string().trim().min(1).max(LIMITS.displayName),
  profileType: ProfileType.optional()
}).meta({ id: 'RegisterBody' })

export const LoginBody = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(LIMITS.password.max)
}).meta({ id: 'LoginBody' })

export const TokenBody = z.strictObject({ name: z.string().trim().min(1).max(80).optional() }).meta({ id: 'TokenBody' })
export const TokenResponse = z.object({ token: z.string() }).meta({ id: 'Token' })

export const UserPatchBody = z.strictObject({ role: Role }).meta({ id: 'UserPatchBody' })

export const User = z.object({
  id: z.string(), email: z.string(), displayName: z.string(), role: Role, profileType: ProfileType
}).meta({ id: 'User' })

export const PublicUser = z.object({ id: z.string(), displayName: z.string(), profileType: ProfileType }).meta({ id: 'PublicUser' })

// ---------- bills

export const ArticleInput = z.strictObject({
  num: z.string().trim().min(1).max(LIMITS.articleNum),
  heading: z.string().trim().max(LIMITS.heading).nullish(),
  alineas: z.array(z.string().trim().min(1).max(LIMITS.alinea)).min(1).max(LIMITS.alineas)
}).meta({ id: 'ArticleInput' })

export const BillCreateBody = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title),
  summary: z.string().trim().max(LIMITS.summary).optional(),
  text: z.string().max(LIMITS.markdown).optional().describe('the bill in Markdown'),
  akn: z.string().max(LIMITS.akn).optional().describe('the bill as Akoma Ntoso XML'),
  articles: z.array(ArticleInput).min(1).max(LIMITS.articles).optional()
}).refine(b => [b.text, b.akn, b.articles].filter(x => x !== undefined).length <= 1, {
  message: 'give at most one of text, akn and articles'
}).meta({ id: 'BillCreateBody' })

export const BillPatchBody = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title).optional(),
  summary: z.string().trim().max(LIMITS.summary).optional(),
  opensAt: isoDate.nullable().optional(),
  closesAt: isoDate.nullable().optional(),
  editors: z.array(id).min(1).max(LIMITS.editors).optional()
}).meta({ id: 'BillPatchBody' })

export const PublishBody = z.strictObject({
  opensAt: isoDate.optional(),
  closesAt: isoDate
}).meta({ id: 'PublishBody' })

export const Tally = z.object({ for: z.number().int(), mixed: z.number().int(), against: z.number().int() }).meta({ id: 'Tally' })

export const Article = z.object({
  id: z.string(),
  billId: z.string(),
  num: z.string(),
  heading: z.string().nullable(),
  alineas: z.array(z.string()),
  revision: z.number().int().describe('the revision this text comes from (0: the working text of a draft)'),
  tally: Tally,
  myVote: VoteValue.nullable().describe('the signed-in viewer\'s own vote, null when none or signed out'),
  amendmentCount: z.number().int(),
  argumentCount: z.object({ for: z.number().int(), against: z.number().int() })
}).meta({ id: 'Article' })

export const Division = z.object({ id: z.string(), level: z.number().int(), title: z.string() }).meta({ id: 'Division' })

export const Bill = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  editors: z.array(z.string()).describe('ids of the users who may draft and decide'),
  authors: z.array(PublicUser).describe('the editors as others see them'),
  revision: z.number().int().describe('latest published revision, 0 when never published'),
  outline: z.array(z.union([
    z.object({ kind: z.literal('division'), id: z.string(), level: z.number().int(), title: z.string() }),
    z.object({ kind: z.literal('article'), id: z.string(), num: z.string(), heading: z.string().nullable() })
  ])).describe('divisions and articles in order'),
  articles: z.array(Article),
  participants: z.number().int().describe('distinct users who voted'),
  canEdit: z.boolean().describe('whether the viewer is one of its editors (or an admin)')
}).meta({ id: 'Bill' })

export const BillSummary = Bill.omit({ articles: true, outline: true }).extend({ articleCount: z.number().int() }).meta({ id: 'BillSummary' })

export const Revision = z.object({
  billId: z.string(),
  number: z.number().int(),
  doc: z.unknown().describe('ProseMirror JSON of the whole bill'),
  articles: z.array(z.object({ id: z.string(), num: z.string(), heading: z.string().nullable(), alineas: z.array(z.string()), hash: z.string() })),
  publishedAt: z.string(),
  publishedBy: PublicUser
}).meta({ id: 'Revision' })

/** A page of a list: `next` is the cursor of the following page, null at the end. */
export function Page<T extends z.ZodType> (item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() })
}

export const BillList = Page(BillSummary).meta({ id: 'BillList' })

// ---------- votes

export const VoteBody = z.strictObject({ value: VoteValue }).meta({ id: 'VoteBody' })

export const Health = z.object({ ok: z.boolean(), store: z.string(), storeReachable: z.boolean() }).meta({ id: 'Health' })

// ---------- debate and moderation: arguments, reports, moderation, notifications
// (server/domain/debate.ts and moderation.ts; routes in server/http/routes/debate.ts and moderation.ts)

/** Sizes of debate inputs and pages. */
export const DEBATE_LIMITS = { argument: 2000, reportBody: 1000, pageSize: 50, defaultPageSize: 20, cursor: 400 } as const

export const ArgumentSide = z.enum(['for', 'against'])
export const ReportReason = z.enum(['spam', 'offensive', 'off_topic', 'error', 'other'])
export const ModerationReason = z.enum(['spam', 'offensive', 'off_topic', 'error', 'other', 'reported'])
  .describe('a report reason, or "reported" when hidden automatically after reports')
const _sameReasons: readonly z.infer<typeof ReportReason>[] = REPORT_REASONS
void _sameReasons

/** What an argument is about. */
export const ArgumentTarget = z.object({ type: z.enum(['article', 'amendment']), id: z.string() }).meta({ id: 'ArgumentTarget' })
/** What can be reported and moderated. */
export const ModerationTarget = z.strictObject({ type: z.enum(['argument', 'amendment']), id }).meta({ id: 'ModerationTarget' })

const argumentText = z.string().trim()
  .min(1, 'an argument cannot be empty')
  .max(DEBATE_LIMITS.argument, `an argument is at most ${DEBATE_LIMITS.argument} characters`)
  .describe('plain text (never HTML), 1 to 2,000 characters after trimming')
const cursor = z.string().max(DEBATE_LIMITS.cursor).optional().describe('the `next` of the previous page')
const pageSize = z.coerce.number().int().min(1).max(DEBATE_LIMITS.pageSize).default(DEBATE_LIMITS.defaultPageSize)

export const ArgumentBody = z.strictObject({ side: ArgumentSide, body: argumentText }).meta({ id: 'ArgumentBody' })
export const ArgumentPatchBody = z.strictObject({ body: argumentText }).meta({ id: 'ArgumentPatchBody' })
export const ArgumentUpvoteBody = z.strictObject({ value: z.literal('for').optional() }).optional()
  .describe('nothing, or { "value": "for" }: an upvote has no value').meta({ id: 'ArgumentUpvoteBody' })
export const ArgumentListQuery = z.strictObject({
  side: ArgumentSide.optional(),
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
  reason: ReportReason,
  body: z.string().trim().max(DEBATE_LIMITS.reportBody).optional().describe('what is wrong, for the moderators')
}).meta({ id: 'ReportBody' })
export const Report = z.object({
  id: z.string(), target: ModerationTarget, reason: ReportReason, body: z.string().nullable(), createdAt: z.string()
}).meta({ id: 'Report' })

export const ModerationActionBody = z.strictObject({
  target: ModerationTarget,
  action: z.enum(['hide', 'restore']),
  reason: ReportReason
}).meta({ id: 'ModerationActionBody' })
export const ModerationAction = z.object({
  id: z.string(),
  target: ModerationTarget,
  billId: z.string(),
  action: z.enum(['hide', 'restore']),
  reason: ModerationReason,
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
export const ModerationQueue = Page(ModerationQueueItem).meta({ id: 'ModerationQueue' })

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

export type RegisterBody = z.infer<typeof RegisterBody>
export type LoginBody = z.infer<typeof LoginBody>
export type BillCreateBody = z.infer<typeof BillCreateBody>
export type BillPatchBody = z.infer<typeof BillPatchBody>
export type PublishBody = z.infer<typeof PublishBody>
export type ArticleInput = z.infer<typeof ArticleInput>
export type ArticleView = z.infer<typeof Article>
export type BillView = z.infer<typeof Bill>
export type BillSummaryView = z.infer<typeof BillSummary>
export type RevisionView = z.infer<typeof Revision>

// ---------- amendments: propose, list, vote, decide, withdraw, rebase, consolidated text
// (server/domain/amendments.ts, amendment-views.ts, consolidation.ts; routes in server/http/routes/amendments.ts)

/** Sizes of amendment inputs and pages. */
export const AMENDMENT_LIMITS = {
  /** Characters of the whole proposed article (its alinéas together): 413 above. */
  text: 100_000,
  explanation: 10_000,
  response: 10_000,
  pageSize: 50,
  defaultPageSize: 20,
  cursor: 400,
  seed: 64
} as const

export const AmendmentStatus = z.enum(['proposed', 'accepted', 'rejected', 'withdrawn'])
const _sameAmendmentStatus: readonly AmendmentStatusT[] = AmendmentStatus.options
void _sameAmendmentStatus

export const AmendmentCreateBody = z.strictObject({
  alineas: z.array(z.string().trim().min(1, 'an alinéa cannot be empty').max(LIMITS.alinea)).max(LIMITS.alineas)
    .describe('the whole article as proposed, one string per alinéa; an empty list deletes the article'),
  explanation: z.string().trim().min(1, 'the explanation (exposé sommaire) is required').max(AMENDMENT_LIMITS.explanation)
    .describe('the exposé sommaire: why this amendment'),
  baseRevision: z.number().int().min(1).describe('the revision the proposal was written against')
}).meta({ id: 'AmendmentCreateBody' })

export const DecisionBody = z.strictObject({
  status: z.enum(['accepted', 'rejected']),
  response: z.string().trim().min(1, 'a decision needs a response to its author').max(AMENDMENT_LIMITS.response)
}).meta({ id: 'DecisionBody' })

/** Withdraw and rebase take an empty object (or no body). */
export const EmptyBody = z.strictObject({}).meta({ id: 'EmptyBody' })

export const AmendmentListQuery = z.strictObject({
  sort: z.enum(['supported', 'recent', 'random']).default('recent')
    .describe('supported: Wilson lower bound of support (for 1, mixed ½) then newest; recent: newest first; random: a stable order per viewer'),
  status: AmendmentStatus.optional().describe('only this status; by default every status but withdrawn'),
  cursor: z.string().max(AMENDMENT_LIMITS.cursor).optional().describe('the `next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(AMENDMENT_LIMITS.pageSize).default(AMENDMENT_LIMITS.defaultPageSize),
  seed: z.string().min(1).max(AMENDMENT_LIMITS.seed).optional()
    .describe('random order of an anonymous visitor: keep one per visitor (signed-in viewers are seeded by their id)')
})

export const WordPart = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() }).meta({ id: 'WordPart' })
const alineaNumber = z.number().int().min(1)
export const AlineaDiff = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('kept'), base: alineaNumber, proposed: alineaNumber, text: z.string() }),
  z.object({ kind: z.literal('changed'), base: alineaNumber, proposed: alineaNumber, parts: z.array(WordPart) }),
  z.object({ kind: z.literal('deleted'), base: alineaNumber, proposed: z.null(), text: z.string(), movedTo: alineaNumber.optional() }),
  z.object({
    kind: z.literal('inserted'), base: z.null(), proposed: alineaNumber, after: z.number().int().min(0).describe('the base alinéa it follows (0: first)'),
    text: z.string(), movedFrom: alineaNumber.optional()
  })
]).meta({ id: 'AlineaDiff' })
export const ArticleDiff = z.object({
  baseCount: z.number().int(),
  proposedCount: z.number().int(),
  alineas: z.array(AlineaDiff).describe('every base and proposed alinéa in exactly one entry, in the order of both texts')
}).meta({ id: 'ArticleDiff', description: 'shared/diff.ts: alinéas aligned, changed ones diffed word by word' })
// The schema must describe exactly what shared/diff.ts produces.
const _sameDiff: z.infer<typeof ArticleDiff> = null as unknown as ArticleDiffT
void _sameDiff

export const MergeConflict = z.object({
  alinea: z.number().int().describe('the base alinéa where both changed the same words (0: before the first)'),
  base: z.string(),
  ours: z.string().describe('the latest text (rebase) or the text consolidated so far'),
  theirs: z.string().describe('the amendment\'s text')
}).meta({ id: 'MergeConflict' })

export const AmendmentWording = z.object({ fr: z.string(), en: z.string() }).meta({ id: 'AmendmentWording' })

export const Amendment = z.object({
  id: z.string(),
  billId: z.string(),
  articleId: z.string(),
  baseRevision: z.number().int(),
  alineas: z.array(z.string()).describe('the whole article as proposed; empty: delete the article'),
  explanation: z.string(),
  status: AmendmentStatus,
  author: PublicUser,
  tally: Tally,
  myVote: VoteValue.nullable(),
  argumentCount: z.object({ for: z.number().int(), against: z.number().int() }).describe('arguments for and against this amendment'),
  diff: ArticleDiff.nullable().describe('base revision -> proposal; null when hidden by moderation (see `hidden`)'),
  wording: AmendmentWording.nullable().describe('the formal dispositif; null when hidden by moderation'),
  hidden: z.boolean().describe('hidden by moderation: it keeps its place and author; its explanation reads "hidden by moderation: <reason>" and its alineas, diff and wording are withheld, except for its author, the bill\'s editors and moderators'),
  hiddenReason: ModerationReason.nullable().describe('null unless hidden'),
  stale: z.boolean().describe('the article changed since the base revision (or left the bill)'),
  rebase: z.union([
    z.object({ clean: z.literal(true), baseRevision: z.number().int(), alineas: z.array(z.string()), diff: ArticleDiff, wording: AmendmentWording }),
    z.object({ clean: z.literal(false), baseRevision: z.number().int(), conflicts: z.array(MergeConflict) })
  ]).optional().describe('GET /amendments/:id of a stale proposed amendment whose article is still in the bill: the proposal merged onto the latest text'),
  decision: z.object({ by: PublicUser, at: z.string(), response: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
}).meta({ id: 'Amendment' })
export const AmendmentList = Page(Amendment).meta({ id: 'AmendmentList' })

export const ConsolidatedArticle = z.object({
  articleId: z.string(),
  num: z.string(),
  heading: z.string().nullable(),
  revisionAlineas: z.array(z.string()),
  consolidatedAlineas: z.array(z.string()).describe('empty when an accepted amendment deletes the article'),
  diff: ArticleDiff.describe('revision -> consolidated'),
  applied: z.array(z.string()).describe('accepted amendments applied, in decision order'),
  conflicts: z.array(z.object({ amendmentId: z.string(), conflicts: z.array(MergeConflict) }))
    .describe('accepted amendments not applied because they conflict with earlier decisions: never dropped silently')
}).meta({ id: 'ConsolidatedArticle' })
export const Consolidated = z.object({
  billId: z.string(),
  revision: z.number().int(),
  articles: z.array(ConsolidatedArticle)
}).meta({ id: 'Consolidated', description: 'the tableau comparatif: each article of the latest revision and its consolidated text' })

export type AmendmentCreateBody = z.infer<typeof AmendmentCreateBody>
export type DecisionBody = z.infer<typeof DecisionBody>
export type AmendmentListQuery = z.infer<typeof AmendmentListQuery>
export type AmendmentView = z.infer<typeof Amendment>
export type ConsolidatedView = z.infer<typeof Consolidated>
export type ConsolidatedArticleView = z.infer<typeof ConsolidatedArticle>

// ---------- synthesis and exports: the synthesis of a consultation, reports and open data
// (server/domain/synthesis.ts; exporters in server/export/; routes in server/http/routes/exports.ts)

/** How many amendments and arguments (per side) the synthesis puts forward for each article. */
export const SYNTHESIS_LIMITS = { topAmendments: 5, topArguments: 3 } as const

/** The export formats: `json` and `akn` are open data (anyone); the others are staff reports and tables. */
export const ExportFormat = z.enum(['json', 'akn', 'csv', 'xlsx', 'docx', 'html', 'pdf'])
/** The tables of the CSV export, one file each. */
export const CsvKind = z.enum(['articles', 'amendments', 'arguments', 'votes', 'participation'])

export const ExportQuery = z.strictObject({
  format: ExportFormat.describe('json and akn: anyone who may see the bill; csv, xlsx, docx, html, pdf: staff, the bill\'s editors, admins'),
  audience: z.enum(['public', 'staff']).optional()
    .describe('public: hidden content withheld (flagged, body replaced); staff (staff, editors, admins): hidden content included, flagged. Default: public for json and akn, staff for the other formats'),
  kind: CsvKind.optional().describe('csv only: which table (default articles)'),
  version: z.string().regex(/^(latest|consolidated|[1-9][0-9]{0,5})$/, 'latest, consolidated or a revision number').optional()
    .describe('akn only: the latest revision (default), a revision number, or the consolidated text')
})

const Shares = z.object({ for: z.number(), mixed: z.number(), against: z.number() }).describe('shares of the votes, 0..1 (all 0 without votes)')

export const SynthesisAmendment = z.object({
  id: z.string(),
  articleId: z.string(),
  status: AmendmentStatus,
  author: PublicUser,
  tally: Tally,
  support: z.number().describe('the ranking score: lower bound of the 95 % Wilson interval of support (for 1, mixed ½, against 0)'),
  explanation: z.string().describe('when hidden: "hidden by moderation: <reason>"'),
  baseAlineas: z.array(z.string()).describe('the article as the amendment read it (empty when hidden)'),
  alineas: z.array(z.string()).describe('the article as proposed (empty: delete it, or hidden)'),
  diff: ArticleDiff.nullable().describe('null when hidden'),
  wording: AmendmentWording.nullable().describe('null when hidden'),
  hidden: z.boolean(),
  hiddenReason: ModerationReason.nullable(),
  decision: z.object({ by: PublicUser, at: z.string(), response: z.string() }).nullable(),
  decidedSeq: z.number().int().nullable().describe('rank in the bill\'s decision order'),
  createdAt: z.string()
}).meta({ id: 'SynthesisAmendment' })

export const SynthesisArgument = z.object({
  id: z.string(), side: ArgumentSide, body: z.string(), author: PublicUser, upvotes: z.number().int(), createdAt: z.string()
}).meta({ id: 'SynthesisArgument' })

export const SynthesisArticle = z.object({
  id: z.string(),
  num: z.string(),
  heading: z.string().nullable(),
  position: z.number().int(),
  alineas: z.array(z.string()),
  tally: Tally,
  votes: z.number().int(),
  shares: Shares,
  amendments: z.object({
    total: z.number().int().describe('not withdrawn: proposed, accepted and rejected'),
    proposed: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), withdrawn: z.number().int()
  }),
  arguments: z.object({ for: z.number().int(), against: z.number().int() }).describe('on the article itself (not deleted, hidden ones included)'),
  topAmendments: z.array(SynthesisAmendment).describe(`the most supported amendments not withdrawn nor hidden, at most ${SYNTHESIS_LIMITS.topAmendments}`),
  topArguments: z.object({ for: z.array(SynthesisArgument), against: z.array(SynthesisArgument) })
    .describe(`the most upvoted arguments on the article per side, not hidden, at most ${SYNTHESIS_LIMITS.topArguments} each`),
  decided: z.array(SynthesisAmendment).describe('accepted and rejected amendments with the editors\' responses, in decision order')
}).meta({ id: 'SynthesisArticle' })

export const Participation = z.object({
  participants: z.object({ total: z.number().int(), citizen: z.number().int(), organisation: z.number().int(), institution: z.number().int() })
    .describe('distinct users who voted, argued (not deleted) or proposed an amendment (not withdrawn), by profile type'),
  contributions: z.object({
    votes: z.object({ total: z.number().int(), articles: z.number().int(), amendments: z.number().int(), arguments: z.number().int() })
      .describe('votes on articles and amendments, and upvotes of arguments'),
    amendments: z.number().int().describe('not withdrawn'),
    arguments: z.number().int().describe('on articles and amendments, not deleted')
  }),
  days: z.array(z.object({ day: z.string(), votes: z.number().int(), amendments: z.number().int(), arguments: z.number().int() }))
    .describe('per UTC day with any activity; a vote counts on the day it was last cast')
}).meta({ id: 'Participation' })

export const Synthesis = z.object({
  bill: z.object({
    id: z.string(), title: z.string(), summary: z.string(), status: z.enum(['draft', 'open', 'closed']),
    opensAt: z.string().nullable(), closesAt: z.string().nullable(), revision: z.number().int(), authors: z.array(PublicUser)
  }),
  generatedAt: z.string(),
  ranking: z.object({ method: z.literal('wilson-lower-bound'), confidence: z.number(), description: z.string() }),
  participation: Participation,
  articles: z.array(SynthesisArticle).describe('in the order of the latest revision'),
  consolidated: Consolidated
}).meta({ id: 'Synthesis', description: 'the synthesis of a consultation: participation, each article\'s votes, amendments and arguments, decisions, the consolidated text' })

export type ExportFormat = z.infer<typeof ExportFormat>
export type CsvKind = z.infer<typeof CsvKind>
export type ExportQuery = z.infer<typeof ExportQuery>
export type SynthesisView = z.infer<typeof Synthesis>
export type SynthesisArticleView = z.infer<typeof SynthesisArticle>
export type SynthesisAmendmentView = z.infer<typeof SynthesisAmendment>
export type SynthesisArgumentView = z.infer<typeof SynthesisArgument>
export type ParticipationView = z.infer<typeof Participation>
