/**
 * Download names of exports, from the bill's title rather than its id:
 * `<title>-<what>-<yyyy-mm-dd>.<ext>`, e.g.
 * `projet-de-loi-pour-une-republique-numerique-synthese-2026-12-04.pdf`.
 * The `filename` parameter is an ASCII slug (accents folded, anything but
 * letters and digits turned into one hyphen: no quote, slash, backslash or
 * control character can reach the header); `filename*` (RFC 5987/6266,
 * written by the `content-disposition` package) carries the accented form
 * for the browsers that read it. The title part is bounded, so a long title
 * still makes a name every file system takes.
 */
import { create as contentDisposition } from 'content-disposition'

/** Characters of the title part of a name. */
export const MAX_TITLE_CHARS = 80

// Letters that do not decompose into a base letter and accents.
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D' }

/** Cuts a slug at `max` characters (code points), at a hyphen when one is near, without a trailing hyphen. */
function bounded (slug: string, max: number): string {
  const chars = [...slug]
  if (chars.length <= max) return slug
  const cut = chars.slice(0, max).join('')
  const hyphen = cut.lastIndexOf('-')
  return (hyphen > max / 2 ? cut.slice(0, hyphen) : cut).replace(/-+$/, '')
}

/** The slug of a text with its accents: lower case, letters and digits of any script, hyphens between words. */
export function unicodeSlug (text: string, max = MAX_TITLE_CHARS): string {
  const slug = text.normalize('NFC').toLocaleLowerCase('fr').replace(/[^\p{L}\p{M}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
  return bounded(slug, max)
}

/** The slug of a text in ASCII: accents folded (é -> e, œ -> oe), everything else but a-z and 0-9 a hyphen. */
export function asciiSlug (text: string, max = MAX_TITLE_CHARS): string {
  const folded = text.replace(/[œŒæÆßøØđĐłŁþÞðÐ]/g, c => LIGATURES[c]).normalize('NFKD').replace(/\p{M}/gu, '')
  const slug = folded.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')
  return bounded(slug, max)
}

/** What a download is called: the ASCII name and the accented one (equal when the title has no accent). */
export interface DownloadName { ascii: string; unicode: string }

/**
 * The name of an export of a bill: its title's slug (the bill id when the
 * title has no letter or digit), what it is, the day (UTC), the extension.
 */
export function downloadName (bill: { id: string; title: string }, what: string, at: Date, ext: string): DownloadName {
  const date = at.toISOString().slice(0, 10)
  const tail = `-${asciiSlug(what)}-${date}.${ext}`
  const ascii = asciiSlug(bill.title) || asciiSlug(bill.id)
  const unicode = unicodeSlug(bill.title) || ascii
  return { ascii: `${ascii}${tail}`, unicode: `${unicode}${tail}` }
}

/** The Content-Disposition header of a download: `attachment; filename=ascii` and `filename*=UTF-8''…` when it differs. */
export function attachmentHeader (name: DownloadName): string {
  return contentDisposition(name.unicode, { type: 'attachment', fallback: name.ascii })
}
