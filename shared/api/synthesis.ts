/** Synthesis and exports: the synthesis of a consultation, reports and open data. */
import { z } from 'zod'
import { PublicUser, Tally } from './common.ts'
import { ArgumentSide, ModerationReason } from './debate.ts'
import { AmendmentStatus, AmendmentWording, ArticleDiff, Consolidated } from './amendments.ts'
import { CouncilSynthesis } from './council.ts'

// ---------- synthesis and exports: the synthesis of a consultation, reports and open data
// (server/domain/synthesis.ts; exporters in server/export/; routes in server/http/routes/exports.ts)

/** How many amendments and arguments (per side) the synthesis puts forward for each article. */
export const SYNTHESIS_LIMITS = { topAmendments: 5, topArguments: 3 } as const

/** The export formats: `json` and `akn` are open data (anyone); the others are staff reports and tables. */
export const ExportFormat = z.enum(['json', 'akn', 'csv', 'xlsx', 'docx', 'html', 'pdf'])
/** The tables of the CSV export, one file each. */
export const CsvKind = z.enum(['articles', 'amendments', 'arguments', 'votes', 'participation'])

/** The language of a report or table (`lang`): the interface language. */
export const ExportLang = z.enum(['fr', 'en'])
/** The field separator of a CSV table (`sep`). */
export const CsvSeparator = z.enum(['comma', 'semicolon', 'tab'])

export const ExportQuery = z.strictObject({
  format: ExportFormat.describe('json and akn: anyone who may see the bill; csv, xlsx, docx, html, pdf: staff, the bill\'s editors, admins'),
  audience: z.enum(['public', 'staff']).optional()
    .describe('public: hidden content withheld (flagged, body replaced); staff (staff, editors, admins): hidden content included, flagged. Default: public for json and akn, staff for the other formats'),
  kind: CsvKind.optional().describe('csv only: which table (default articles)'),
  version: z.string().regex(/^(latest|consolidated|[1-9][0-9]{0,5})$/, 'latest, consolidated or a revision number').optional()
    .describe('akn only: the latest revision (default), a revision number, or the consolidated text'),
  lang: ExportLang.optional()
    .describe('the language of the reports and tables (the interface language): texts, sheet names, column headers, statuses. Default fr; csv without it keeps machine column names and codes. json and akn stay in codes (only the file name follows it)'),
  sep: CsvSeparator.optional()
    .describe('csv only: the field separator. Default: semicolon with lang=fr (Excel in French), comma otherwise')
})

const Shares = z.object({ for: z.number(), mixed: z.number(), against: z.number() }).describe('shares of the votes, 0..1 (all 0 without votes)')

export const SynthesisAmendment = z.object({
  id: z.string(),
  number: z.number().int().describe('its number in the bill (« n° 12 »)'),
  kind: z.enum(['article', 'addArticle']).describe('addArticle: an additional article, listed with the article it goes next to (`articleId`, `position`)'),
  position: z.enum(['after', 'before']).nullable(),
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

/** One amendment of the liasse, in the order of discussion. */
export const DiscussionEntry = z.object({
  amendmentId: z.string(),
  number: z.number().int(),
  kind: z.enum(['article', 'addArticle']),
  articleNum: z.string().nullable().describe('the article it amends, or next to which it goes'),
  position: z.enum(['after', 'before']).nullable(),
  status: AmendmentStatus,
  falls: z.boolean(),
  origin: z.string().nullable().describe('"Assemblée nationale n° 103", "Sénat n° COM-1"; null when proposed here'),
  author: z.string().describe('display name')
}).meta({ id: 'DiscussionEntry' })

export const Synthesis = z.object({
  bill: z.object({
    id: z.string(), title: z.string(), summary: z.string(), status: z.enum(['draft', 'open', 'closed']),
    opensAt: z.string().nullable(), closesAt: z.string().nullable(), revision: z.number().int(), authors: z.array(PublicUser)
  }),
  generatedAt: z.string(),
  ranking: z.object({ method: z.literal('wilson-lower-bound'), confidence: z.number(), description: z.string() }),
  participation: Participation,
  articles: z.array(SynthesisArticle).describe('in the order of the latest revision'),
  consolidated: Consolidated,
  council: CouncilSynthesis.nullable().optional().describe('the citizens\' council, when the bill has one'),
  discussion: z.array(DiscussionEntry).describe('the liasse: every amendment but withdrawn ones, in the order of discussion')
}).meta({ id: 'Synthesis', description: 'the synthesis of a consultation: participation, each article\'s votes, amendments and arguments, decisions, the consolidated text' })

export type ExportFormat = z.infer<typeof ExportFormat>
export type CsvKind = z.infer<typeof CsvKind>
export type ExportQuery = z.infer<typeof ExportQuery>
export type ExportLang = z.infer<typeof ExportLang>
export type CsvSeparator = z.infer<typeof CsvSeparator>
export type SynthesisView = z.infer<typeof Synthesis>
export type SynthesisArticleView = z.infer<typeof SynthesisArticle>
export type SynthesisAmendmentView = z.infer<typeof SynthesisAmendment>
export type SynthesisArgumentView = z.infer<typeof SynthesisArgument>
export type ParticipationView = z.infer<typeof Participation>
