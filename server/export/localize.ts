/**
 * Rows of the staff tables in a report language: the codes of statuses,
 * kinds, places, profiles, moderation reasons, targets, sides, votes and
 * participation indicators replaced by their words (`words.ts`). The rows are
 * built in codes (`tables.ts`) and translated last, so the CSV without `lang`
 * and the open data keep the codes.
 */
import type { CsvKind } from '../../shared/api.ts'
import type { Cell } from './tables.ts'
import type { Words } from './words.ts'

type Row = Record<string, Cell>

/** The word of a code in `dict`, or the value as it is (an empty cell, a day, an unknown code). */
function word (dict: Record<string, string>, v: Cell): Cell {
  return typeof v === 'string' && Object.hasOwn(dict, v) ? dict[v] : v
}

/** Which column holds which kind of code, per table. */
function dictionaries (kind: CsvKind, w: Words): Record<string, Record<string, string>> {
  switch (kind) {
    case 'articles': return {}
    case 'amendments': return { kind: w.kind, position: w.position, status: w.status, author_profile: w.profile, hidden_reason: w.reason }
    case 'arguments': return { target_type: w.target, side: w.side, author_profile: w.profile, hidden_reason: w.reason }
    case 'votes': return { voter_profile: w.profile, target_type: w.target, value: w.vote }
    case 'participation': return { indicator: w.indicators, breakdown: w.breakdowns }
  }
}

/**
 * A function translating the rows of `kind` into the words of `w`; with
 * `plainText`, true and false become "oui"/"non" ("yes"/"no") and ISO times
 * "yyyy-mm-dd hh:mm:ss" (UTC) too (CSV: an XLSX keeps real booleans, which
 * the spreadsheet shows in its language).
 */
export function localizer (kind: CsvKind, w: Words, plainText: boolean): (row: Row) => Row {
  const dicts = Object.entries(dictionaries(kind, w))
  return row => {
    const out: Row = { ...row }
    for (const [key, dict] of dicts) out[key] = word(dict, out[key] ?? null)
    if (plainText) {
      for (const [key, v] of Object.entries(out)) {
        if (typeof v === 'boolean') out[key] = v ? w.yes : w.no
        else if (typeof v === 'string' && ISO_TIME.test(v)) out[key] = sheetTime(v)
      }
    }
    return out
  }
}

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/

/** "2026-12-04T18:45:40.476Z" -> "2026-12-04 18:45:40" (UTC), which spreadsheets read as a date and time. */
export function sheetTime (iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`
}
