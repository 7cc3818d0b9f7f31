/**
 * The workbook for staff (exceljs's streaming WorkbookWriter, zipped as it
 * goes into the response): sheets Synthesis, Articles, Amendments, Arguments
 * and Participation, each with a bold frozen header row, an autofilter and
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
import type { CsvKind, SynthesisView } from '../../shared/api.ts'
import { synthesisOf } from '../domain/synthesis.ts'
import { drained } from './sink.ts'
import { amendmentPages, argumentPages, type ExportContext } from './records.ts'
import { amendmentRow, argumentRow, articleRow, columnsOf, type Cell } from './tables.ts'
import { BILL_STATUS_FR, RANKING_FR, xmlText } from './report.ts'
import { COUNCIL_COLUMNS, councilRows } from './council-report.ts'

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

function synthesisSheet (wb: ExcelJS.stream.xlsx.WorkbookWriter, s: SynthesisView, notes: string[]): void {
  const ws = sheet(wb, 'Synthesis', [{ key: 'k', header: 'Indicateur', width: 34 }, { key: 'v', header: 'Valeur', width: 90 }])
  const p = s.participation
  const rows: [string, Cell][] = [
    ['Texte', s.bill.title],
    ['Statut', BILL_STATUS_FR[s.bill.status]],
    ['Ouverture', s.bill.opensAt],
    ['Clôture', s.bill.closesAt],
    ['Révision', s.bill.revision],
    ['Articles', s.articles.length],
    ['Participants', p.participants.total],
    ['Participants : citoyens', p.participants.citizen],
    ['Participants : organisations', p.participants.organisation],
    ['Participants : institutions', p.participants.institution],
    ['Votes', p.contributions.votes.total],
    ['Votes sur les articles', p.contributions.votes.articles],
    ['Votes sur les amendements', p.contributions.votes.amendments],
    ['Soutiens d\'arguments', p.contributions.votes.arguments],
    ['Amendements', p.contributions.amendments],
    ['Arguments', p.contributions.arguments],
    ['Classement', RANKING_FR],
    ['Établi le', s.generatedAt],
    ...notes.map((n): [string, Cell] => ['Remarque', n])
  ]
  for (const [k, v] of rows) addRow(ws, ['k', 'v'], { k, v })
  ws.commit()
}

/** Writes `pages` of rows into a new sheet, cut at Excel's row limit. */
async function tableSheet (wb: ExcelJS.stream.xlsx.WorkbookWriter, out: Writable, name: string, kind: CsvKind, withNames: boolean, pages: AsyncIterable<Record<string, Cell>[]>): Promise<void> {
  const columns = columnsOf(kind, withNames)
  const keys = columns.map(c => c.key)
  const ws = sheet(wb, name, columns)
  let n = 0
  for await (const page of pages) {
    for (const row of page) if (n++ < MAX_SHEET_ROWS) addRow(ws, keys, row)
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
export async function writeXlsx (x: ExportContext, out: Writable): Promise<void> {
  const s = await synthesisOf(x.ctx, x.bill)
  const staff = x.audience === 'staff'
  const notes: string[] = []
  const amendments = s.articles.reduce((n, a) => n + a.amendments.total + a.amendments.withdrawn, 0)
  if (amendments > MAX_SHEET_ROWS) notes.push(`La feuille Amendments s'arrête à ${MAX_SHEET_ROWS} lignes (limite d'Excel) : l'export CSV les contient tous.`)
  if (s.participation.contributions.arguments > MAX_SHEET_ROWS) notes.push(`La feuille Arguments s'arrête à ${MAX_SHEET_ROWS} lignes (limite d'Excel) : l'export CSV les contient tous.`)
  if (!staff) notes.push('Version publique : le texte des contributions masquées par la modération est retiré.')
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false })
  wb.creator = 'Alinea'
  wb.title = `Synthèse — ${s.bill.title}`
  synthesisSheet(wb, s, notes)
  await tableSheet(wb, out, 'Articles', 'articles', staff, once(s.articles.map(articleRow)))
  await tableSheet(wb, out, 'Amendments', 'amendments', staff, rowsOf(amendmentPages(x, staff), amendmentRow))
  await tableSheet(wb, out, 'Arguments', 'arguments', staff, rowsOf(argumentPages(x, staff), argumentRow))
  const ws = sheet(wb, 'Participation', [
    { key: 'day', header: 'Jour (UTC)', width: 14 }, { key: 'votes', header: 'Votes', width: 10 },
    { key: 'amendments', header: 'Amendements', width: 13 }, { key: 'arguments', header: 'Arguments', width: 11 }
  ])
  for (const d of s.participation.days) addRow(ws, ['day', 'votes', 'amendments', 'arguments'], { ...d })
  ws.commit()
  if (s.council) {
    const cs = sheet(wb, 'Council', COUNCIL_COLUMNS)
    for (const row of councilRows(s.council)) addRow(cs, COUNCIL_COLUMNS.map(c => c.key), row)
    cs.commit()
  }
  await wb.commit()
}
