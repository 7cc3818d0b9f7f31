/** Bills from Word and other formats: POST /bills/import (server/domain/bill-import.ts). */
import { z } from 'zod'
import { LIMITS } from './common.ts'
import { Bill } from './bills.ts'

export const BillImportFormat = z.enum(['docx', 'markdown', 'akn', 'lawfactory'])

export const BillImportBody = z.strictObject({
  format: BillImportFormat.describe('docx (Word), markdown, akn (Akoma Ntoso XML) or lawfactory (the-law-factory JSON)'),
  data: z.string().max(LIMITS.akn).optional().describe('the file as text (markdown, akn, lawfactory)'),
  dataBase64: z.string().max(LIMITS.akn).regex(/^[A-Za-z0-9+/\s]*={0,2}\s*$/, 'base64').optional().describe('the file\'s bytes in base64 (docx; any format)'),
  title: z.string().trim().min(1).max(LIMITS.title).optional().describe('the title, when the file does not give one'),
  dryRun: z.boolean().optional().describe('only say what would be recognised; nothing is created (or ?dryRun=1)')
}).refine(b => (b.data === undefined) !== (b.dataBase64 === undefined), { message: 'give data or dataBase64' })
  .meta({ id: 'BillImportBody' })

export const BillImportQuery = z.strictObject({
  dryRun: z.enum(['0', '1', 'true', 'false']).optional().describe('1 or true: only say what would be recognised; nothing is created')
})

export const BillImportResult = z.object({
  bill: Bill.nullable().describe('the draft created (null for a dry run)'),
  title: z.string(),
  summary: z.string(),
  recognised: z.object({
    divisions: z.array(z.object({ level: z.number().int(), title: z.string() })),
    articles: z.array(z.object({ num: z.string(), heading: z.string().nullable(), alineas: z.number().int() }))
  }),
  notRecognised: z.array(z.object({ paragraph: z.number().int().describe('1-based paragraph of the document; 0 for a whole article'), text: z.string(), reason: z.string() }))
}).meta({ id: 'BillImportResult' })

export type BillImportBody = z.infer<typeof BillImportBody>
export type BillImportResult = z.infer<typeof BillImportResult>
