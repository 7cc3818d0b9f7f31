/**
 * Amendments proposed or imported at the level of a bill: an additional
 * article (POST /bills/:billId/amendments) and official amendments of a
 * parliament (POST /bills/:billId/amendments/import).
 */
import { z } from 'zod'
import { LIMITS } from './common.ts'
import { AMENDMENT_LIMITS, ArticlePosition } from './amendments.ts'
import { WORDING_LIMITS, WordingLang } from './wording.ts'

/** Sizes of official imports. */
export const IMPORT_LIMITS = {
  /** Bytes of the JSON body of an import: 413 above. */
  bodyBytes: 30_000_000,
  /** Characters of `data` (or of `dataBase64`): 413 above. */
  data: 20_000_000,
  /** Amendments in one file. */
  amendments: 5000
} as const

export const AddArticleBody = z.strictObject({
  position: ArticlePosition.optional().describe('the new article goes after or before this article of the base revision (required with alineas)'),
  heading: z.string().trim().min(1).max(LIMITS.title).optional().describe('the new article\'s heading, if any'),
  alineas: z.array(z.string().trim().min(1, 'an alinéa cannot be empty').max(LIMITS.alinea)).min(1, 'an additional article needs at least one alinéa').max(LIMITS.alineas)
    .optional().describe('the new article, one string per alinéa (give alineas and position, or dispositif)'),
  dispositif: z.string().trim().min(1, 'the dispositif is empty').max(WORDING_LIMITS.text).optional()
    .describe('instead: « Après l\'article 7, insérer un article additionnel ainsi rédigé : » and its alinéas, in either house style; the place comes from the text (422 wording_unreadable / wording_not_applicable)'),
  lang: WordingLang.optional().describe('the language of the dispositif (fr by default)'),
  explanation: z.string().trim().min(1, 'the explanation (exposé sommaire) is required').max(AMENDMENT_LIMITS.explanation).describe('the exposé sommaire: why'),
  baseRevision: z.number().int().min(1).describe('the revision the position refers to')
}).refine(b => b.dispositif !== undefined ? b.alineas === undefined && b.position === undefined : b.alineas !== undefined && b.position !== undefined, {
  message: 'give either position and alineas, or dispositif'
}).meta({ id: 'AddArticleBody' })

export const ImportAmendmentsBody = z.strictObject({
  format: z.enum(['an-xml', 'senat-csv']).describe('an-xml: the Assemblée nationale\'s XML (one <amendement> or a liasse); senat-csv: the Sénat\'s « jeu complet », tab-separated'),
  data: z.string().min(1).max(IMPORT_LIMITS.data).optional().describe('the file as text'),
  dataBase64: z.string().min(1).max(IMPORT_LIMITS.data).optional().describe('or its bytes, base64 (Latin-1 or UTF-8)')
}).refine(b => (b.data === undefined) !== (b.dataBase64 === undefined), { message: 'give exactly one of `data` and `dataBase64`' })
  .meta({ id: 'ImportAmendmentsBody' })

export const ImportReport = z.object({
  imported: z.array(z.object({
    amendmentId: z.string(),
    number: z.string().describe('the official number as printed'),
    amendmentNumber: z.number().int().describe('its number in Alinea (« n° 12 »)'),
    applies: z.boolean(),
    reason: z.string().optional().describe('why it does not apply to the bill\'s text')
  })),
  notImported: z.array(z.object({ number: z.string(), reason: z.string() }))
}).meta({ id: 'ImportReport', description: 'everything the file held: imported or not, and why' })

export type AddArticleBody = z.infer<typeof AddArticleBody>
export type ImportAmendmentsBody = z.infer<typeof ImportAmendmentsBody>
export type ImportReportView = z.infer<typeof ImportReport>
