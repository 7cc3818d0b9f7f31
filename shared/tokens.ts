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

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[-\u2011][\p{L}\p{M}\p{N}]+)*['\u2019]?|\s+|[^]/gu
const WORD_START = /^[\p{L}\p{M}\p{N}]/u
const SPACE_START = /^\s/u

/** The kind of a token: see the module comment. */
export type TokenKind = 'word' | 'space' | 'punct'

/**
 * Cut `text` into word, space and punctuation tokens. `tokenize(t).join('')`
 * is always `t`; the empty string gives no token.
 */
export function tokenize (text: string): string[] {
  return text.match(TOKEN) ?? []
}

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
