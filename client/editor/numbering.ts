/**
 * Automatic article numbering of the working text, as a pure function over
 * the article numbers in document order. The rule (also in
 * docs/ARCHITECTURE.md, "Editors' space"):
 *
 * 1. Plain numbering. When every article number is a plain ordinal ("1er",
 *    "2", "3", or empty for a new article), articles are numbered 1er, 2, 3,
 *    ... in document order whenever articles are added, removed or moved, or
 *    a number is missing or repeated: an article added after article 1er
 *    becomes 2 and the following ones shift; a removal closes the gap.
 *    Typing alone never renumbers, so an imported "1er, 2, 5" stays as it is
 *    until the list of articles changes.
 * 2. Parliamentary numbering. When some number carries a suffix ("2 bis",
 *    "4 A"), the text follows a published numbering that references rely on:
 *    every number that follows its predecessor is kept (gaps left by removed
 *    articles stay), and only new, repeated or out-of-order articles get a
 *    number, the first that fits between their neighbours: the next integer
 *    at the end or when free ("6" after "5", "3" between "2" and "4"), else
 *    the next Latin adverb ("2 bis" after "2", "2 ter" after "2 bis"), else
 *    the letter form of the following number ("2 ter A" before "2 ter",
 *    "1er A" before "1er"). When nothing fits, the text falls back to plain
 *    numbering.
 */
import { articleOrdinal, compareArticleNums, parseArticleNum, type ArticleNum } from '../../shared/numbering.ts'

// The Latin adverbs of shared/numbering.ts, in order (one spelling each).
const LATIN = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'nonies', 'decies',
  'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies',
  'octodecies', 'novodecies', 'vicies']

function isPlain (num: string): boolean {
  if (num.trim() === '') return true
  const p = parseArticleNum(num)
  return p !== null && p.suffix === null && p.n >= 1
}

/** Whether each number is set and strictly after the previous one. */
export function numbersValid (nums: readonly string[]): boolean {
  for (let i = 0; i < nums.length; i++) {
    if (!nums[i].trim() || !parseArticleNum(nums[i])) return false
    if (i > 0 && compareArticleNums(nums[i - 1], nums[i]) >= 0) return false
  }
  return true
}

function sequential (count: number): string[] {
  return Array.from({ length: count }, (_, i) => articleOrdinal(i + 1))
}

function printed (p: ArticleNum, suffix: string | null): string {
  const base = p.n === 1 ? '1er' : String(p.n)
  return suffix ? `${base} ${suffix}` : base
}

/** Candidates for one number strictly between `lo` and `hi` (either may be absent), best first. */
function candidates (lo: string | null, hi: string | null): string[] {
  const out: string[] = []
  const l = lo === null ? null : parseArticleNum(lo)
  const h = hi === null ? null : parseArticleNum(hi)
  if (!l) {
    if (!h) out.push('1er')
    else out.push(`${hi} A`)
    return out
  }
  out.push(articleOrdinal(Math.max(1, l.n + 1)))
  const tokens = l.suffix?.split(' ') ?? []
  if (tokens.length === 0) out.push(printed(l, 'bis'))
  else if (tokens.length === 1 && LATIN.includes(tokens[0])) {
    const next = LATIN[LATIN.indexOf(tokens[0]) + 1]
    if (next) out.push(printed(l, next))
  }
  if (hi !== null) out.push(`${hi} A`)
  return out
}

function fits (num: string, lo: string | null, hi: string | null): boolean {
  if (!parseArticleNum(num)) return false
  if (lo !== null && compareArticleNums(lo, num) >= 0) return false
  if (hi !== null && compareArticleNums(num, hi) >= 0) return false
  return true
}

/** Parliamentary numbering (rule 2); null when some article cannot get a number. */
function keepNumbers (nums: readonly string[]): string[] | null {
  const kept: boolean[] = []
  let last: string | null = null
  for (const num of nums) {
    const ok = num.trim() !== '' && parseArticleNum(num) !== null && (last === null || compareArticleNums(last, num) < 0)
    kept.push(ok)
    if (ok) last = num
  }
  const out = nums.slice()
  let lo: string | null = null
  for (let i = 0; i < nums.length; i++) {
    if (kept[i]) { lo = nums[i]; continue }
    let j = i
    while (j < nums.length && !kept[j]) j++
    const hi = j < nums.length ? nums[j] : null
    for (let k = i; k < j; k++) {
      const num: string | undefined = candidates(lo, hi).find(c => fits(c, lo, hi))
      if (num === undefined) return null
      out[k] = num
      lo = num
    }
    i = j - 1
  }
  return out
}

/**
 * The numbers the articles should have. `nums` are the current numbers in
 * document order ("" for a new article); `structural` says whether the list
 * of articles changed (added, removed or moved) in the edit being handled.
 * Returns `nums` itself when nothing is to change.
 */
export function planNumbers (nums: readonly string[], structural: boolean): readonly string[] {
  if (nums.every(isPlain)) {
    if (!structural && numbersValid(nums)) return nums
    const next = sequential(nums.length)
    return next.every((n, i) => n === nums[i]) ? nums : next
  }
  if (numbersValid(nums)) return nums
  const kept = keepNumbers(nums) ?? sequential(nums.length)
  return kept.every((n, i) => n === nums[i]) ? nums : kept
}
