/**
 * The text of a real dispositif before it is read: what parliaments publish is
 * HTML (the Sénat's CSV, the Assemblée's XML), typed with typographic quotes and
 * apostrophes, no-break spaces and non-breaking hyphens. These helpers turn it
 * into lines of plain text, and give the reader a normalised form of a line
 * (same phrases whatever the typography) without touching the quoted passages
 * it will cut out of the original.
 *
 * No Node or DOM API: the client reads dispositifs with the same code.
 */

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", laquo: '«', raquo: '»',
  rsquo: '\u2019', lsquo: '\u2018', rdquo: '\u201d', ldquo: '\u201c', hellip: '…', ndash: '–', mdash: '—',
  eacute: 'é', egrave: 'è', ecirc: 'ê', agrave: 'à', acirc: 'â', ccedil: 'ç', ocirc: 'ô', ucirc: 'û', ugrave: 'ù',
  icirc: 'î', iuml: 'ï', euml: 'ë', oelig: 'œ', Eacute: 'É', Egrave: 'È', Agrave: 'À', Ccedil: 'Ç', deg: '°', sup1: '¹', ordm: 'º'
}

/** Decode HTML character references (numeric, and the named ones French texts use). Unknown names stay as they are. */
export function decodeEntities (text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/giu, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    }
    return NAMED[ref] ?? whole
  })
}

/**
 * The lines of a dispositif published as HTML: one line per paragraph, line
 * break, list item or table row; tags dropped, entities decoded, blank lines
 * removed, each line trimmed. Plain text goes through unchanged (but trimmed).
 */
export function dispositifLines (html: string): string[] {
  const text = html
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/gu, '$1')
    .replace(/<(?:br|\/p|p|\/div|div|\/li|li|\/tr|tr|\/h\d|h\d|\/table)(?:\s[^>]*)?\/?>/giu, '\n')
    .replace(/<\/?t[dh](?:\s[^>]*)?>/giu, ' ')
    .replace(/<[^>]*>/gu, '')
  return decodeEntities(text).split(/\r\n|\r|\n/u).map(l => l.trim()).filter(l => l !== '')
}

/** The plain text of a dispositif published as HTML: its lines joined by line breaks. */
export function dispositifText (html: string): string {
  return dispositifLines(html).join('\n')
}

/**
 * One character for each variant a drafter may type: no-break and narrow
 * spaces become spaces, ’ ‘ ʼ become ', non-breaking hyphens become -. The
 * result has the same length as the input, so offsets found in it hold in the
 * original.
 */
export function foldTypography (text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2007\u2009\t]/gu, ' ')
    .replace(/[\u2019\u2018\u02bc]/gu, "'")
    .replace(/[\u2010\u2011]/gu, '-')
}

/** Spaces of every kind as one plain space each, runs collapsed. */
export function normalizeSpaces (s: string): string {
  return s.replace(/[\u00a0\u202f\u2007\u2009\t]/gu, ' ').replace(/\s+/gu, ' ')
}

/** A passage standing on its own line: without its quotation marks and the punctuation after them. */
export function passageOfLine (line: string): string {
  const s = line.trim()
  const m = /^[«"\u201c]\s?([^]*?)\s?[»"\u201d]\s*[.;,]?$/u.exec(s)
  if (m !== null) return m[1].trim()
  if ('«"\u201c'.includes(s[0])) return s.slice(1).trim()
  return s
}

/**
 * A line of legislative text rather than an instruction: it speaks of a code,
 * law or article and says what becomes of it (« Le code … est ainsi modifié : »).
 */
export function looksLegislative (line: string): boolean {
  return /\b(?:code|loi|ordonnance|constitution|article|livre|titre|chapitre|section|décret)\b/iu.test(line) &&
    /\b(?:est|sont|il est)\b.*\b(?:ainsi|modifiée?s?|complétée?s?|rédigée?s?|insérée?s?|abrogée?s?|remplacée?s?|supprimée?s?|compensée?s?|applicables?|s'applique)\b|^art\. /iu.test(line)
}
