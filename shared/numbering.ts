/**
 * Article numbers as parliaments print them: "1er", "2", "2 bis", "3 ter",
 * "4 quater A". An article inserted after article 2 is "2 bis", then "2 ter";
 * one inserted before article 2 is "2 A", then "2 B" (and before "2 A",
 * "2 AA"). Re-exported by text.ts, where the rest of the text layer lives.
 */

/** A parsed article number: "2 bis A" is `{ n: 2, suffix: 'bis A' }`, "1er" is `{ n: 1, suffix: null }`. */
export interface ArticleNum { n: number; suffix: string | null }

// Latin multiplicative adverbs, in order, with the spellings found in French
// and Italian texts; the value is the rank (bis = 2).
const LATIN: Record<string, number> = {}
const LATIN_ORDER = [
  ['bis'], ['ter'], ['quater'], ['quinquies'], ['sexies'], ['septies'], ['octies'], ['nonies', 'novies'],
  ['decies'], ['undecies'], ['duodecies'], ['terdecies', 'tredecies'], ['quaterdecies', 'quattuordecies'],
  ['quindecies', 'quinquiesdecies'], ['sexdecies', 'sexiesdecies'], ['septdecies', 'septiesdecies'],
  ['octodecies', 'octiesdecies', 'duodevicies'], ['novodecies', 'noviesdecies', 'noniesdecies', 'undevicies'],
  ['vicies'], ['unvicies', 'semelvicies'], ['duovicies', 'bisvicies'], ['tervicies'], ['quatervicies'],
  ['quinvicies', 'quinquiesvicies'], ['sexvicies', 'sexiesvicies'], ['septvicies', 'septiesvicies'],
  ['octovicies', 'duodetricies'], ['novovicies', 'undetricies'], ['tricies']
]
LATIN_ORDER.forEach((names, i) => { for (const name of names) LATIN[name] = i + 2 })

/**
 * The printed number of the n-th article: "1er" for 1 (French "premier"),
 * then "2", "3", ... Throws `RangeError` for anything but a positive integer.
 */
export function articleOrdinal (n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`Article ordinal must be a positive integer, got ${n}`)
  return n === 1 ? '1er' : String(n)
}

/**
 * Parse an article number as printed: digits, an optional "er", then Latin
 * adverbs ("bis", "ter", ...) and capital-letter groups ("A", "AA"),
 * separated by spaces or hyphens ("2 bis", "2-bis", "17-bis", "1er A").
 * "premier" and "unique" are 1; "préliminaire" and "liminaire" are 0 (an
 * article placed before the first). The suffix comes back normalised ("2-BIS"
 * gives 'bis'). Returns null for anything else ("L. 1114-1", "").
 */
export function parseArticleNum (num: string): ArticleNum | null {
  const text = num.normalize('NFC').trim()
  const word = text.toLowerCase()
  if (word === 'premier' || word === 'unique') return { n: 1, suffix: null }
  if (word === 'préliminaire' || word === 'liminaire') return { n: 0, suffix: null }
  const m = /^(\d{1,6})(?:\s*er(?![a-z]))?(.*)$/i.exec(text)
  if (!m) return null
  const tokens = m[2]!.split(/[\s\-\u00a0]+/).filter(Boolean)
  const parts: string[] = []
  for (const token of tokens) {
    const latin = token.toLowerCase()
    if (LATIN[latin] !== undefined) parts.push(latin)
    else if (/^[A-Z]{1,4}$/.test(token)) parts.push(token)
    else return null
  }
  return { n: Number(m[1]), suffix: parts.length ? parts.join(' ') : null }
}

/**
 * The printed form of an article number, normalised: "1 ER" and "premier"
 * give "1er", "2-BIS" gives "2 bis", "4 quater a" is refused (letters are
 * capitals). A plain "1" stays "1", as written. Returns null when the number
 * does not parse (see `parseArticleNum`).
 */
export function normaliseArticleNum (num: string): string | null {
  const parsed = parseArticleNum(num)
  if (!parsed) return null
  const word = num.normalize('NFC').trim().toLowerCase()
  if (word === 'premier') return '1er'
  if (!/^\d/.test(word)) return word
  const base = parsed.n === 1 && /^\d+\s*er(?![a-z])/.test(word) ? '1er' : String(parsed.n)
  return parsed.suffix ? `${base} ${parsed.suffix}` : base
}

/** Compare capital-letter groups: "AA" < "AB" < "A" < "B" < none, as inserted-before articles go. */
function compareLetters (a: string, b: string): number {
  const len = Math.min(a.length, b.length)
  for (let i = 0; i < len; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1
  }
  return b.length - a.length
}

/** Compare the suffixes of one base number: tokens in turn, a Latin rank before letters. */
function compareSuffixes (a: string[], b: string[]): number {
  for (let i = 0; ; i++) {
    const x = a[i]
    const y = b[i]
    if (x === undefined && y === undefined) return 0
    const xl = x !== undefined ? LATIN[x] : undefined
    const yl = y !== undefined ? LATIN[y] : undefined
    if (xl !== undefined || yl !== undefined) {
      // "2 A" (letters or nothing) comes before "2 bis".
      if (xl === undefined) return -1
      if (yl === undefined) return 1
      if (xl !== yl) return xl - yl
      continue
    }
    // Both letters, or one side ended: letters come before the bare number.
    const c = compareLetters(x ?? '', y ?? '')
    if (c !== 0) return c
  }
}

/**
 * Order two article numbers as they follow in a bill: "1er A" < "1er" <
 * "1er bis" < "2 AA" < "2 A" < "2" < "2 bis A" < "2 bis" < "2 ter" < "10".
 * Numbers that do not parse come after all others, in code-unit order.
 */
export function compareArticleNums (a: string, b: string): number {
  const x = parseArticleNum(a)
  const y = parseArticleNum(b)
  if (!x || !y) {
    if (x) return -1
    if (y) return 1
    return a < b ? -1 : a > b ? 1 : 0
  }
  if (x.n !== y.n) return x.n - y.n
  return compareSuffixes(x.suffix?.split(' ') ?? [], y.suffix?.split(' ') ?? [])
}

/*
 * Automatic article numbering of the working text (the editor's text rules,
 * client/codrafting/text-rules.ts), as a pure function over the article numbers
 * in document order. The rule (also in docs/ARCHITECTURE.md, "Editors' space"):
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
  else if (tokens.length === 1 && LATIN[tokens[0]] !== undefined) {
    // The next adverb after rank r (bis = 2) is LATIN_ORDER[r - 1], in its first spelling.
    const next = LATIN_ORDER[LATIN[tokens[0]] - 1]?.[0]
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
