/**
 * The workbook for staff (exceljs's streaming WorkbookWriter, zipped as it
 * goes into the response): sheets Synthèse, Articles, Amendements, Arguments
 * and Participation (Synthesis, Articles, Amendments, Arguments, Participation
 * with `lang=en`: sheet names, headers and codes such as statuses, kinds and
 * votes in the report language), each with a bold frozen header row, an autofilter and
 * column widths. Rows are committed page by page from the store's cursors,
 * waiting for the response to drain between pages. Excel's limits are kept:
 * at most 1,048,575 rows under the header (the Synthesis sheet says when a
 * table is cut: the CSV export has it whole) and 32,767 characters a cell.
 * Text starting with = + - @ (or a tab, a carriage return) gets a leading
 * apostrophe, like the CSV, so that no cell turns into a formula.
 */
import type { Writable } from 'node:stream'
import { setImmediate as yieldNow } from 'node:timers/promises'
import ExcelJS from 'exceljs'
import type { CsvKind, ExportLang, SynthesisView } from '../../shared/api.ts'
import { synthesisOf } from '../domain/synthesis.ts'
import { drained } from './sink.ts'
import { amendmentPages, argumentPages, type ExportContext } from './records.ts'
import { amendmentRow, argumentRow, articleRow, columnsOf, type Cell } from './tables.ts'
import { xmlText } from './report.ts'
import { councilColumns, councilRows } from './council-report.ts'
import { localizer } from './localize.ts'
import { wordsOf, type Words } from './words.ts'

/** Data rows a sheet holds under its header. */
export const MAX_SHEET_ROWS = 1_048_575
/** Characters a cell holds. */
const MAX_CELL = 32_767

/** What a spreadsheet runs as a formula when a cell starts with it (the CSV's `escape_formulas` set). */
const FORMULA_START = /^[=+\-@\t\r]/

const cellValue = (v: Cell): ExcelJS.CellValue => {
  if (typeof v !== 'string') return v
  // A leading apostrophe, as in the CSV: the text stays text when the sheet is edited or re-saved as CSV.
  const safe = FORMULA_START.test(v) ? `'${xmlText(v)}` : xmlText(v)
  return safe.length > MAX_CELL ? `${safe.slice(0, MAX_CELL - 1)}…` : safe
}

type Sheet = ExcelJS.Worksheet

function sheet (wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: { key: string; header: string; width: number }[]): Sheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map(c => ({ header: c.header, key: c.key, width: c.width }))
  ws.getRow(1).font = { bold: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
  return ws
}

function addRow (ws: Sheet, keys: string[], row: Record<string, Cell>): void {
  ws.addRow(keys.map(k => cellValue(row[k] ?? null))).commit()
}

function synthesisSheet (wb: ExcelJS.stream.xlsx.WorkbookWriter, s: SynthesisView, notes: string[], w: Words): void {
  const ws = sheet(wb, w.sheets.synthesis, [{ key: 'k', header: w.indicator, width: 34 }, { key: 'v', header: w.value, width: 90 }])
  const p = s.participation
  const rows: [string, Cell][] = [
    [w.text, s.bill.title],
    [w.statusLabel, w.billStatus[s.bill.status]],
    [w.opens, s.bill.opensAt],
    [w.closes, s.bill.closesAt],
    [w.revision, s.bill.revision],
    [w.articles, s.articles.length],
    [w.participants, p.participants.total],
    [w.participantsOf(w.citizens.toLowerCase()), p.participants.citizen],
    [w.participantsOf(w.organisations.toLowerCase()), p.participants.organisation],
    [w.participantsOf(w.institutions.toLowerCase()), p.participants.institution],
    [w.votes, p.contributions.votes.total],
    [w.articleVotes, p.contributions.votes.articles],
    [w.amendmentVotes, p.contributions.votes.amendments],
    [w.argumentUpvotes, p.contributions.votes.arguments],
    [w.amendmentsLabel, p.contributions.amendments],
    [w.argumentsLabel, p.contributions.arguments],
    [w.rankingLabel, w.ranking],
    [w.established, s.generatedAt],
    ...notes.map((n): [string, Cell] => [w.note, n])
  ]
  for (const [k, v] of rows) addRow(ws, ['k', 'v'], { k, v })
  ws.commit()
}

/** Writes `pages` of rows into a new sheet, cut at Excel's row limit. */
async function tableSheet (wb: ExcelJS.stream.xlsx.WorkbookWriter, out: Writable, lang: ExportLang, kind: Exclude<CsvKind, 'votes' | 'participation'>, withNames: boolean, pages: AsyncIterable<Record<string, Cell>[]>): Promise<void> {
  const w = wordsOf(lang)
  const columns = columnsOf(kind, withNames, lang)
  const keys = columns.map(c => c.key)
  const ws = sheet(wb, w.sheets[kind], columns)
  const localized = localizer(kind, w, false)
  let n = 0
  for await (const page of pages) {
    for (const row of page) if (n++ < MAX_SHEET_ROWS) addRow(ws, keys, localized(row))
    if (n >= MAX_SHEET_ROWS) break
    await drained(out)
    await yieldNow()
  }
  ws.commit()
}

async function * rowsOf<T> (pages: AsyncIterable<T[]>, f: (t: T) => Record<string, Cell>): AsyncGenerator<Record<string, Cell>[]> {
  for await (const page of pages) yield page.map(f)
}

async function * once<T> (items: T[]): AsyncGenerator<T[]> { yield items }

/** Streams the workbook of a bill to `out` (which it ends). */
export async function writeXlsx (x: ExportContext, out: Writable, lang: ExportLang = 'fr'): Promise<void> {
  const s = await synthesisOf(x.ctx, x.bill)
  const w = wordsOf(lang)
  const staff = x.audience === 'staff'
  const notes: string[] = []
  const amendments = s.articles.reduce((n, a) => n + a.amendments.total + a.amendments.withdrawn, 0)
  if (amendments > MAX_SHEET_ROWS) notes.push(w.sheetCut(w.sheets.amendments, MAX_SHEET_ROWS))
  if (s.participation.contributions.arguments > MAX_SHEET_ROWS) notes.push(w.sheetCut(w.sheets.arguments, MAX_SHEET_ROWS))
  if (!staff) notes.push(w.publicVersion)
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'Alinea'
  wb.title = `${w.report} — ${s.bill.title}`
  synthesisSheet(wb, s, notes, w)
  await tableSheet(wb, out, lang, 'articles', staff, once(s.articles.map(articleRow)))
  await tableSheet(wb, out, lang, 'amendments', staff, rowsOf(amendmentPages(x, staff), amendmentRow))
  await tableSheet(wb, out, lang, 'arguments', staff, rowsOf(argumentPages(x, staff), argumentRow))
  const ws = sheet(wb, w.sheets.participation, [
    { key: 'day', header: w.dayUtc, width: 14 }, { key: 'votes', header: w.votes, width: 10 },
    { key: 'amendments', header: w.amendmentsLabel, width: 13 }, { key: 'arguments', header: w.argumentsLabel, width: 11 }
  ])
  for (const d of s.participation.days) addRow(ws, ['day', 'votes', 'amendments', 'arguments'], { ...d })
  ws.commit()
  if (s.council) {
    const columns = councilColumns(lang)
    const cs = sheet(wb, w.sheets.council, columns)
    for (const row of councilRows(s.council, lang)) addRow(cs, columns.map(c => c.key), row)
    cs.commit()
  }
  await wb.commit()
}
