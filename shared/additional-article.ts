/**
 * Additional articles (« article additionnel »): their wording, and where and
 * under which number they go in a consolidated text.
 *
 * Wording: « Après l'article 2, insérer un article additionnel ainsi rédigé : »
 * then the alinéas, each opened by « and the last closed by », as both
 * chambers print them; in English "After article 2, insert an additional
 * article worded as follows:" and the alinéas in double quotes.
 *
 * Numbers, as a parliament numbers an inserted article: after "2", "2 bis",
 * then "2 ter" (after "2 bis", "2 ter"); when the next Latin adverb would not
 * fit before the following article (after "2" when "2 bis" exists), or
 * before the first article, the letter form of the following number: "2 bis A",
 * "1er A", then "1er B". A number already in the text is never given twice.
 */
import { compareArticleNums, parseArticleNum } from './numbering.ts'

const NBSP = '\u00a0'
const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'decies', 'undecies', 'duodecies',
  'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies', 'novodecies', 'vicies']
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** Where an additional article goes, relative to an article of the bill (its anchor). */
export type AnchorSide = 'after' | 'before'

/**
 * The dispositif of an additional article in `lang`: the header line naming
 * the place, then the alinéas (the heading first, when there is one, as
 * « Art. 2 bis – heading » is not ours to number: it reads « Heading »).
 */
export function additionalArticleWording (side: AnchorSide, anchorNum: string, alineas: readonly string[], lang: 'fr' | 'en', heading: string | null = null): string {
  const lines = heading ? [heading, ...alineas] : [...alineas]
  if (lang === 'fr') {
    const place = side === 'after' ? `Après l'article ${anchorNum}` : `Avant l'article ${anchorNum}`
    const body = lines.map((a, i) => `«${NBSP}${a}${i === lines.length - 1 ? `${NBSP}»` : ''}`)
    return [`${place}, insérer un article additionnel ainsi rédigé${NBSP}:`, ...body].join('\n')
  }
  const place = side === 'after' ? `After article ${anchorNum}` : `Before article ${anchorNum}`
  const body = lines.map((a, i) => `"${a}${i === lines.length - 1 ? '"' : ''}`)
  return [`${place}, insert an additional article worded as follows:`, ...body].join('\n')
}

/** The Latin rank of a suffix's first word ("bis" 0, "ter" 1 ...), or -1 when it has none. */
function latinRank (suffix: string | null): number {
  const first = suffix?.split(' ')[0] ?? ''
  return LATIN.indexOf(first)
}

/** Whether `num` fits strictly between `prev` and `next` (either may be absent) and is free. */
function fits (num: string, prev: string | null, next: string | null, taken: ReadonlySet<string>): boolean {
  if (taken.has(num)) return false
  if (prev !== null && compareArticleNums(prev, num) >= 0) return false
  if (next !== null && compareArticleNums(num, next) >= 0) return false
  return true
}

/**
 * The number of an article inserted between `prev` and `next` (article
 * numbers as printed; null at either end of the bill), avoiding `taken`.
 * After "2": "2 bis"; after "2 bis": "2 ter"; before "1er": "1er A", "1er B"
 * (when "1er A" is taken, "1er AA" would come before it: letters go on
 * upward from the last one taken). Falls back to `prev` + " bis A" style
 * letters, and in the worst case to "prev + n" words never seen in print.
 */
export function insertedArticleNum (prev: string | null, next: string | null, taken: ReadonlySet<string>): string {
  if (prev !== null) {
    const p = parseArticleNum(prev)
    if (p) {
      const base = p.n === 1 && /^1\s*er/i.test(prev.trim()) ? '1er' : String(p.n)
      // "2" -> "2 bis"; "2 bis" -> "2 ter"; letters after an adverb ("2 bis A") keep the adverb's rank.
      const onlyLatin = p.suffix === null || p.suffix.split(' ').length === 1
      if (onlyLatin && (p.suffix === null || latinRank(p.suffix) >= 0)) {
        for (let r = latinRank(p.suffix) + 1; r < LATIN.length; r++) {
          const num = `${base} ${LATIN[r]}`
          if (fits(num, prev, next, taken)) return num
          if (next !== null && compareArticleNums(num, next) >= 0) break
        }
      }
    }
  }
  if (next !== null) {
    for (const letter of LETTERS) {
      const num = `${next} ${letter}`
      if (fits(num, prev, next, taken)) return num
    }
  }
  if (prev !== null) {
    for (const letter of LETTERS) {
      const num = `${prev} ${letter}`
      if (fits(num, prev, next, taken)) return num
    }
  }
  let i = 1
  while (taken.has(`${prev ?? next ?? ''} (${i})`)) i++
  return `${prev ?? next ?? ''} (${i})`
}

/** An additional article to place: its id, its anchor (an article id) and side. */
export interface Insertion { id: string; anchor: string; side: AnchorSide }

/** An entry of a text with its additional articles: an article of the text, or an insertion with its number. */
export type Placed<A> = { kind: 'article'; article: A } | { kind: 'insertion'; insertion: Insertion; num: string }

/**
 * The articles with the insertions at their place, numbered: insertions after
 * an article come right after it (in the given order, each after the
 * previous one), insertions before an article right before it. Insertions
 * whose anchor is not in `articles` are left out (the caller reports them).
 */
export function placeInsertions<A extends { id: string; num: string }> (articles: readonly A[], insertions: readonly Insertion[]): Placed<A>[] {
  const taken = new Set(articles.map(a => a.num))
  const out: Placed<A>[] = []
  const known = new Set(articles.map(a => a.id))
  const before = (id: string): Insertion[] => insertions.filter(i => i.side === 'before' && i.anchor === id && known.has(i.anchor))
  const after = (id: string): Insertion[] => insertions.filter(i => i.side === 'after' && i.anchor === id && known.has(i.anchor))
  // Pending insertions of one gap, numbered once the gap's next article is known.
  let gap: Insertion[] = []
  let prevNum: string | null = null
  const flush = (nextNum: string | null): void => {
    for (const insertion of gap) {
      const num = insertedArticleNum(prevNum, nextNum, taken)
      taken.add(num)
      out.push({ kind: 'insertion', insertion, num })
      prevNum = num
    }
    gap = []
  }
  for (const article of articles) {
    gap.push(...before(article.id))
    flush(article.num)
    out.push({ kind: 'article', article })
    prevNum = article.num
    gap.push(...after(article.id))
  }
  flush(null)
  return out
}

/** The article an amendment is about: the one it rewrites, or for an additional article the one it goes next to. */
export function amendmentPlace (a: { articleId: string | null; position: { after: string } | { before: string } | null }): string {
  if (a.articleId !== null) return a.articleId
  if (a.position === null) throw new RangeError('an amendment has an article or a position')
  return 'after' in a.position ? a.position.after : a.position.before
}
