/**
 * Bills from Word (.docx, read with mammoth) and from the formats Alinea
 * already reads (Markdown, Akoma Ntoso, the-law-factory JSON): the draft bill
 * and what was recognised and what was not. A dry run says the same without
 * creating anything. Authors and admins only; an unreadable file or one with
 * no article is a 4xx and nothing is stored.
 */
import mammoth from 'mammoth'
import type { Ctx, Actor } from './context.ts'
import type { BillRecord } from './store.ts'
import type { BillImportBody } from '../../shared/api.ts'
import type { BillBlock } from '../../shared/types.ts'
import { markdownToBlocks, TextError } from '../../shared/markdown.ts'
import { aknToBlocks } from '../../shared/akn-import.ts'
import { lawFactoryTitle, lawFactoryToBlocks } from '../../shared/lawfactory.ts'
import { readWordBill, type Unrecognised } from '../../shared/word-structure.ts'
import { LIMITS } from '../../shared/api.ts'
import { createBill } from './bills.ts'
import { Forbidden, InvalidInput, RuleBroken, Unauthenticated } from './errors.ts'

/** What an import read, before anything is created. */
export interface ImportReading { title: string | null; summary: string; blocks: BillBlock[]; notRecognised: Unrecognised[] }

const CREATORS = new Set(['author', 'admin'])

function bytesOf (body: BillImportBody): Buffer {
  if (body.dataBase64 !== undefined) return Buffer.from(body.dataBase64.replace(/\s+/gu, ''), 'base64')
  return Buffer.from(body.data ?? '', 'utf8')
}

/** Read the file of an import request; 400 when it cannot be read in its format. */
export async function readImport (body: BillImportBody): Promise<ImportReading> {
  const bytes = bytesOf(body)
  if (bytes.length === 0) throw new InvalidInput('the file is empty')
  const text = (): string => body.data ?? bytes.toString('utf8')
  try {
    switch (body.format) {
      case 'docx': {
        let raw: string
        try {
          raw = (await mammoth.extractRawText({ buffer: bytes })).value
        } catch (err) {
          throw new InvalidInput(`the file is not a readable .docx: ${err instanceof Error ? err.message.slice(0, 200) : 'unreadable'}`)
        }
        return readWordBill(raw.split(/\n+/u))
      }
      case 'markdown': return { title: null, summary: '', blocks: markdownToBlocks(text()), notRecognised: [] }
      case 'akn': {
        const akn = aknToBlocks(text())
        return { title: akn.title, summary: '', blocks: akn.blocks, notRecognised: [] }
      }
      case 'lawfactory': {
        let json: unknown
        try { json = JSON.parse(text()) } catch { throw new InvalidInput('the file is not JSON') }
        return { title: lawFactoryTitle(json), summary: '', blocks: lawFactoryToBlocks(json), notRecognised: [] }
      }
    }
  } catch (err) {
    if (err instanceof TextError) throw new InvalidInput(`invalid text: ${err.message}`, err.details)
    throw err
  }
}

/**
 * Import a bill: read it, refuse it when no article was recognised (422
 * `nothing_recognised`), and unless `dryRun` create the draft.
 */
export async function importBill (ctx: Ctx, actor: Actor, body: BillImportBody, dryRun: boolean): Promise<{ bill: BillRecord | null; reading: ImportReading; title: string }> {
  if (!actor) throw new Unauthenticated()
  if (!CREATORS.has(actor.role)) throw new Forbidden('only authors and admins may import bills')
  const reading = await readImport(body)
  const articles = reading.blocks.filter(b => b.kind === 'article')
  if (articles.length === 0) {
    throw new RuleBroken('nothing_recognised', 'no article was recognised in this file (« Article 1er », « Article 2 bis »…)', { notRecognised: reading.notRecognised.slice(0, 50) })
  }
  if (articles.length > LIMITS.articles) throw new InvalidInput(`the file has ${articles.length} articles; at most ${LIMITS.articles}`)
  const title = (body.title ?? reading.title ?? 'Projet importé').slice(0, LIMITS.title)
  if (dryRun) return { bill: null, reading, title }
  const summary = reading.summary.slice(0, LIMITS.summary)
  const bill = await createBill(ctx, actor, { title, summary }, reading.blocks)
  return { bill, reading, title }
}
