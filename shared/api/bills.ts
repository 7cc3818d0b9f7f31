/** Bills, revisions, articles and article votes. */
import { z } from 'zod'
import { LIMITS, Page, PublicUser, Tally, VoteValue, id, isoDate } from './common.ts'

// ---------- bills

/** The house style of the dispositifs Alinea writes for a bill. */
export const WordingStyle = z.enum(['assemblee', 'senat'])
  .describe('house style of the French dispositifs Alinea writes: the Assemblée nationale\'s (« À l\'alinéa 3, substituer … ») or the Sénat\'s (« Alinéa 3 » then « Remplacer … »)')
  .meta({ id: 'WordingStyle' })

export const ArticleInput = z.strictObject({
  num: z.string().trim().min(1).max(LIMITS.articleNum).describe('the article\'s number as printed: "1er", "2", "2 bis"'),
  heading: z.string().trim().max(LIMITS.heading).nullish().describe('its heading, if any'),
  alineas: z.array(z.string().trim().min(1).max(LIMITS.alinea)).min(1).max(LIMITS.alineas).describe('its alinéas, one string each')
}).meta({ id: 'ArticleInput' })

export const BillCreateBody = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title).describe('the bill\'s title'),
  summary: z.string().trim().max(LIMITS.summary).optional().describe('its summary (exposé des motifs), plain text'),
  text: z.string().max(LIMITS.markdown).optional().describe('the bill in Markdown'),
  akn: z.string().max(LIMITS.akn).optional().describe('the bill as Akoma Ntoso XML'),
  articles: z.array(ArticleInput).min(1).max(LIMITS.articles).optional().describe('the bill as a list of articles')
}).refine(b => [b.text, b.akn, b.articles].filter(x => x !== undefined).length <= 1, {
  message: 'give at most one of text, akn and articles'
}).meta({ id: 'BillCreateBody' })

export const BillPatchBody = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title).optional().describe('the bill\'s title'),
  summary: z.string().trim().max(LIMITS.summary).optional().describe('its summary (exposé des motifs), plain text'),
  opensAt: isoDate.nullable().optional().describe('when the consultation opens (ISO 8601; null: at publication)'),
  closesAt: isoDate.nullable().optional().describe('when it closes (ISO 8601)'),
  editors: z.array(id).min(1).max(LIMITS.editors).optional().describe('the user ids of the bill\'s editors (co-drafting and decisions)'),
  wordingStyle: WordingStyle.optional(),
  requirements: z.array(z.enum(['verifiedEmail', 'oidc'])).max(2).refine(r => new Set(r).size === r.length, { message: 'each requirement at most once' }).optional()
    .describe('what participants need before voting, amending, arguing or reporting: [], ["verifiedEmail"] or ["oidc"]')
}).meta({ id: 'BillPatchBody' })

export const PublishBody = z.strictObject({
  opensAt: isoDate.optional(),
  closesAt: isoDate,
  stateVector: z.string().max(200_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64').optional()
    .describe('base64 Yjs state vector of the publishing editor\'s document: the server refuses (409 not_saved_yet) while it has not stored all of it, so no change the editor sees is left out of the revision')
}).meta({ id: 'PublishBody' })


export const ArticleChange = z.object({
  revision: z.number().int().describe('the revision whose text the article has now (unchanged since)'),
  at: z.string().describe('when that revision was published'),
  previous: z.number().int().nullable().describe('the revision holding the text it replaced (revision - 1); null when the article first appeared then')
}).meta({ id: 'ArticleChange', description: 'in which revision an article\'s text last changed, from the revisions\' content hashes' })

export const Article = z.object({
  id: z.string(),
  billId: z.string(),
  num: z.string(),
  heading: z.string().nullable(),
  alineas: z.array(z.string()),
  revision: z.number().int().describe('the revision this text comes from (0: the working text of a draft)'),
  tally: Tally,
  myVote: VoteValue.nullable().describe('the signed-in viewer\'s own vote, null when none or signed out'),
  myVoteRevision: z.number().int().nullable()
    .describe('the revision the viewer\'s own vote was cast (or last confirmed) on; earlier than `changedIn.revision`: cast on an earlier text'),
  changedIn: ArticleChange.nullable().describe('when the article\'s text last changed; null for a draft\'s working text'),
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
  canEdit: z.boolean().describe('whether the viewer is one of its editors (or an admin)'),
  wordingStyle: WordingStyle,
  requirements: z.array(z.enum(['verifiedEmail', 'oidc'])).describe('what participants need before contributing (new bills: ["verifiedEmail"])')
}).meta({ id: 'Bill' })

export const BillSummary = Bill.omit({ articles: true, outline: true }).extend({
  articleCount: z.number().int(),
  contributions: z.number().int().describe('amendments (not withdrawn) and arguments so far')
}).meta({ id: 'BillSummary' })

export const Revision = z.object({
  billId: z.string(),
  number: z.number().int(),
  doc: z.unknown().describe('ProseMirror JSON of the whole bill'),
  articles: z.array(z.object({ id: z.string(), num: z.string(), heading: z.string().nullable(), alineas: z.array(z.string()), hash: z.string() })),
  publishedAt: z.string(),
  publishedBy: PublicUser
}).meta({ id: 'Revision' })

export const BillList = Page(BillSummary).meta({ id: 'BillList' })

// ---------- votes

export const VoteBody = z.strictObject({ value: VoteValue.describe('for, mixed or against') }).meta({ id: 'VoteBody' })

/** The path of a revision: its bill and its number (1, 2, ...). */
export const RevisionParams = z.object({ billId: z.string().describe('the bill'), n: z.coerce.number().int().min(1).max(1_000_000).describe('the revision\'s number, 1 for the text first published') }).meta({ id: 'RevisionParams' })

export const Health = z.object({ ok: z.boolean(), store: z.string(), storeReachable: z.boolean() }).meta({ id: 'Health' })

export type BillCreateBody = z.infer<typeof BillCreateBody>
export type BillPatchBody = z.infer<typeof BillPatchBody>
export type PublishBody = z.infer<typeof PublishBody>
export type ArticleInput = z.infer<typeof ArticleInput>
export type ArticleView = z.infer<typeof Article>
export type ArticleChangeView = z.infer<typeof ArticleChange>
export type BillView = z.infer<typeof Bill>
export type BillSummaryView = z.infer<typeof BillSummary>
export type RevisionView = z.infer<typeof Revision>
