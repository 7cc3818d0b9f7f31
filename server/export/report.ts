/**
 * What the HTML, PDF and DOCX reports share: French labels and number and
 * date formats, article titles, and amendment diffs as runs of text to mark
 * (inserted words underlined, deleted words struck), inline or in two
 * columns. The reports render the synthesis (`GET /synthesis`), so their
 * figures are the synthesis's.
 */
import type { ArticleDiff, WordPart } from '../../shared/diff.ts'
import type { AmendmentStatus, ProfileType } from '../../shared/types.ts'

/** A run of text and what the amendment does to it. */
export interface Run { text: string; op: 'equal' | 'insert' | 'delete' }

/** The French name of an amendment's status. */
export const STATUS_FR: Record<AmendmentStatus, string> = {
  proposed: 'en discussion', accepted: 'adopté', rejected: 'rejeté', withdrawn: 'retiré'
}

/** The French name of a profile type. */
export const PROFILE_FR: Record<ProfileType, string> = { citizen: 'citoyen', organisation: 'organisation', institution: 'institution' }

/** The French name of a bill's status. */
export const BILL_STATUS_FR = { draft: 'brouillon', open: 'ouverte', closed: 'close' } as const

/** The ranking method, as the reports state it. */
export const RANKING_FR = 'Les amendements sont classés selon la borne inférieure de l\'intervalle de Wilson à 95 % de leur taux de soutien ' +
  'parmi les votes (un vote « pour » compte 1, « mitigé » 1/2, « contre » 0) : un petit nombre de votes enthousiastes ne dépasse pas un ' +
  'soutien large et éprouvé, et les amendements que personne ne soutient viennent en dernier. Les arguments sont classés selon leurs soutiens. ' +
  'Les contributions masquées par la modération ne sont pas mises en avant.'

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
const integer = new Intl.NumberFormat('fr-FR')
const longDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' })
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

/** 0.1234 -> "12,3 %". */
export const pct = (x: number): string => percent.format(x)
/** 21330 -> "21 330". */
export const num = (n: number): string => integer.format(n)
/** An ISO date as "12 mars 2030" (UTC); a dash when missing. */
export const day = (iso: string | null): string => iso ? longDate.format(new Date(iso)) : '—'
/** An ISO time as "12 mars 2030 à 14:05 UTC". */
export const when = (iso: string): string => `${dateTime.format(new Date(iso))} UTC`
/** A support score with 3 decimals. */
export const score = (x: number): string => x.toFixed(3).replace('.', ',')

/** "Article 2 bis – Heading". */
export function articleTitle (num: string, heading: string | null): string {
  return `Article ${num}${heading ? ` – ${heading}` : ''}`
}

/** One alinéa of an inline diff: its number in the proposal (or base) and its runs. */
export interface InlineAlinea { label: string; runs: Run[] }

const runsOf = (parts: WordPart[]): Run[] => parts.map(p => ({ text: p.text, op: p.op }))

/** The diff as the proposed article with insertions and deletions marked, alinéa by alinéa. */
export function inlineDiff (diff: ArticleDiff): InlineAlinea[] {
  return diff.alineas.map(a => {
    switch (a.kind) {
      case 'kept': return { label: `al. ${a.proposed}`, runs: [{ text: a.text, op: 'equal' as const }] }
      case 'changed': return { label: `al. ${a.proposed}`, runs: runsOf(a.parts) }
      case 'deleted': return { label: `al. ${a.base} (supprimé)`, runs: [{ text: a.text, op: 'delete' as const }] }
      case 'inserted': return { label: `al. ${a.proposed} (nouveau)`, runs: [{ text: a.text, op: 'insert' as const }] }
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
        left: a.parts.filter(p => p.op !== 'insert').map(p => ({ text: p.text, op: p.op })),
        right: a.parts.filter(p => p.op !== 'delete').map(p => ({ text: p.text, op: p.op }))
      }
      case 'deleted': return { left: [{ text: a.text, op: 'delete' }], right: null }
      case 'inserted': return { left: null, right: [{ text: a.text, op: 'insert' }] }
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

/** The file name of an export: `alinea-<bill>-<what>.<ext>`, safe in a Content-Disposition header. */
export function fileName (billId: string, what: string, ext: string): string {
  return `alinea-${billId}-${what}.${ext}`.replace(/[^A-Za-z0-9._-]/g, '_')
}
