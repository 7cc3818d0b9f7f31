/**
 * The small vocabulary of places in a French dispositif: ordinals (« deuxième
 * alinéa », « dernière phrase »), counts (« trois alinéas ainsi rédigés »), the
 * numbering of parts (« I. – », « 1° », « a) », « – ») and the place lines of the
 * Sénat style (« Alinéa 7 », « Alinéas 30 à 33 », « Alinéa 16, deuxième phrase »,
 * « Après l'article 7 »). Used by `wording-read.ts`; text is folded
 * (`foldTypography`) before it gets here.
 */

const ORDINALS: Record<string, number> = {
  premier: 1, première: 1, '1er': 1, '1re': 1, '1ère': 1, deuxième: 2, second: 2, seconde: 2, troisième: 3, quatrième: 4,
  cinquième: 5, sixième: 6, septième: 7, huitième: 8, neuvième: 9, dixième: 10, onzième: 11, douzième: 12,
  treizième: 13, quatorzième: 14, quinzième: 15, seizième: 16, 'dix-septième': 17, 'dix-huitième': 18,
  'dix-neuvième': 19, vingtième: 20, dernier: -1, dernière: -1, 'avant-dernier': -2, 'avant-dernière': -2
}

/** The words of an ordinal, for regular expressions (longest first). */
export const ORDINAL = '(?:' + Object.keys(ORDINALS).sort((a, b) => b.length - a.length).join('|') + '|\\d+e|\\d+ème)'

/** The number of an ordinal word (« deuxième » 2, « dernière » -1, « 4e » 4), or null. */
export function ordinal (word: string): number | null {
  const w = word.toLowerCase()
  if (w in ORDINALS) return ORDINALS[w]
  const m = /^(\d+)(?:e|ème)$/u.exec(w)
  return m === null ? null : Number.parseInt(m[1], 10)
}

const COUNTS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19, vingt: 20
}

/** The words of a count, for regular expressions. */
export const COUNT = '(?:' + Object.keys(COUNTS).sort((a, b) => b.length - a.length).join('|') + '|\\d+)'

/** The number a count word says (« trois » 3, « 12 » 12), or null. */
export function count (word: string): number | null {
  const w = word.toLowerCase()
  if (w in COUNTS) return COUNTS[w]
  return /^\d+$/u.test(w) ? Number.parseInt(w, 10) : null
}

/** The French word for a count up to twenty (« deux »), or the digits. */
export function countWord (n: number): string {
  const found = Object.entries(COUNTS).find(([w, v]) => v === n && w !== 'une')
  return found === undefined ? String(n) : found[0]
}

/**
 * The numbering that opens a line of a dispositif, and its level: 1 for
 * « I. – », « I. », « A. – »; 2 for « 1° », « 1°. »; 3 for « a) »; 4 for a dash.
 * `rest` is the line without it.
 */
export function numbering (line: string): { level: number; rest: string } | null {
  const forms: [RegExp, number][] = [
    [/^[IVXLC]+\s*(?:\.\s*[-–—]?|[-–—])\s*(?=\S)/u, 1],
    [/^[A-H]\s*\.\s*[-–—]\s*(?=\S)/u, 1],
    [/^\d+\s*°\s*(?:bis\s+|ter\s+)?\.?\s*[-–—]?\s*(?=\S)/u, 2],
    [/^[a-z]\s*\)\s*(?=\S)/u, 3],
    [/^[-–—•]\s+(?=\S)/u, 4]
  ]
  for (const [re, level] of forms) {
    const m = re.exec(line)
    if (m !== null) return { level, rest: line.slice(m[0].length) }
  }
  return null
}

/** Where a Sénat place line puts the operations that follow it. */
export interface Place {
  alineas?: number[]
  /** The sentences: one (`[n, n]`) or a range; negative from the end. */
  sentences?: [number, number]
  /** An insertion point among alinéas (« Après l'alinéa 1 »: 1; « Avant l'alinéa 1 »: 0). */
  insertAfter?: number
  /** An additional article's place (« Après l'article 7 »). */
  article?: { after: string } | { before: string }
}

/** An article number as printed: « 7 », « 1er », « 2 bis », « 4 A », « L. 32-1 » is not one. */
export const ARTICLE_NUMBER = "(\\d+(?:er)?(?:-\\d+)?(?: (?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|[A-Z]))*|premier|liminaire|préliminaire)"

function rangeOf (a: number, how: string, b: number): number[] {
  if (how.toLowerCase() === 'et') return [a, b]
  const out: number[] = []
  for (let i = a; i <= b && out.length < 1000; i++) out.push(i)
  return out
}

/**
 * Read a line that only names a place (the Sénat prints it above the
 * operation), or return null. `line` is folded and without numbering.
 */
export function readPlace (line: string): Place | null {
  const s = line.replace(/\s*[:.]\s*$/u, '').trim()
  let m = /^alinéa (\d+)$/iu.exec(s)
  if (m !== null) return { alineas: [Number(m[1])] }
  m = /^alinéas (\d+) (à|et) (\d+)$/iu.exec(s)
  if (m !== null) return { alineas: rangeOf(Number(m[1]), m[2], Number(m[3])) }
  m = new RegExp(`^(?:alinéa (\\d+), )?(?:à la |la )?(${ORDINAL}) phrase$`, 'iu').exec(s)
  if (m !== null) {
    const n = ordinal(m[2]) as number
    return m[1] === undefined ? { sentences: [n, n] } : { alineas: [Number(m[1])], sentences: [n, n] }
  }
  m = new RegExp(`^(?:alinéa (\\d+), )?(?:aux |les )?(${ORDINAL}) et (${ORDINAL}) phrases$`, 'iu').exec(s)
  if (m !== null) {
    const place: Place = { sentences: [ordinal(m[2]) as number, ordinal(m[3]) as number] }
    if (m[1] !== undefined) place.alineas = [Number(m[1])]
    return place
  }
  m = /^(après|avant) l'alinéa (\d+)$/iu.exec(s)
  if (m !== null) return { insertAfter: m[1].toLowerCase() === 'après' ? Number(m[2]) : Number(m[2]) - 1 }
  m = new RegExp(`^(après|avant) l'article ${ARTICLE_NUMBER}$`, 'iu').exec(s)
  if (m !== null) return { article: m[1].toLowerCase() === 'après' ? { after: m[2] } : { before: m[2] } }
  m = new RegExp(`^article ${ARTICLE_NUMBER}$`, 'iu').exec(s)
  if (m !== null) return {}
  return null
}
