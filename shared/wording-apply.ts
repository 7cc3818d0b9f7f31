/**
 * The operations of a formal amendment wording (dispositif), as data, and how
 * they apply to a base article. `wording-parse.ts` reads them from text,
 * `wording.ts` derives them from a diff; both meet here.
 *
 * Every operation is located in the BASE text: alinéa numbers are the base's
 * numbers (not as renumbered by earlier operations), and a quoted passage is
 * searched in the base alinéa, where it must occur exactly once, as whole words
 * (it starts and ends on token boundaries of `tokens.ts`: « mot » is not found
 * inside « mots »). Operations on one alinéa must not overlap.
 *
 * Quoted passages are trimmed words; the applier restores the spaces around
 * them the way a drafter expects (see `deleteRange` and `insertAt`).
 */

import { isBoundary } from './tokens.ts'
import { foldTypography } from './wording-text.ts'
import { isExtended, lowerOps } from './wording-extended.ts'

/** Thrown for a wording that cannot be read, or cannot be applied to its base text. */
export class WordingError extends Error {
  override name = 'WordingError'
  /** The 1-based line of the dispositif that could not be read, when the error is about reading. */
  readonly line?: number

  constructor (message: string, line?: number) {
    super(message)
    if (line !== undefined) this.line = line
  }
}

/**
 * One operation of a wording. Alinéa numbers are 1-based numbers in the base
 * text; `after: 0` inserts before the first alinéa. Passages (`words`, `by`,
 * `after`) are quoted text, located in the base alinéa.
 */
export type WordingOp =
  | { op: 'deleteArticle' }
  | { op: 'rewriteArticle'; alineas: string[] }
  | { op: 'deleteAlineas'; from: number; to: number }
  | { op: 'rewriteAlineas'; from: number; to: number; alineas: string[] }
  | { op: 'insertAlineas'; after: number; alineas: string[] }
  | { op: 'replaceWords'; alinea: number; words: string; by: string } & Within
  | { op: 'deleteWords'; alinea: number; words: string } & Within
  | { op: 'insertWords'; alinea: number; after: string; words: string } & Within
  | { op: 'prependWords'; alinea: number; words: string } & Within
  | { op: 'appendWords'; alinea: number; words: string } & Within
  | ExtendedOp

/**
 * Where a word operation looks for its passage, beyond its alinéa (both
 * optional, absent in what `wording.ts` writes): `sentence` (1-based, or
 * negative counting from the end: -1 is the last sentence), `occurrence`
 * (the n-th occurrence of the passage, or every one of them: « à chacune de
 * ses occurrences »). An operation with `alinea: 0` names no alinéa (the Sénat's
 * « Remplacer le mot : … » under an article): it applies to the one alinéa of
 * the article that holds its passage.
 */
export type Within = { sentence?: number; occurrence?: number | 'all' }

/**
 * The operations real dispositifs use beyond those Alinea writes (see
 * `wording-read.ts`). Sentence numbers are 1-based (negative from the end);
 * `after: 0` in `insertSentence` inserts before the first sentence.
 * `addArticle`, `content`, `deleteDivision` and `rewriteHeading` do not apply to
 * an article's alinéas: the caller recognises them (an additional article with
 * its place as printed, « 7 » or « 1er »; legislative text given as the
 * dispositif itself; a division deleted or retitled).
 */
export type ExtendedOp =
  | { op: 'appendAlineas'; alineas: string[] }
  | { op: 'insertWordsBefore'; alinea: number; before: string; words: string; sentence?: number }
  | { op: 'deleteSentences'; alinea: number; from: number; to: number }
  | { op: 'rewriteSentence'; alinea: number; sentence: number; text: string }
  | { op: 'insertSentence'; alinea: number; after: number; text: string }
  /** « Après le mot : « X », supprimer la fin de la phrase »; `sentence: 0` is the sentence holding X, absent the alinéa's end. */
  | { op: 'deleteEnd'; alinea: number; after: string; sentence?: number }
  | { op: 'rewriteEnd'; alinea: number; after: string; text: string; sentence?: number }
  | { op: 'addArticle'; position: { after: string } | { before: string }; alineas: string[] }
  | { op: 'content'; alineas: string[] }
  | { op: 'deleteDivision' }
  | { op: 'rewriteHeading'; text: string }

/** The operations that change words inside one alinéa. */
export type WordOp = Extract<WordingOp, { op: 'replaceWords' | 'deleteWords' | 'insertWords' | 'prependWords' | 'appendWords' }>

const WORD_OPS = new Set(['replaceWords', 'deleteWords', 'insertWords', 'prependWords', 'appendWords'])

/** Whether an operation edits words inside an alinéa (rather than whole alinéas). */
export function isWordOp (op: WordingOp): op is WordOp {
  return WORD_OPS.has(op.op)
}

/**
 * Apply parsed wording operations to a base article and return the amended
 * alinéas. Throws `WordingError` when an operation cannot apply: an alinéa
 * number out of range, an alinéa both deleted and edited, a passage that is
 * not found or not unique, overlapping edits.
 */
export function applyWording (ops: WordingOp[], base: string[]): string[] {
  if (!Array.isArray(ops) || !Array.isArray(base)) throw new RangeError('applyWording expects an array of operations and an array of alinéas')
  if (ops.some(isExtended)) ops = lowerOps(ops, base)
  const whole = ops.find(o => o.op === 'deleteArticle' || o.op === 'rewriteArticle')
  if (whole !== undefined) {
    if (ops.length > 1) throw new WordingError('An amendment that deletes or rewrites the whole article cannot carry other operations')
    return whole.op === 'rewriteArticle' ? [...whole.alineas] : []
  }
  const n = base.length
  const claimed: (string | null)[] = new Array(n + 1).fill(null)
  const replaced = new Map<number, string[]>() // first alinéa of a deleted/rewritten range -> what replaces the range
  const inserted = new Map<number, string[]>()
  const wordOps = new Map<number, WordOp[]>()
  const claim = (i: number, what: string): void => {
    checkNumber(i, 1, n, 'alinéa')
    if (claimed[i] !== null && !(what === 'words' && claimed[i] === 'words')) {
      throw new WordingError(`Alinéa ${i} is the target of two incompatible operations (${claimed[i]} and ${what})`)
    }
    claimed[i] = what
  }
  for (const op of ops) {
    switch (op.op) {
      case 'deleteAlineas':
      case 'rewriteAlineas': {
        if (op.to < op.from) throw new WordingError(`Alinéas ${op.from} to ${op.to}: the range is reversed`)
        for (let i = op.from; i <= op.to; i++) claim(i, op.op === 'deleteAlineas' ? 'deletion' : 'rewriting')
        replaced.set(op.from, op.op === 'rewriteAlineas' ? op.alineas : [])
        break
      }
      case 'insertAlineas': {
        checkNumber(op.after, 0, n, 'insertion point')
        const list = inserted.get(op.after)
        if (list === undefined) inserted.set(op.after, [...op.alineas])
        else list.push(...op.alineas)
        break
      }
      case 'deleteArticle':
      case 'rewriteArticle':
        break
      case 'replaceWords': case 'deleteWords': case 'insertWords': case 'prependWords': case 'appendWords': {
        claim(op.alinea, 'words')
        const list = wordOps.get(op.alinea)
        if (list === undefined) wordOps.set(op.alinea, [op])
        else list.push(op)
        break
      }
      default:
        throw new WordingError(`The operation ${op.op} cannot apply to an article's alinéas`)
    }
  }
  const out: string[] = [...(inserted.get(0) ?? [])]
  for (let i = 1; i <= n; i++) {
    const replacement = replaced.get(i)
    if (replacement !== undefined) out.push(...replacement)
    else if (claimed[i] === null) out.push(base[i - 1])
    else if (claimed[i] === 'words') out.push(applyWordOps(base[i - 1], wordOps.get(i) ?? [], i))
    out.push(...(inserted.get(i) ?? []))
  }
  return out
}

function checkNumber (i: number, min: number, max: number, what: string): void {
  if (!Number.isInteger(i) || i < min || i > max) {
    throw new WordingError(`No ${what} ${i} in the base text, which has ${max} alinéa${max === 1 ? '' : 's'}`)
  }
}

interface Edit { start: number; end: number; text: string; order: number }

/**
 * Apply word operations to one alinéa's base text (all located in that base
 * text) and return the new text. `number` only names the alinéa in errors.
 */
export function applyWordOps (text: string, ops: WordOp[], number = 0): string {
  const index = new PassageIndex(text, number)
  const edits: Edit[] = ops.map((op, order): Edit => {
    switch (op.op) {
      case 'replaceWords': {
        const [start, end] = index.locate(op.words)
        return { start, end, text: op.by, order }
      }
      case 'deleteWords': {
        const [start, end] = deleteRange(text, ...index.locate(op.words))
        return { start, end, text: '', order }
      }
      case 'insertWords': {
        const at = index.locate(op.after)[1]
        return { start: at, end: at, text: insertAt(text, at, nonEmpty(op.words, number)), order }
      }
      case 'prependWords':
        return { start: 0, end: 0, text: insertAt(text, 0, nonEmpty(op.words, number)), order }
      case 'appendWords':
        return { start: text.length, end: text.length, text: insertAt(text, text.length, nonEmpty(op.words, number)), order }
    }
  })
  edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order)
  let out = ''
  let at = 0
  for (const e of edits) {
    if (e.start < at) throw new WordingError(`Alinéa ${number}: two operations change the same words`)
    out += text.slice(at, e.start) + e.text
    at = e.end
  }
  return out + text.slice(at)
}

function nonEmpty (words: string, number: number): string {
  if (words === '') throw new WordingError(`Alinéa ${number}: nothing to insert`)
  return words
}

/** Finds quoted passages in an alinéa, as whole words, and insists they are unique. */
export class PassageIndex {
  constructor (readonly text: string, readonly number = 0) {}

  private whole (i: number, length: number): boolean {
    return isBoundary(this.text, i) && isBoundary(this.text, i + length)
  }

  /** How many times `passage` occurs as whole words (stops counting at 2). */
  count (passage: string): number {
    if (passage === '') return 0
    let found = 0
    for (let i = this.text.indexOf(passage); i >= 0 && found < 2; i = this.text.indexOf(passage, i + 1)) {
      if (this.whole(i, passage.length)) found++
    }
    return found
  }

  /**
   * The [start, end) offsets of the single occurrence of `passage`; throws
   * `WordingError` otherwise. When the passage is not found as typed, it is
   * looked for again with typography folded (’ for ', no-break spaces,
   * non-breaking hyphens: `foldTypography`), as a drafter's quote may differ
   * from the text in those only.
   */
  locate (passage: string): [number, number] {
    if (passage === '') throw new WordingError(`Alinéa ${this.number}: an empty quotation cannot be located`)
    let all = this.occurrences(passage, this.text)
    if (all.length === 0) all = this.occurrences(foldTypography(passage), foldTypography(this.text))
    if (all.length > 1) throw new WordingError(`Alinéa ${this.number}: the words « ${passage} » occur more than once`)
    if (all.length === 0) throw new WordingError(`Alinéa ${this.number}: the words « ${passage} » are not in the text`)
    return [all[0], all[0] + passage.length]
  }

  /** The start offsets of every whole-word occurrence of `passage` (typography folded if not found as typed). */
  every (passage: string): number[] {
    if (passage === '') return []
    const all = this.occurrences(passage, this.text)
    return all.length > 0 ? all : this.occurrences(foldTypography(passage), foldTypography(this.text))
  }

  private occurrences (passage: string, text: string): number[] {
    const out: number[] = []
    for (let i = text.indexOf(passage); i >= 0; i = text.indexOf(passage, i + 1)) {
      if (this.whole(i, passage.length)) out.push(i)
    }
    return out
  }
}

const SPACE = /\s/u
/** No space before these (French typography puts a space before ; : ! ? »). */
const NO_SPACE_BEFORE = new Set([',', '.', ')', ']', '}', '…', '-', '\u2011'])
/** No space after these: opening brackets, apostrophes, hyphens. */
const NO_SPACE_AFTER = new Set(['(', '[', '{', "'", '\u2019', '-', '\u2011'])

/** Whether a drafter would put a space between two characters. */
export function needsSpace (left: string | undefined, right: string | undefined): boolean {
  if (left === undefined || right === undefined) return false
  if (SPACE.test(left) || SPACE.test(right)) return false
  return !NO_SPACE_BEFORE.has(right) && !NO_SPACE_AFTER.has(left)
}

/**
 * The range actually removed when deleting the words at [start, end): the
 * words and one adjacent run of spaces, so that deleting « très » from
 * "il est très grand" gives "il est grand", and from "très grand, dit-il"
 * gives "grand, dit-il"; before closing punctuation the space before goes:
 * "un chat noir, ici" minus « noir » is "un chat, ici".
 */
export function deleteRange (text: string, start: number, end: number): [number, number] {
  const left = text[start - 1]
  const right = text[end]
  const spaceLeft = left !== undefined && SPACE.test(left)
  const spaceRight = right !== undefined && SPACE.test(right)
  if ((start === 0 || spaceLeft) && spaceRight) {
    while (end < text.length && SPACE.test(text[end])) end++
  } else if (spaceLeft && (right === undefined || NO_SPACE_BEFORE.has(right))) {
    while (start > 0 && SPACE.test(text[start - 1])) start--
  }
  return [start, end]
}

/**
 * The text actually inserted at offset `at`: the words with a space on the
 * side(s) where a drafter would put one, so that inserting « très » after
 * « est » in "il est grand" gives "il est très grand".
 */
export function insertAt (text: string, at: number, words: string): string {
  const left = at > 0 ? text[at - 1] : undefined
  const right = at < text.length ? text[at] : undefined
  const before = needsSpace(left, words[0]) ? ' ' : ''
  const after = needsSpace(words[words.length - 1], right) ? ' ' : ''
  return before + words + after
}
