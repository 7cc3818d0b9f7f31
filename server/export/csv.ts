/**
 * CSV tables, one kind per file (`?kind=articles|amendments|arguments|votes|
 * participation`): UTF-8 with a byte order mark and CRLF line ends, so Excel
 * and LibreOffice open them with accents intact; RFC 4180 quoting by
 * csv-stringify, one page at a time, streamed with backpressure. A text
 * cell that a spreadsheet would run as a formula (starting with = + - @, a tab
 * or a carriage return) gets a leading apostrophe, the usual guard against
 * CSV injection (csv-stringify's `escape_formulas`).
 */
import type { Writable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import type { CsvKind } from '../../shared/api.ts'
import { synthesisOf } from '../domain/synthesis.ts'
import { Sink } from './sink.ts'
import { amendmentPages, argumentPages, votePages, type ExportContext } from './records.ts'
import { amendmentRow, argumentRow, articleRow, columnsOf, participationRows, voteRow, type Cell } from './tables.ts'

/** Writes a table of `kind` to `out` and ends it. */
export async function writeCsv (x: ExportContext, kind: CsvKind, out: Writable): Promise<void> {
  const sink = new Sink(out)
  const columns = columnsOf(kind, x.audience === 'staff')
  const keys = columns.map(c => c.key)
  let header = true
  const rows = (records: Record<string, Cell>[]): void => {
    sink.push(stringify(records.map(r => keys.map(k => r[k] ?? null)), {
      header,
      columns: header ? keys : undefined,
      bom: header,
      record_delimiter: 'windows',
      // Line breaks inside a cell (alinéas) are quoted, whichever they are: RFC 4180 readers need it.
      quote_record_delimiter: true,
      escape_formulas: true,
      cast: { boolean: b => b ? 'true' : 'false', number: n => String(n) }
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
