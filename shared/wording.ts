/**
 * The formal wording of an amendment (the dispositif a parliament prints),
 * written from an `ArticleDiff` in French or English.
 *
 * The wording says what a drafter would: whole alinéas deleted, rewritten or
 * inserted (« Supprimer l'alinéa 3. », « Après l'alinéa 4, insérer l'alinéa
 * suivant : »), and inside a changed alinéa, word operations listed in the order
 * of the text, each located in the base text (« À l'alinéa 2, substituer aux
 * mots : « trente jours » les mots : « quinze jours ». »). A quoted passage must
 * occur once in its alinéa, so it is widened with neighbouring words until it
 * does; a passage is made of whole words and holds at least one word (a lone
 * comma is quoted with its word). When widening reaches another change, the two
 * merge into one substitution.
 *
 * The shortest faithful wording wins: an alinéa whose word operations would
 * take longer to read than the alinéa itself is rewritten (« Rédiger ainsi
 * l'alinéa 2 : »), and the whole article is rewritten when that is shorter.
 * Length is reading cost: the quoted text plus a fixed price per operation
 * (see `cost`), not the printed phrases.
 * Every wording is checked before it is returned: it is parsed back and applied
 * to the base text, and if that does not give the proposed text exactly (a
 * quotation mark inside a passage could make a line ambiguous) the alinéa, or
 * else the article, is rewritten instead. So, for every base and proposed text,
 * `applyWording(parseWording(wording(diffArticle(base, proposed), lang), lang), base)`
 * equals `proposed`.
 *
 * The parser and applier live in `wording-parse.ts` and `wording-apply.ts`; they
 * are re-exported here so callers import one module.
 */

import { type ArticleDiff, type ChangedAlinea, baseFrom, proposedFrom, sideText } from './diff.ts'
import { applyWording, applyWordOps, PassageIndex, type WordingOp, type WordOp } from './wording-apply.ts'
import { formatOp, formatWording, parseWording, type WordingLang } from './wording-parse.ts'
import { isSpace, isWord, tokenize } from './tokens.ts'
import type { WordingStyle } from './wording-senat.ts'

export { applyWording, WordingError, type ExtendedOp, type Within, type WordingOp } from './wording-apply.ts'
export { formatWording, parseWording, type WordingLang } from './wording-parse.ts'
export { readDispositif } from './wording-read.ts'
export { dispositifLines, dispositifText } from './wording-text.ts'
export { WORDING_STYLES, type WordingStyle } from './wording-senat.ts'

/** How `wordingOps` chooses between word operations and rewriting. */
export interface WordingOptions {
  /**
   * `shortest` (default) picks the shortest faithful wording; `operations`
   * never rewrites the whole article, nor an alinéa unless it must (useful to
   * show every change, and in tests).
   */
  prefer?: 'shortest' | 'operations'
  /** The house style of a French wording (`assemblee` by default; see `wording-senat.ts`). */
  style?: WordingStyle
}

/**
 * The formal wording of an amendment, as printed text in `lang`. An unchanged
 * article gives the empty string. Throws `RangeError` if an alinéa holds a line
 * break (alinéas are single paragraphs).
 */
export function wording (diff: ArticleDiff, lang: WordingLang, options: WordingOptions = {}): string {
  return formatWording(wordingOps(diff, lang, options), lang, options.style)
}

/** The operations of the wording of `diff` (see `wording`), checked to round-trip in `lang`. */
export function wordingOps (diff: ArticleDiff, lang: WordingLang, options: WordingOptions = {}): WordingOp[] {
  const base = baseFrom(diff)
  const proposed = proposedFrom(diff)
  if (sameList(base, proposed)) return []
  if (proposed.length === 0) return [{ op: 'deleteArticle' }]
  const rewrite: WordingOp[] = [{ op: 'rewriteArticle', alineas: proposed }]
  if (base.length === 0) return rewrite
  const style = options.style ?? 'assemblee'
  const ops = mergeStructural(alineaOps(diff, lang, options.prefer ?? 'shortest', style))
  if (options.prefer !== 'operations' && cost(rewrite) < cost(ops)) return rewrite
  return roundTrips(ops, base, proposed, lang, style) ? ops : rewrite
}

function sameList (a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** What an operation costs to read: the text it quotes, plus a fixed price for the phrase. */
const OP_COST = 12

/**
 * The reading cost of a wording: quoted characters plus `OP_COST` per
 * operation. "Shortest" is measured this way rather than in printed
 * characters, so that a one-word substitution in a short alinéa stays a
 * substitution instead of a rewrite.
 */
function cost (ops: WordingOp[]): number {
  let n = 0
  for (const op of ops) {
    n += OP_COST
    switch (op.op) {
      case 'rewriteArticle': case 'rewriteAlineas': case 'insertAlineas':
        for (const a of op.alineas) n += a.length
        break
      case 'replaceWords': n += op.words.length + op.by.length; break
      case 'insertWords': n += op.after.length + op.words.length; break
      case 'deleteWords': case 'prependWords': case 'appendWords': n += op.words.length; break
    }
  }
  return n
}

function roundTrips (ops: WordingOp[], base: string[], proposed: string[], lang: WordingLang, style: WordingStyle): boolean {
  try {
    return sameList(applyWording(parseWording(formatWording(ops, lang, style), lang), base), proposed)
  } catch {
    return false
  }
}

/** Operations in text order: runs of deleted/inserted alinéas, and each changed alinéa. */
function alineaOps (diff: ArticleDiff, lang: WordingLang, prefer: 'shortest' | 'operations', style: WordingStyle): WordingOp[] {
  const ops: WordingOp[] = []
  let deleted: number[] = []
  let inserted: string[] = []
  let after = 0
  const flush = (): void => {
    if (deleted.length > 0 && inserted.length > 0) {
      ops.push({ op: 'rewriteAlineas', from: deleted[0], to: deleted[deleted.length - 1], alineas: inserted })
    } else if (deleted.length > 0) {
      ops.push({ op: 'deleteAlineas', from: deleted[0], to: deleted[deleted.length - 1] })
    } else if (inserted.length > 0) {
      ops.push({ op: 'insertAlineas', after, alineas: inserted })
    }
    deleted = []
    inserted = []
  }
  for (const a of diff.alineas) {
    if (a.kind === 'deleted') deleted.push(a.base)
    else if (a.kind === 'inserted') {
      if (inserted.length === 0) after = a.after
      inserted.push(a.text)
    } else {
      flush()
      if (a.kind === 'changed') ops.push(...changedOps(a, lang, prefer, style))
    }
  }
  flush()
  return ops
}

/**
 * Fuse neighbouring whole-alinéa operations when one of them rewrites:
 * « Rédiger ainsi l'alinéa 2 » then « Supprimer l'alinéa 3 » becomes
 * « Rédiger ainsi les alinéas 2 et 3 ».
 */
function mergeStructural (ops: WordingOp[]): WordingOp[] {
  const out: WordingOp[] = []
  for (const op of ops) {
    const prev = out[out.length - 1]
    const merged = prev === undefined ? null : fuse(prev, op)
    if (merged === null) out.push(op)
    else out[out.length - 1] = merged
  }
  return out
}

type Structural = Extract<WordingOp, { op: 'rewriteAlineas' | 'deleteAlineas' | 'insertAlineas' }>

function fuse (a: WordingOp, b: WordingOp): WordingOp | null {
  if (!isStructural(a) || !isStructural(b)) return null
  if (a.op !== 'rewriteAlineas' && b.op !== 'rewriteAlineas') return null
  const span = (o: Structural): [number, number] => o.op === 'insertAlineas' ? [o.after + 1, o.after] : [o.from, o.to]
  const texts = (o: Structural): string[] => o.op === 'deleteAlineas' ? [] : o.alineas
  const [aFrom, aTo] = span(a)
  const [bFrom, bTo] = span(b)
  if (bFrom !== aTo + 1) return null
  const from = Math.min(aFrom, bFrom)
  const to = Math.max(aTo, bTo)
  if (to < from) return null
  return { op: 'rewriteAlineas', from, to, alineas: [...texts(a), ...texts(b)] }
}

function isStructural (op: WordingOp): op is Structural {
  return op.op === 'rewriteAlineas' || op.op === 'deleteAlineas' || op.op === 'insertAlineas'
}

/** The operations for one changed alinéa: word operations, or a rewrite when shorter or needed. */
function changedOps (entry: ChangedAlinea, lang: WordingLang, prefer: 'shortest' | 'operations', style: WordingStyle): WordingOp[] {
  const before = sideText(entry.parts, 'base')
  const after = sideText(entry.parts, 'proposed')
  const rewrite: WordingOp[] = [{ op: 'rewriteAlineas', from: entry.base, to: entry.base, alineas: [after] }]
  const words = wordOps(entry, before)
  if (words === null || !wordOpsHold(words, before, after, lang, style)) return rewrite
  if (prefer === 'shortest' && cost(rewrite) < cost(words)) return rewrite
  return words
}

function wordOpsHold (ops: WordOp[], before: string, after: string, lang: WordingLang, style: WordingStyle): boolean {
  try {
    if (applyWordOps(before, ops) !== after) return false
    for (const op of ops) {
      const back = parseWording(formatOp(op, lang, style).join('\n'), lang)
      if (back.length !== 1 || !sameOp(back[0], op)) return false
    }
    return true
  } catch {
    return false
  }
}

function sameOp (a: WordingOp, b: WordingOp): boolean {
  const x = a as Record<string, unknown>
  const y = b as Record<string, unknown>
  const keys = Object.keys(x)
  return keys.length === Object.keys(y).length && keys.every(k => x[k] === y[k])
}

/** A change inside an alinéa: base tokens [start, end) become `text`. */
interface Change { start: number; end: number; text: string; turn: number }

/**
 * Word operations for a changed alinéa, each change widened until its wording
 * is unique and exact, or `null` when widening reaches the whole alinéa.
 */
function wordOps (entry: ChangedAlinea, before: string): WordOp[] | null {
  const tokens: string[] = []
  const changes: Change[] = []
  for (const part of entry.parts) {
    const t = tokenize(part.text)
    if (part.op === 'insert') {
      const last = changes[changes.length - 1]
      if (last !== undefined && last.end === tokens.length) last.text += part.text
      else changes.push({ start: tokens.length, end: tokens.length, text: part.text, turn: 0 })
    } else {
      if (part.op === 'delete') {
        const last = changes[changes.length - 1]
        if (last !== undefined && last.end === tokens.length) last.end += t.length
        else changes.push({ start: tokens.length, end: tokens.length + t.length, text: '', turn: 0 })
      }
      tokens.push(...t)
    }
  }
  const offsets = [0]
  for (const t of tokens) offsets.push(offsets[offsets.length - 1] + t.length)
  const index = new PassageIndex(before, entry.base)
  const ctx: Ctx = { tokens, offsets, before, index, alinea: entry.base }
  const ops: WordOp[] = []
  for (let i = 0; i < changes.length; i++) {
    for (;;) {
      const c = changes[i]
      const floor = i > 0 ? changes[i - 1].end : 0
      const tried = render(ctx, c, floor)
      if ('op' in tried) { ops[i] = tried.op; break }
      if (!widen(ctx, changes, i, tried.side, floor)) return null
      if (i > 0 && changes[i - 1].end === changes[i].start) {
        // Widening reached the previous change: fuse them and redo that one.
        const prev = changes[i - 1]
        prev.end = changes[i].end
        prev.text += changes[i].text
        changes.splice(i, 1)
        ops.length = i - 1
        i--
      }
    }
  }
  return ops
}

interface Ctx { tokens: string[]; offsets: number[]; before: string; index: PassageIndex; alinea: number }

type Side = 'left' | 'right' | 'either'

/**
 * Widen change `i` by one word on `side` (never before `floor`, the end of the
 * previous change), fusing with the next change if it reaches it.
 */
function widen (ctx: Ctx, changes: Change[], i: number, side: Side, floor: number): boolean {
  const c = changes[i]
  const canLeft = c.start > floor
  const canRight = c.end < ctx.tokens.length
  if (!canLeft && !canRight) return false
  let goLeft = side === 'left' ? canLeft : side === 'right' ? !canRight : (c.turn++ % 2 === 1 ? canLeft : !canRight)
  if (goLeft && !canLeft) goLeft = false
  if (goLeft) {
    do {
      c.start--
      c.text = ctx.tokens[c.start] + c.text
    } while (c.start > floor && !isWord(ctx.tokens[c.start]))
    return true
  }
  do {
    c.text += ctx.tokens[c.end]
    c.end++
    const next = changes[i + 1]
    if (next !== undefined && next.start === c.end) {
      c.end = next.end
      c.text += next.text
      changes.splice(i + 1, 1)
      return true
    }
  } while (c.end < ctx.tokens.length && !isWord(ctx.tokens[c.end - 1]))
  return true
}

/** Try to word a change; on failure say which side to widen. */
function render (ctx: Ctx, c: Change, floor: number): { op: WordOp } | { side: Side } {
  const { tokens, offsets, before, index, alinea } = ctx
  let s = c.start
  let e = c.end
  while (s < e && isSpace(tokens[s])) s++
  while (e > s && isSpace(tokens[e - 1])) e--
  const passage = before.slice(offsets[s], offsets[e])
  const words = c.text.trim()
  const leading = /^\s/u.test(c.text) || (c.start < c.end && isSpace(tokens[c.start]))
  let op: WordOp
  if (passage !== '') {
    if (!hasWord(tokens, s, e) || index.count(passage) !== 1) return { side: 'either' }
    op = words === '' ? { op: 'deleteWords', alinea, words: passage } : { op: 'replaceWords', alinea, words: passage, by: words }
  } else if (words === '') {
    return { side: 'either' }
  } else if (c.start === 0) {
    op = { op: 'prependWords', alinea, words }
  } else if (c.end === tokens.length) {
    op = { op: 'appendWords', alinea, words }
  } else {
    const anchor = anchorBefore(ctx, c.start, floor)
    if (anchor === null) return { side: 'left' }
    op = { op: 'insertWords', alinea, after: anchor, words }
  }
  const expected = before.slice(0, offsets[c.start]) + c.text + before.slice(offsets[c.end])
  let got: string
  try {
    got = applyWordOps(before, [op], alinea)
  } catch {
    return { side: 'either' }
  }
  if (got === expected) return { op }
  return { side: leading ? 'left' : 'right' }
}

function hasWord (tokens: string[], s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isWord(tokens[i])) return true
  return false
}

/**
 * The shortest unique passage of whole tokens ending on the last non-space
 * token before `at`, holding a word, and not reaching back before `floor`.
 */
function anchorBefore (ctx: Ctx, at: number, floor: number): string | null {
  let end = at
  while (end > floor && isSpace(ctx.tokens[end - 1])) end--
  if (end <= floor) return null
  for (let start = end - 1; start >= floor; start--) {
    if (isSpace(ctx.tokens[start]) || !hasWord(ctx.tokens, start, end)) continue
    const passage = ctx.before.slice(ctx.offsets[start], ctx.offsets[end])
    if (ctx.index.count(passage) === 1) return passage
  }
  return null
}
