/** Amendments: proposal, lists, votes, decisions, rebase and the consolidated text. */
import { z } from 'zod'
import type { AmendmentStatus as AmendmentStatusT } from '../types.ts'
import type { ArticleDiff as ArticleDiffT } from '../diff.ts'
import { LIMITS, Page, PublicUser, Tally, VoteValue } from './common.ts'
import { ModerationReason } from './debate.ts'
import { WORDING_LIMITS, WordingLang } from './wording.ts'

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
  alineas: z.array(z.string().trim().min(1, 'an alinéa cannot be empty').max(LIMITS.alinea)).max(LIMITS.alineas).optional()
    .describe('the whole article as proposed, one string per alinéa; an empty list deletes the article (give alineas or dispositif)'),
  dispositif: z.string().trim().min(1, 'the dispositif is empty').max(WORDING_LIMITS.text).optional()
    .describe('instead of alineas: the dispositif (both house styles), parsed and applied to the base text by the server (422 wording_unreadable / wording_not_applicable)'),
  lang: WordingLang.optional().describe('the language of the dispositif (fr by default)'),
  explanation: z.string().trim().min(1, 'the explanation (exposé sommaire) is required').max(AMENDMENT_LIMITS.explanation)
    .describe('the exposé sommaire: why this amendment'),
  baseRevision: z.number().int().min(1).describe('the revision the proposal was written against')
}).refine(b => (b.alineas === undefined) !== (b.dispositif === undefined), {
  message: 'give either alineas or dispositif'
}).meta({ id: 'AmendmentCreateBody' })

export const DecisionBody = z.strictObject({
  status: z.enum(['accepted', 'rejected']).describe('the decision (final)'),
  response: z.string().trim().min(1, 'a decision needs a response to its author').max(AMENDMENT_LIMITS.response).describe('why, for the author and the public')
}).meta({ id: 'DecisionBody' })

/** Withdraw and rebase take an empty object (or no body). */
export const EmptyBody = z.strictObject({}).meta({ id: 'EmptyBody' })

/** The orders of an article's amendment list (server/domain/ranking.ts); a bill's list also has `discussion`. */
export const AMENDMENT_SORTS = ['supported', 'recent', 'random'] as const
/** One order of an article's amendment list. */
export type AmendmentSort = typeof AMENDMENT_SORTS[number]

export const AmendmentListQuery = z.strictObject({
  sort: z.enum([...AMENDMENT_SORTS, 'discussion']).default('recent')
    .describe('supported: Wilson lower bound of support (for 1, mixed ½) then newest; recent: newest first; random: a stable order per viewer; discussion (GET /bills/:billId/amendments only): the order a parliament discusses them, in the order of the text'),
  kind: z.enum(['article', 'addArticle']).optional().describe('only this kind (GET /bills/:billId/amendments): `addArticle` lists the additional articles'),
  status: AmendmentStatus.optional().describe('only this status; by default every status but withdrawn'),
  cursor: z.string().max(AMENDMENT_LIMITS.cursor).optional().describe('the `next` of the previous page'),
  limit: z.coerce.number().int().min(1).max(AMENDMENT_LIMITS.pageSize).default(AMENDMENT_LIMITS.defaultPageSize).describe(`how many a page (at most ${AMENDMENT_LIMITS.pageSize})`),
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

/** Where an additional article goes: after or before an article of the bill. */
export const ArticlePosition = z.union([
  z.strictObject({ after: z.string().min(1).max(100).describe('the id of the article the new one follows') }),
  z.strictObject({ before: z.string().min(1).max(100).describe('the id of the article the new one precedes') })
]).meta({ id: 'ArticlePosition' })

export const AmendmentOrigin = z.object({
  chamber: z.enum(['an', 'senat']).describe('an: Assemblée nationale; senat: Sénat'),
  number: z.string().describe('the official number as printed ("103", "AS103", "1 rect. bis")'),
  authors: z.array(z.string()),
  url: z.string().nullable(),
  dispositif: z.string().describe('the official dispositif, verbatim (plain text)')
}).meta({ id: 'AmendmentOrigin' })

export const Amendment = z.object({
  id: z.string(),
  billId: z.string(),
  number: z.number().int().describe('per bill, in order of tabling, never reused: shown as « n° 12 »'),
  kind: z.enum(['article', 'addArticle']).describe('article: rewrites `articleId`; addArticle: inserts a new article at `position`'),
  articleId: z.string().nullable().describe('the article it rewrites; null for an additional article'),
  position: ArticlePosition.nullable().describe('addArticle: after or before which article; null otherwise'),
  heading: z.string().nullable().describe('addArticle: the new article\'s heading, if any'),
  origin: AmendmentOrigin.nullable().describe('an imported official amendment: its chamber, number, authors and page; null otherwise'),
  applies: z.boolean().describe('false for an imported amendment whose dispositif could not be applied to the bill\'s text'),
  appliesReason: z.string().nullable(),
  falls: z.boolean().describe('proposed, but an accepted amendment already changed the same passage: it can no longer apply'),
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
  stale: z.boolean().describe('the article changed since the base revision (or left the bill); for an additional article, its anchor article'),
  rebase: z.union([
    z.object({ clean: z.literal(true), baseRevision: z.number().int(), alineas: z.array(z.string()), diff: ArticleDiff, wording: AmendmentWording }),
    z.object({ clean: z.literal(false), baseRevision: z.number().int(), conflicts: z.array(MergeConflict) })
  ]).optional().describe('GET /amendments/:id and GET /bills/:billId/amendments, for a stale proposed amendment whose article is still in the bill: the proposal merged onto the latest text'),
  decision: z.object({ by: PublicUser, at: z.string(), response: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
}).meta({ id: 'Amendment' })
export const AmendmentList = Page(Amendment).meta({ id: 'AmendmentList' })

export const ConsolidatedArticle = z.object({
  articleId: z.string().nullable().describe('null for an accepted additional article (see `amendmentId`)'),
  amendmentId: z.string().nullable().describe('the accepted additional article this entry is; null for an article of the revision'),
  num: z.string().describe('an additional article gets a parliament\'s number: "2 bis", then "2 ter"; before "1er", "1er A"'),
  heading: z.string().nullable(),
  revisionAlineas: z.array(z.string()),
  consolidatedAlineas: z.array(z.string()).describe('empty when an accepted amendment deletes the article'),
  diff: ArticleDiff.describe('revision (or `from`) -> consolidated'),
  applied: z.array(z.string()).describe('accepted amendments applied, in decision order'),
  conflicts: z.array(z.object({ amendmentId: z.string(), conflicts: z.array(MergeConflict) }))
    .describe('accepted amendments not applied because they conflict with earlier decisions: never dropped silently'),
  pending: z.array(z.object({ amendmentId: z.string(), number: z.number().int(), falls: z.boolean() }))
    .describe('proposed amendments of this article; `falls` when an accepted one already took their passage')
}).meta({ id: 'ConsolidatedArticle' })
export const Consolidated = z.object({
  billId: z.string(),
  revision: z.number().int(),
  from: z.number().int().optional().describe('the revision whose text `revisionAlineas` and `diff` start from (`?from=`); absent: `revision`'),
  articles: z.array(ConsolidatedArticle)
}).meta({ id: 'Consolidated', description: 'the tableau comparatif: each article of the latest revision and its consolidated text' })

export type AmendmentCreateBody = z.infer<typeof AmendmentCreateBody>
export type DecisionBody = z.infer<typeof DecisionBody>
export type AmendmentListQuery = z.infer<typeof AmendmentListQuery>
export type AmendmentView = z.infer<typeof Amendment>
export type ConsolidatedView = z.infer<typeof Consolidated>
export type ConsolidatedArticleView = z.infer<typeof ConsolidatedArticle>
export type ArticlePosition = z.infer<typeof ArticlePosition>
export type AmendmentOriginView = z.infer<typeof AmendmentOrigin>
