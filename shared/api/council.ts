/**
 * The citizens' council of a bill: its setup, volunteering, commitment, draw,
 * audit, agenda, members' deliberation and published opinions
 * (server/domain/council*.ts; routes in server/http/routes/council.ts).
 * Volunteers' answers are private: public shapes carry counts only.
 */
import { z } from 'zod'
import { PublicUser, Tally, VoteValue, id, isoDate } from './common.ts'

/** Sizes of council inputs. */
export const COUNCIL_LIMITS = {
  size: 1000, categories: 8, values: 24, label: 120, commitmentText: 5000,
  publicRandomness: 1000, value: 1000, argument: 2000, opinion: 10_000, note: 1000, agenda: 100
} as const

const key = z.string().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'a key is letters, digits, "_" and "-"')
const label = z.string().trim().min(1).max(COUNCIL_LIMITS.label)
const seats = z.number().int().min(0).max(COUNCIL_LIMITS.size)
const text = (max: number, what: string) => z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} is at most ${max} characters`)

export const CouncilValueSetup = z.strictObject({
  key: key.describe('the value\'s key, unique in its category'), label: label.describe('the value as volunteers read it'),
  min: seats.describe('the fewest seats for this value'), max: seats.describe('the most seats for this value')
}).meta({ id: 'CouncilValueSetup' })
export const CouncilCategorySetup = z.strictObject({
  key: key.describe('the category\'s key, unique in the council'), label: label.describe('the question volunteers answer'),
  values: z.array(CouncilValueSetup).min(1).max(COUNCIL_LIMITS.values).describe('its values with their quotas')
}).meta({ id: 'CouncilCategorySetup' })

export const CouncilSetupBody = z.strictObject({
  size: z.number().int().min(1).max(COUNCIL_LIMITS.size).describe('seats on the council, e.g. 40'),
  categories: z.array(CouncilCategorySetup).max(COUNCIL_LIMITS.categories).describe('e.g. gender, age band, region; each value with its quota (min and max seats)'),
  closesAt: isoDate.nullable().describe('volunteering closes then (null: when the editors commit)'),
  commitmentText: z.string().trim().max(COUNCIL_LIMITS.commitmentText).describe('what members commit to')
}).meta({ id: 'CouncilSetupBody' })

export const VolunteerBody = z.strictObject({
  answers: z.record(key, key).describe('categoryKey -> valueKey, one per category; private')
}).meta({ id: 'VolunteerBody' })

export const CommitBody = z.strictObject({
  publicRandomness: text(COUNCIL_LIMITS.publicRandomness, 'the description of the public value')
    .describe('the public future value that will seed the draw, e.g. the numbers of a named national lottery draw on a given date')
}).meta({ id: 'CommitBody' })

export const DrawBody = z.strictObject({
  value: text(COUNCIL_LIMITS.value, 'the public value').describe('the public value once known, as published (trimmed)')
}).meta({ id: 'DrawBody' })

export const CouncilTargetType = z.enum(['bill', 'article', 'amendment', 'argument'])
export const CouncilTarget = z.strictObject({ type: CouncilTargetType.describe('what the item is: the bill, an article, an amendment or an argument'), id: id.describe('its id') }).meta({ id: 'CouncilTarget' })
export const AgendaItemBody = z.strictObject({
  target: CouncilTarget,
  note: z.string().trim().max(COUNCIL_LIMITS.note).optional().describe('why it is on the agenda, shown to the members')
}).meta({ id: 'AgendaItemBody' })

export const CouncilArgumentBody = z.strictObject({
  side: z.enum(['for', 'against']).describe('for or against the item'),
  body: text(COUNCIL_LIMITS.argument, 'an argument').describe('the argument, plain text')
}).meta({ id: 'CouncilArgumentBody' })
export const CouncilVoteBody = z.strictObject({ value: VoteValue.describe('the member\'s vote on the item: for, mixed or against') }).meta({ id: 'CouncilVoteBody' })
export const OpinionBody = z.strictObject({ text: text(COUNCIL_LIMITS.opinion, 'an opinion').describe('the council\'s opinion on the item, published with the members\' vote at that time') }).meta({ id: 'OpinionBody' })

// ---------- views

export const CouncilValue = z.object({
  key: z.string(), label: z.string(), min: z.number().int(), max: z.number().int(),
  volunteers: z.number().int().describe('volunteers who gave this value (counts only, never who)'),
  seated: z.number().int().describe('members with this value (after the draw)')
}).meta({ id: 'CouncilValue' })
export const CouncilCategory = z.object({ key: z.string(), label: z.string(), values: z.array(CouncilValue) }).meta({ id: 'CouncilCategory' })

export const Opinion = z.object({
  itemId: z.string(), target: CouncilTarget, text: z.string(), vote: Tally, publishedAt: z.string()
}).meta({ id: 'Opinion', description: 'the council\'s published opinion on an agenda item, with the members\' vote on it' })

export const AgendaItem = z.object({
  id: z.string(), target: CouncilTarget, title: z.string().describe('what the item is, e.g. "Article 3" or an amendment\'s first words'),
  articleId: z.string().nullable(), note: z.string(), addedAt: z.string(), opinion: Opinion.nullable()
}).meta({ id: 'AgendaItem' })

export const CouncilLogEntry = z.object({
  at: z.string(), kind: z.enum(['declined']), member: PublicUser, replacement: PublicUser.nullable()
}).meta({ id: 'CouncilLogEntry' })

export const Council = z.object({
  billId: z.string(),
  size: z.number().int(),
  categories: z.array(CouncilCategory),
  status: z.enum(['recruiting', 'committed', 'drawn']),
  volunteersCount: z.number().int(),
  closesAt: z.string().nullable(),
  commitmentText: z.string(),
  commitment: z.object({ hash: z.string(), publicRandomness: z.string(), algorithm: z.string(), at: z.string() }).nullable()
    .describe('SHA-256 of the pool (pseudonymous ids and answers), the quotas and the algorithm version'),
  draw: z.object({
    value: z.string(), seed: z.string(), at: z.string(), maximin: z.number().describe('the smallest selection probability of any volunteer'),
    panels: z.number().int().describe('panels in the fair distribution'), strata: z.number().int()
  }).nullable(),
  members: z.array(PublicUser).describe('current members, by name'),
  alternates: z.number().int().describe('volunteers not seated who may still take a declined seat (who, and in which order, is in the audit under pseudonyms: every volunteer not drawn is an alternate, so names would reveal who volunteered)'),
  agenda: z.array(AgendaItem),
  opinions: z.array(Opinion),
  log: z.array(CouncilLogEntry)
}).meta({ id: 'Council' })

export const CouncilMe = z.object({
  volunteered: z.boolean(), answers: z.record(z.string(), z.string()).nullable().describe('one\'s own answers (never anyone else\'s)'),
  pseudonym: z.string().nullable().describe('one\'s pseudonymous id in the audit'),
  member: z.boolean(), alternate: z.boolean(), declined: z.boolean()
}).meta({ id: 'CouncilMe' })

export const CouncilArgument = z.object({
  id: z.string(), itemId: z.string(), side: z.enum(['for', 'against']), body: z.string(), author: PublicUser, createdAt: z.string()
}).meta({ id: 'CouncilArgument' })

export const Deliberation = z.object({
  items: z.array(z.object({
    item: AgendaItem, arguments: z.array(CouncilArgument), tally: Tally, myVote: VoteValue.nullable()
  }))
}).meta({ id: 'Deliberation', description: 'the members\' deliberation: per agenda item, their arguments and votes (members only)' })

export const AgendaProposals = z.object({
  supportedAmendments: z.array(z.object({ target: CouncilTarget, title: z.string(), support: z.number() })),
  supportedArguments: z.array(z.object({ target: CouncilTarget, title: z.string(), upvotes: z.number().int() })),
  debatedArticles: z.array(z.object({ target: CouncilTarget, title: z.string(), contributions: z.number().int() }))
}).meta({ id: 'AgendaProposals', description: 'what the synthesis proposes for the agenda: the most supported amendments and arguments, the most debated articles' })

/** The audit: everything needed to re-run the draw (`npm run verify-draw -- audit.json`). */
export const CouncilAudit = z.object({
  format: z.literal('alinea-council-audit/1'),
  billId: z.string(),
  algorithm: z.string(),
  quotas: z.object({
    size: z.number().int(),
    categories: z.array(z.object({ key: z.string(), values: z.array(z.object({ key: z.string(), min: z.number().int(), max: z.number().int() })) }))
  }),
  pool: z.array(z.object({ id: z.string(), answers: z.record(z.string(), z.string()) })).describe('pseudonymous ids, sorted'),
  commitment: z.string(),
  publicRandomness: z.string(),
  publicValue: z.string(),
  seed: z.string().describe('SHA-256(commitment + trimmed public value)'),
  distribution: z.object({
    denominator: z.number().int(),
    strata: z.array(z.object({ key: z.string(), answers: z.array(z.string()), members: z.array(z.string()) })),
    panels: z.array(z.object({ seats: z.array(z.number().int()), weight: z.number().int() })),
    maximin: z.number()
  }),
  probabilities: z.array(z.object({ id: z.string(), numerator: z.number().int(), denominator: z.number().int(), probability: z.number() })),
  result: z.object({
    panelIndex: z.number().int(),
    members: z.array(z.string()),
    alternates: z.array(z.object({ stratum: z.string(), ids: z.array(z.string()) }))
  }),
  replacements: z.array(z.object({ at: z.string(), declined: z.string(), replacement: z.string().nullable() }))
}).meta({ id: 'CouncilAudit' })

export type CouncilSetupBody = z.infer<typeof CouncilSetupBody>
export type CouncilView = z.infer<typeof Council>
export type CouncilMeView = z.infer<typeof CouncilMe>
export type AgendaItemView = z.infer<typeof AgendaItem>
export type OpinionView = z.infer<typeof Opinion>
export type DeliberationView = z.infer<typeof Deliberation>
export type CouncilAuditView = z.infer<typeof CouncilAudit>
export type CouncilTargetView = z.infer<typeof CouncilTarget>
export type AgendaProposalsView = z.infer<typeof AgendaProposals>

/** The council in the synthesis and its reports: composition against quotas and pool, and the opinions. */
export const CouncilSynthesis = z.object({
  size: z.number().int(),
  status: z.enum(['recruiting', 'committed', 'drawn']),
  volunteersCount: z.number().int(),
  commitment: z.string().nullable(),
  maximin: z.number().nullable().describe('the smallest selection probability of the draw'),
  categories: z.array(CouncilCategory).describe('per value: quota (min, max), volunteers in the pool, members seated'),
  opinions: z.array(z.object({ target: CouncilTarget, title: z.string(), articleId: z.string().nullable(), text: z.string(), vote: Tally, publishedAt: z.string() }))
}).meta({ id: 'CouncilSynthesis' })
export type CouncilSynthesisView = z.infer<typeof CouncilSynthesis>
