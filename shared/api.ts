/**
 * The HTTP contract as zod schemas: every request body the server accepts
 * and every response body it sends. The server validates with them, the
 * client types its calls with them, and the OpenAPI document is built from
 * them (server/http/openapi.ts).
 *
 * Request objects are strict: an unknown field is a 400, not silently ignored.
 */
import { z } from 'zod'
import { PROFILE_TYPES, ROLES, VOTE_VALUES } from './types.ts'

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
