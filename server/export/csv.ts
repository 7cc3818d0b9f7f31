/**
 * CSV tables, one kind per file (`?kind=articles|amendments|arguments|votes|
 * participation`): UTF-8 with a byte order mark and CRLF line ends, so Excel
 * and LibreOffice open them with accents intact. With `lang`, the header row
 * and the codes (statuses, kinds, votes, yes/no) are in that language, and
 * with `lang=fr` fields are separated by semicolons and decimals written with
 * a comma, as Excel in French reads them (`sep` chooses another separator);
 * without `lang`, machine column names and codes, comma separated. RFC 4180 quoting by
 * csv-stringify, one page at a time, streamed with backpressure. A text
 * cell that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe, the usual guard against
 * CSV injection (csv-stringify's `escape_formulas`).
 */
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import type { CsvKind, CsvSeparator, ExportLang } from '../../shared/api.ts'
import { synthesisOf } from '../domain/synthesis.ts'
import { Sink } from './sink.ts'
import { amendmentPages, argumentPages, votePages, type ExportContext } from './records.ts'
import { amendmentRow, argumentRow, articleRow, columnsOf, participationRows, voteRow, type Cell } from './tables.ts'
import { localizer } from './localize.ts'
import { formatsOf, wordsOf } from './words.ts'

/** How a CSV table is written: its language (none: machine names and codes) and separator. */
export interface CsvOptions { lang: ExportLang | null; sep: CsvSeparator | null }

const SEPARATORS: Record<CsvSeparator, string> = { comma: ',', semicolon: ';', tab: '\t' }

/** The separator of a table: the one asked for, else a semicolon in French (Excel's list separator there), else a comma. */
export function separatorOf (options: CsvOptions): string {
  return SEPARATORS[options.sep ?? (options.lang === 'fr' ? 'semicolon' : 'comma')]
}

/** Writes a table of `kind` to `out` and ends it. */
export async function writeCsv (x: ExportContext, kind: CsvKind, out: Writable, options: CsvOptions = { lang: null, sep: null }): Promise<void> {
  const sink = new Sink(out)
  const lang = options.lang
  const columns = columnsOf(kind, x.audience === 'staff', lang ?? 'fr')
  const keys = columns.map(c => c.key)
  const localized = lang ? localizer(kind, wordsOf(lang), true) : (r: Record<string, Cell>) => r
  const decimal = formatsOf(lang ?? 'en').decimal
  let header = true
  const rows = (records: Record<string, Cell>[]): void => {
    const cells = records.map(r => { const l = localized(r); return keys.map(k => l[k] ?? null) })
    sink.push(stringify(header ? [lang ? columns.map(c => c.header) : keys, ...cells] : cells, {
      delimiter: separatorOf(options),
      bom: header,
      record_delimiter: 'windows',
      // Line breaks inside a cell (alinéas) are quoted, whichever they are: RFC 4180 readers need it.
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: { boolean: b => b ? 'true' : 'false', number: n => Number.isInteger(n) ? String(n) : decimal(n) }
    }))
    header = false
  }
  if (kind === 'articles' || kind === 'participation') {
    const synthesis = await synthesisOf(x.ctx, x.bill)
    rows(kind === 'articles' ? synthesis.articles.map(articleRow) : participationRows(synthesis))
  } else {
    const pages = kind === 'amendments'
      ? mapPages(amendmentPages(x, x.audience === 'staff'), amendmentRow)
      : kind === 'arguments' ? mapPages(argumentPages(x, x.audience === 'staff'), argumentRow) : mapPages(votePages(x), voteRow)
    for await (const page of pages) {
      rows(page)
      await sink.pause()
    }
  }
  if (header) rows([])
  await sink.end()
}

/** Maps each item of each page. */
async function * mapPages<T, U> (pages: AsyncIterable<T[]>, f: (t: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(f)
}
