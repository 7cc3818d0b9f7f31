/**
 * Official amendments as a parliament publishes them, read from its files
 * (`an-xml.ts`, `senat-csv.ts`) into one shape, before they are matched to a
 * bill (`../amendment-import.ts`). Dispositifs and exposés are HTML in both
 * chambers' files; `htmlToLines` turns them into plain paragraphs.
 */
import { decodeHTML } from 'entities'

/** One official amendment, as read from a file. */
export interface OfficialAmendment {
  chamber: 'an' | 'senat'
  /** The official number as printed ("103", "COM-1 rect.", "II-1463 (2ème Rect)"). */
  number: string
  /** The subdivision it amends, as printed ("Article 2 bis", "TITRE II", "APRÈS ART. 8"); empty when none. */
  subdivision: string
  /** Whether it inserts an additional article, and on which side of `subdivision`'s article; null otherwise. */
  additional: 'after' | 'before' | null
  authors: string[]
  url: string | null
  /** The dispositif, one line per paragraph, as printed. */
  dispositif: string[]
  /** The exposé sommaire (objet), plain text. */
  explanation: string
  /** For a sub-amendment, the number of the amendment it amends; null otherwise. */
  parent: string | null
}

/** A file that cannot be read at all: what and where. */
export class UnreadableFile extends Error {
  constructor (message: string, readonly where: string | null = null) { super(message) }
}

/** Plain paragraphs of an HTML fragment: block ends and <br> break lines, tags go, entities are decoded (twice-escaped ones too). */
export function htmlToLines (html: string): string[] {
  const text = html
    .replace(/<\s*br\s*\/?\s*>/gi, '\n')
    .replace(/<\s*\/\s*(p|div|li|h\d|tr|body)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
  let decoded = decodeHTML(text)
  // The Assemblée escapes some fields twice (`&amp;#160;`): one more pass when an entity is left.
  if (/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/i.test(decoded)) decoded = decodeHTML(decoded)
  return decoded
    .split('\n')
    .map(l => l.replace(/[\s\u00a0\u202f]+/g, ' ').trim())
    .filter(l => l.length > 0)
}

/** Plain text of an HTML fragment: its paragraphs joined by blank lines. */
export function htmlToText (html: string): string {
  return htmlToLines(html).join('\n\n')
}

/** Authors from a printed list ("M. Door, Mme Poletti, M. Lurton"). */
export function splitAuthors (text: string): string[] {
  return htmlToLines(text).join(' ').split(/\s*,\s*|\s+et\s+/).map(s => s.trim()).filter(Boolean)
}
