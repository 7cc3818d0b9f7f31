/**
 * What the HTML, PDF and DOCX reports share: the French labels and formats
 * (kept for Akoma Ntoso; the reports take theirs from `words.ts` in the
 * report language), article titles, and amendment diffs as runs of text to
 * mark (inserted words underlined, deleted words struck, never touching),
 * inline or in two columns. The reports render the synthesis (`GET /synthesis`), so their
 * figures are the synthesis's.
 */
import type { ArticleDiff, WordPart } from '../../shared/diff.ts'
import type { AmendmentStatus, ProfileType } from '../../shared/types.ts'
import { formatsOf, wordsOf, type Words } from './words.ts'

/** A run of text and what the amendment does to it. */
export interface Run { text: string; op: 'equal' | 'insert' | 'delete' }

const FR = wordsOf('fr')
const FR_FORMATS = formatsOf('fr')

/** The French name of an amendment's status. */
export const STATUS_FR: Record<AmendmentStatus, string> = FR.status

/** The French name of a profile type. */
export const PROFILE_FR: Record<ProfileType, string> = FR.profile

/** The French name of a bill's status. */
export const BILL_STATUS_FR = FR.billStatus

/** The ranking method, as the reports state it. */
export const RANKING_FR = FR.ranking

/** 0.1234 -> "12,3 %". */
export const pct = FR_FORMATS.pct
/** 21330 -> "21 330". */
export const num = FR_FORMATS.num
/** An ISO date as "12 mars 2030" (UTC); a dash when missing. */
export const day = FR_FORMATS.day
/** An ISO time as "12 mars 2030 à 14:05 UTC". */
export const when = FR_FORMATS.when
/** A support score with 3 decimals. */
export const score = FR_FORMATS.score

/** "Article 2 bis – Heading". */
export function articleTitle (num: string, heading: string | null): string {
  return `Article ${num}${heading ? ` – ${heading}` : ''}`
}

/** One alinéa of an inline diff: its number in the proposal (or base) and its runs. */
export interface InlineAlinea { label: string; runs: Run[] }

/**
 * Runs that read in black and white: the spaces at the edges of a marked run
 * are moved out of it (no underlined or struck blank), and a deletion that
 * touches an insertion gets a plain space between them, so "trente" struck
 * and "quinze" underlined never print as one word "trentequinze".
 */
export function spaced (runs: Run[]): Run[] {
  const out: Run[] = []
  const push = (r: Run): void => {
    if (r.text === '') return
    const last = out[out.length - 1]
    if (last && last.op === r.op) last.text += r.text
    else out.push({ ...r })
  }
  for (const r of runs) {
    if (r.op === 'equal') { push(r); continue }
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!
    const last = out[out.length - 1]
    push({ text: m[1], op: 'equal' })
    if (m[2] !== '' && m[1] === '' && last && last.op !== 'equal' && last.op !== r.op) push({ text: ' ', op: 'equal' })
    push({ text: m[2], op: r.op })
    push({ text: m[3], op: 'equal' })
  }
  return out
}

const runsOf = (parts: WordPart[]): Run[] => spaced(parts.map(p => ({ text: p.text, op: p.op })))

/** The diff as the proposed article with insertions and deletions marked, alinéa by alinéa. */
export function inlineDiff (diff: ArticleDiff, w: Words = FR): InlineAlinea[] {
  return diff.alineas.map(a => {
    switch (a.kind) {
      case 'kept': return { label: w.alinea(a.proposed), runs: [{ text: a.text, op: 'equal' as const }] }
      case 'changed': return { label: w.alinea(a.proposed), runs: runsOf(a.parts) }
      case 'deleted': return { label: w.alineaDeleted(a.base), runs: spaced([{ text: a.text, op: 'delete' as const }]) }
      case 'inserted': return { label: w.alineaNew(a.proposed), runs: spaced([{ text: a.text, op: 'insert' as const }]) }
    }
  })
}

/** One row of a two-column comparison: the base side (deletions marked) and the proposed side (insertions marked). */
export interface SideBySideRow { left: Run[] | null; right: Run[] | null }

/** The diff in two columns, "Texte initial | Texte consolidé" (or "| Amendement"). */
export function sideBySide (diff: ArticleDiff): SideBySideRow[] {
  return diff.alineas.map(a => {
    switch (a.kind) {
      case 'kept': return { left: [{ text: a.text, op: 'equal' }], right: [{ text: a.text, op: 'equal' }] }
      case 'changed': return {
        left: spaced(a.parts.filter(p => p.op !== 'insert').map(p => ({ text: p.text, op: p.op }))),
        right: spaced(a.parts.filter(p => p.op !== 'delete').map(p => ({ text: p.text, op: p.op })))
      }
      case 'deleted': return { left: spaced([{ text: a.text, op: 'delete' }]), right: null }
      case 'inserted': return { left: null, right: spaced([{ text: a.text, op: 'insert' }]) }
    }
  })
}

// Characters XML 1.0 does not allow (C0 controls but tab and line ends, lone surrogates, U+FFFE and U+FFFF).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text without the characters an XML document cannot hold (XLSX, DOCX and Akoma Ntoso are XML). */
export function xmlText (text: string): string {
  return text.replace(NOT_XML, '\uFFFD')
}

/** A copy of a JSON-like value with every string made XML-safe (for the DOCX report, built from the synthesis). */
export function xmlSafe<T> (value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => typeof v === 'string' ? xmlText(v) : v) as T
}
