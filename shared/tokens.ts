/**
 * Word tokens of legislative text, shared by the amendment diff, the formal
 * wording and the three-way merge, so that all three agree on what "a word" is.
 *
 * A text is cut into three kinds of tokens, and joining the tokens always gives
 * back the exact text (nothing is normalised, not even whitespace):
 *
 * - **word**: a run of letters, combining marks and digits (`\p{L}\p{M}\p{N}`),
 *   so accented letters are letters ("président", "œuvre", "L. 1114-1" gives
 *   "L", ".", " ", "1114-1"). Two decisions, for legal French:
 *   - a hyphen or non-breaking hyphen *between* two letter/digit runs joins them:
 *     "accord-cadre", "quarante-huit", "1114-1" are one word each. A dash with
 *     spaces around it ("II. - L'accord") is punctuation.
 *   - an apostrophe (' or ’) right after letters ends the word it elides:
 *     "l'employeur" is "l'" + "employeur", "aujourd'hui" is "aujourd'" + "hui".
 *     The elided article is a word of its own, as a drafter would quote it
 *     (« substituer aux mots : « l'employeur » »), and a word is never split in
 *     the middle of its letters. An apostrophe that follows no letter is
 *     punctuation.
 * - **space**: a maximal run of whitespace (`\s`: spaces, non-breaking and narrow
 *   non-breaking spaces, tabs, line breaks).
 * - **punct**: any other single character (one code point): . , ; : « » " ( ) –
 *   and so on.
 *
 * Tokenising is context-free at token boundaries: tokenising any concatenation of
 * whole tokens of a text gives back those same tokens. Diff and merge rely on it.
 */

/** The definition of a token, as a regular expression; `tokenize` is a faster scanner giving the same tokens. */
export const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+(?:[-\u2011][\p{L}\p{M}\p{N}]+)*['\u2019]?|\s+|[^]/gu
const WORD_START = /^[\p{L}\p{M}\p{N}]/u
const SPACE_START = /^\s/u

const OTHER = 0
const WORD = 1
const SPACE = 2
/** Character classes of the Basic Multilingual Plane, filled on first use. */
const classes = new Uint8Array(0x10000)
const classed = new Uint8Array(0x10000)
const astral = new Map<number, number>()

function classify (cp: number): number {
  const ch = String.fromCodePoint(cp)
  return WORD_START.test(ch) ? WORD : SPACE_START.test(ch) ? SPACE : OTHER
}

function classOf (cp: number): number {
  if (cp < 0x10000) {
    if (classed[cp] === 0) { classes[cp] = classify(cp); classed[cp] = 1 }
    return classes[cp]
  }
  let c = astral.get(cp)
  if (c === undefined) { c = classify(cp); astral.set(cp, c) }
  return c
}

/** The code point at `i` (a lone surrogate is its own code point). */
function codeAt (text: string, i: number): number {
  return text.codePointAt(i) as number
}

/**
 * Cut `text` into word, space and punctuation tokens (see the module comment;
 * `TOKEN_PATTERN` is the definition). `tokenize(t).join('')` is always `t`;
 * the empty string gives no token.
 */
export function tokenize (text: string): string[] {
  const out: string[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const start = i
    let cp = codeAt(text, i)
    const cls = classOf(cp)
    i += cp > 0xffff ? 2 : 1
    if (cls === WORD) {
      for (;;) {
        while (i < n && classOf(cp = codeAt(text, i)) === WORD) i += cp > 0xffff ? 2 : 1
        const h = text.charCodeAt(i)
        if (i + 1 < n && (h === 0x2d || h === 0x2011) && classOf(codeAt(text, i + 1)) === WORD) { i++; continue }
        break
      }
      const a = text.charCodeAt(i)
      if (a === 0x27 || a === 0x2019) i++
    } else if (cls === SPACE) {
      while (i < n && classOf(cp = codeAt(text, i)) === SPACE) i += cp > 0xffff ? 2 : 1
    }
    out.push(text.slice(start, i))
  }
  return out
}

/** The kind of a token: see the module comment. */
export type TokenKind = 'word' | 'space' | 'punct'

/** The kind of a token produced by `tokenize` (looks at its first character). */
export function tokenKind (token: string): TokenKind {
  if (WORD_START.test(token)) return 'word'
  if (SPACE_START.test(token)) return 'space'
  return 'punct'
}

/** Whether a token is a word (letters, digits, possibly hyphenated or elided). */
export function isWord (token: string): boolean {
  return WORD_START.test(token)
}

/** Whether a token is whitespace. */
export function isSpace (token: string): boolean {
  return SPACE_START.test(token)
}

/** How many word tokens a text holds: "le mot" or "les mots" in a wording. */
export function countWords (text: string): number {
  let n = 0
  for (const t of tokenize(text)) if (isWord(t)) n++
  return n
}

/**
 * The character offsets where tokens of `text` start, plus `text.length`:
 * a passage is "made of whole words" of the text when it starts and ends at
 * such offsets. Returned as a sorted array of unique offsets.
 */
export function tokenBoundaries (text: string): number[] {
  const out = [0]
  let at = 0
  for (const t of tokenize(text)) {
    at += t.length
    out.push(at)
  }
  return out
}

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u
const SPACE_CHAR = /^\s$/u
const isHyphen = (c: string): boolean => c === '-' || c === '\u2011'
const isApostrophe = (c: string): boolean => c === "'" || c === '\u2019'

/** The code point that ends at offset `i`, or undefined at the start. */
function before (text: string, i: number): string | undefined {
  if (i <= 0) return undefined
  const low = text.charCodeAt(i - 1)
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2)
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i)
  }
  return text[i - 1]
}

/** The code point that starts at offset `i`, or undefined at the end. */
function at (text: string, i: number): string | undefined {
  if (i >= text.length) return undefined
  const cp = text.codePointAt(i) as number
  return String.fromCodePoint(cp)
}

/**
 * Whether a token of `text` starts (or ends) at offset `i`, decided from the
 * characters around `i` without tokenising the whole text: the same answer as
 * `tokenBoundaries(text).includes(i)`, in constant time. Used to check that a
 * quoted passage found by `indexOf` is made of whole tokens.
 */
export function isBoundary (text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return i === 0 || i === text.length
  const c = text.charCodeAt(i)
  if (c >= 0xdc00 && c <= 0xdfff) {
    const h = text.charCodeAt(i - 1)
    if (h >= 0xd800 && h <= 0xdbff) return false
  }
  const x = before(text, i) as string
  const y = at(text, i) as string
  const xSpace = SPACE_CHAR.test(x)
  const ySpace = SPACE_CHAR.test(y)
  if (xSpace || ySpace) return !(xSpace && ySpace)
  const xWord = WORD_CHAR.test(x)
  const yWord = WORD_CHAR.test(y)
  if (xWord && yWord) return false
  if (xWord && isApostrophe(y)) return false
  if (xWord && isHyphen(y)) {
    const z = at(text, i + y.length)
    return !(z !== undefined && WORD_CHAR.test(z))
  }
  if (isHyphen(x) && yWord) {
    const w = before(text, i - x.length)
    return !(w !== undefined && WORD_CHAR.test(w))
  }
  return true
}
