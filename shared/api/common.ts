/** Shared pieces of the HTTP contract: limits, enums, errors, pages, tallies and public users. */
import { z } from 'zod'
import { PROFILE_TYPES, ROLES, VOTE_VALUES } from '../types.ts'
import { ERROR_CODES, FIELD_ERROR_CODES } from '../error-codes.ts'

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

export const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 date and time')
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'an id is letters, digits, "_" and "-"')

export const Role = z.enum(['citizen', 'author', 'staff', 'moderator', 'admin']).describe('citizen, author, staff, moderator or admin')
export const ProfileType = z.enum(['citizen', 'organisation', 'institution'])
export const VoteValue = z.enum(['for', 'mixed', 'against'])

// The enums above must list exactly the values of shared/types.ts.
const _sameRoles: readonly z.infer<typeof Role>[] = ROLES
const _sameProfiles: readonly z.infer<typeof ProfileType>[] = PROFILE_TYPES
const _sameVotes: readonly z.infer<typeof VoteValue>[] = VOTE_VALUES
void _sameRoles; void _sameProfiles; void _sameVotes

// ---------- errors

/** One field's problem in a 400 (`error.fields`); see shared/error-codes.ts. */
export const FieldErrorSchema = z.object({
  path: z.string().describe('dotted path of the field, e.g. "email" or "alineas.0"'),
  code: z.enum(FIELD_ERROR_CODES),
  minimum: z.number().optional().describe('the lower limit of `too_small`'),
  maximum: z.number().optional().describe('the upper limit of `too_big`'),
  origin: z.enum(['string', 'number', 'array', 'other']).optional().describe('what the limits count: characters, the value, items')
}).meta({ id: 'FieldError' })

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string().describe('in English, for developers and logs; clients word the code themselves'),
    details: z.unknown().optional(),
    fields: z.array(FieldErrorSchema).optional().describe('400 for a body, query or params against its schema: each field\'s problem')
  })
}).meta({ id: 'Error' })


export const PublicUser = z.object({ id: z.string(), displayName: z.string(), profileType: ProfileType }).meta({ id: 'PublicUser' })

const Counts = z.object({ for: z.number().int(), mixed: z.number().int(), against: z.number().int() })
export const TallyByRevision = z.object({
  since: z.number().int().describe('the revision in which the article\'s current text was published (its text is unchanged since)'),
  current: Counts.describe('votes cast on the current text: in revision `since` or later'),
  earlier: Counts.describe('votes cast on an earlier text of the article, not confirmed since')
}).meta({ id: 'TallyByRevision', description: 'an article\'s votes split by the text they were cast on; current + earlier = the totals' })
export const Tally = z.object({
  for: z.number().int(), mixed: z.number().int(), against: z.number().int(),
  byRevision: TallyByRevision.optional().describe('articles whose text changed after revision 1 only: the same votes split by the text they were cast on (absent: every vote is on the current text)')
}).meta({ id: 'Tally', description: 'the votes counted (for, mixed, against: all of them, whatever text they were cast on)' })

/** A page of a list: `next` is the cursor of the following page, null at the end. */
export function Page<T extends z.ZodType> (item: T) {
  return z.object({ items: z.array(item), next: z.string().nullable() })
}
