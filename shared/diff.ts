/**
 * The diff of an amendment: how a proposed article differs from its base, as
 * plain JSON data that the client renders (inline or side by side) and that
 * `wording.ts` turns into a formal dispositif.
 *
 * It works in two steps, so that a long article with a few changes stays fast:
 *
 * 1. Alinéas are aligned with jsdiff's `diffArrays` (an alinéa is kept when it
 *    is identical). Inside each run of removed and added alinéas, the removed
 *    and added ones that look alike (Dice similarity of their words at least
 *    `SIMILARITY_THRESHOLD`) are paired, in order, into `changed` alinéas;
 *    the others are `deleted` or `inserted`. When a run has as many added as
 *    removed alinéas, each like its counterpart (alinéas edited in place, the
 *    usual amendment), they are paired rank by rank without the search. A deleted alinéa whose exact text
 *    is inserted elsewhere is flagged as moved (`movedTo` / `movedFrom`).
 * 2. Each changed alinéa is diffed word by word with `diffArrays` over the
 *    tokens of `tokens.ts`, and changes separated only by whitespace are fused,
 *    so "trente jours" -> "quinze semaines" is one change, not two.
 *
 * Nothing is normalised: whitespace-only edits are changes, and `baseFrom` and
 * `proposedFrom` rebuild both texts exactly.
 */

import { diffArrays } from 'diff'
import { isSpace, tokenize } from './tokens.ts'

/** One run of a changed alinéa's word diff. A `delete` directly followed by an `insert` is a substitution. */
export interface WordPart { op: 'equal' | 'delete' | 'insert'; text: string }

/** An alinéa identical in both texts. `base` and `proposed` are 1-based alinéa numbers. */
export interface KeptAlinea { kind: 'kept'; base: number; proposed: number; text: string }

/** An alinéa edited in place; its word diff, in text order. */
export interface ChangedAlinea { kind: 'changed'; base: number; proposed: number; parts: WordPart[] }

/** A base alinéa that the proposal removes; `movedTo` when the same text reappears elsewhere. */
export interface DeletedAlinea { kind: 'deleted'; base: number; proposed: null; text: string; movedTo?: number }

/**
 * A new alinéa. `after` is the number of the base alinéa it follows (0: before
 * the first one), which is how a wording places it; `movedFrom` when it is a
 * base alinéa moved here unchanged.
 */
export interface InsertedAlinea { kind: 'inserted'; base: null; proposed: number; after: number; text: string; movedFrom?: number }

/** One entry of an article diff. */
export type AlineaDiff = KeptAlinea | ChangedAlinea | DeletedAlinea | InsertedAlinea

/**
 * The diff of a whole article: every base and every proposed alinéa appears in
 * exactly one entry, and entries are in the order of both texts.
 */
export interface ArticleDiff { baseCount: number; proposedCount: number; alineas: AlineaDiff[] }

/** The similarity (0..1) from which a removed and an added alinéa count as one changed alinéa. */
export const SIMILARITY_THRESHOLD = 0.5

/** Above this many candidate pairs in one run, pairing only looks near the diagonal. */
const FULL_PAIRING_LIMIT = 40_000
const PAIRING_WINDOW = 64

/**
 * Diff a proposed article against its base: align alinéas, then diff changed
 * alinéas word by word. Both arguments are lists of alinéas (plain strings);
 * an empty `proposed` means the article is deleted.
 */
export function diffArticle (base: string[], proposed: string[]): ArticleDiff {
  if (!Array.isArray(base) || !Array.isArray(proposed)) throw new RangeError('diffArticle expects two arrays of alinéas')
  const alineas: AlineaDiff[] = []
  let b = 0
  let p = 0
  let removed: number[] = []
  let added: number[] = []
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) alignRun(base, proposed, removed, added, alineas)
    removed = []
    added = []
  }
  for (const change of diffArrays(base, proposed)) {
    if (change.added) {
      for (let i = 0; i < change.count; i++) added.push(p++)
    } else if (change.removed) {
      for (let i = 0; i < change.count; i++) removed.push(b++)
    } else {
      flush()
      for (let i = 0; i < change.count; i++) {
        alineas.push({ kind: 'kept', base: b + 1, proposed: p + 1, text: base[b] })
        b++
        p++
      }
    }
  }
  flush()
  placeInsertions(alineas)
  flagMoves(alineas)
  return { baseCount: base.length, proposedCount: proposed.length, alineas }
}

/** The base article, rebuilt from a diff. */
export function baseFrom (diff: ArticleDiff): string[] {
  const out: string[] = []
  for (const a of diff.alineas) {
    if (a.kind === 'changed') out.push(sideText(a.parts, 'base'))
    else if (a.kind !== 'inserted') out.push(a.text)
  }
  return out
}

/** The proposed article, rebuilt from a diff. */
export function proposedFrom (diff: ArticleDiff): string[] {
  const out: string[] = []
  for (const a of diff.alineas) {
    if (a.kind === 'changed') out.push(sideText(a.parts, 'proposed'))
    else if (a.kind !== 'deleted') out.push(a.text)
  }
  return out
}

/** One side of a word diff as text: `base` keeps equal and deleted runs, `proposed` equal and inserted ones. */
export function sideText (parts: WordPart[], side: 'base' | 'proposed'): string {
  const skip = side === 'base' ? 'insert' : 'delete'
  let out = ''
  for (const part of parts) if (part.op !== skip) out += part.text
  return out
}

/**
 * The word diff of two alinéas, over `tokens.ts` tokens, with changes that are
 * separated only by whitespace fused into one. Each change is a `delete`
 * followed by an `insert` (either may be missing).
 */
export function diffWords (before: string, after: string): WordPart[] {
  return (wordDiff(tokenize(before), tokenize(after)) as WordDiff).parts
}

interface WordDiff { parts: WordPart[]; similarity: number }

/**
 * The word diff of two token lists, and their similarity: the Dice
 * coefficient of their common non-space tokens. With `maxEditLength`, gives
 * up (undefined) past that many inserted and deleted tokens.
 */
function wordDiff (a: string[], b: string[], maxEditLength?: number): WordDiff | undefined {
  const changes = maxEditLength === undefined ? diffArrays(a, b) : diffArrays(a, b, { maxEditLength })
  if (changes === undefined) return undefined
  const segments: { equal: string[] | null; del: string[]; ins: string[] }[] = []
  let common = 0
  for (const change of changes) {
    const last = segments[segments.length - 1]
    if (!change.added && !change.removed) {
      for (const t of change.value) if (!isSpace(t)) common++
      segments.push({ equal: change.value, del: [], ins: [] })
    } else if (last !== undefined && last.equal === null) {
      if (change.added) last.ins.push(...change.value)
      else last.del.push(...change.value)
    } else {
      segments.push({ equal: null, del: change.removed ? [...change.value] : [], ins: change.added ? [...change.value] : [] })
    }
  }
  let solid = 0
  for (const t of a) if (!isSpace(t)) solid++
  for (const t of b) if (!isSpace(t)) solid++
  const similarity = solid === 0 ? 1 : (2 * common) / solid
  // Fuse change, whitespace-only equal run, change.
  const fused: typeof segments = []
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]
    const prev = fused[fused.length - 1]
    const next = segments[i + 1]
    if (s.equal !== null && prev !== undefined && prev.equal === null && next !== undefined &&
      next.equal === null && s.equal.every(isSpace)) {
      prev.del.push(...s.equal, ...next.del)
      prev.ins.push(...s.equal, ...next.ins)
      i++
    } else if (s.equal === null && prev !== undefined && prev.equal === null) {
      prev.del.push(...s.del)
      prev.ins.push(...s.ins)
    } else {
      fused.push(s)
    }
  }
  const parts: WordPart[] = []
  for (const s of fused) {
    if (s.equal !== null) parts.push({ op: 'equal', text: s.equal.join('') })
    else {
      if (s.del.length > 0) parts.push({ op: 'delete', text: s.del.join('') })
      if (s.ins.length > 0) parts.push({ op: 'insert', text: s.ins.join('') })
    }
  }
  return { parts, similarity }
}

/**
 * How alike two alinéas are, from 0 to 1: the Dice coefficient of their words
 * (lower-cased, counted with multiplicity). Alinéas without words compare their
 * punctuation instead.
 */
export function similarity (a: string, b: string): number {
  return dice(bagOf(a), bagOf(b))
}

interface Bag { counts: Map<string, number>; size: number }

const WORDS = /[\p{L}\p{M}\p{N}]+/gu

function bagOf (text: string): Bag {
  const lower = text.toLowerCase()
  let words: string[] = lower.match(WORDS) ?? []
  if (words.length === 0) words = tokenize(lower).filter(t => !isSpace(t))
  const counts = new Map<string, number>()
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1)
  return { counts, size: words.length }
}

function dice (a: Bag, b: Bag): number {
  if (a.size === 0 && b.size === 0) return 1
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a]
  let common = 0
  for (const [w, n] of small.counts) common += Math.min(n, large.counts.get(w) ?? 0)
  return (2 * common) / (a.size + b.size)
}

/**
 * Align one run of removed and added alinéas (indices, 0-based): pair similar
 * ones in order (a monotone matching of maximal total similarity), the rest are
 * deleted or inserted.
 */
function alignRun (base: string[], proposed: string[], removed: number[], added: number[], out: AlineaDiff[]): void {
  if (removed.length === added.length && pairDiagonally(base, proposed, removed, added, out)) return
  const pairs = removed.length > 0 && added.length > 0
    ? pairAlike(removed.map(i => bagOf(base[i])), added.map(j => bagOf(proposed[j])))
    : []
  let r = 0
  let a = 0
  const emitUntil = (rEnd: number, aEnd: number): void => {
    for (; r < rEnd; r++) out.push({ kind: 'deleted', base: removed[r] + 1, proposed: null, text: base[removed[r]] })
    for (; a < aEnd; a++) out.push({ kind: 'inserted', base: null, proposed: added[a] + 1, after: 0, text: proposed[added[a]] })
  }
  for (const [ri, ai] of pairs) {
    emitUntil(ri, ai)
    const before = base[removed[ri]]
    const after = proposed[added[ai]]
    if (before === after) out.push({ kind: 'kept', base: removed[ri] + 1, proposed: added[ai] + 1, text: before })
    else out.push({ kind: 'changed', base: removed[ri] + 1, proposed: added[ai] + 1, parts: diffWords(before, after) })
    r = ri + 1
    a = ai + 1
  }
  emitUntil(removed.length, added.length)
}

/**
 * The common case of alinéas edited in place: as many removed as added, each
 * similar to the one in the same rank. Their word diffs (bounded, so a pair
 * of unrelated alinéas gives up early) are both the test and the result.
 */
function pairDiagonally (base: string[], proposed: string[], removed: number[], added: number[], out: AlineaDiff[]): boolean {
  const entries: AlineaDiff[] = []
  for (let k = 0; k < removed.length; k++) {
    if (base[removed[k]] === proposed[added[k]]) {
      entries.push({ kind: 'kept', base: removed[k] + 1, proposed: added[k] + 1, text: base[removed[k]] })
      continue
    }
    const a = tokenize(base[removed[k]])
    const b = tokenize(proposed[added[k]])
    const w = wordDiff(a, b, Math.ceil((a.length + b.length) * 0.75))
    if (w === undefined || w.similarity < SIMILARITY_THRESHOLD) return false
    entries.push({ kind: 'changed', base: removed[k] + 1, proposed: added[k] + 1, parts: w.parts })
  }
  out.push(...entries)
  return true
}

/** Monotone pairing maximising total similarity, by dynamic programming. */
function pairAlike (rs: Bag[], as: Bag[]): [number, number][] {
  const n = rs.length
  const m = as.length
  const windowed = n * m > FULL_PAIRING_LIMIT
  const width = m + 1
  const score = new Float64Array((n + 1) * width)
  const move = new Uint8Array((n + 1) * width) // 1: skip removed, 2: skip added, 3: pair
  for (let i = 1; i <= n; i++) move[i * width] = 1
  for (let j = 1; j <= m; j++) move[j] = 2
  for (let i = 1; i <= n; i++) {
    const centre = Math.round((i * m) / n)
    for (let j = 1; j <= m; j++) {
      let best = score[(i - 1) * width + j]
      let how = 1
      if (score[i * width + j - 1] > best) { best = score[i * width + j - 1]; how = 2 }
      if (!windowed || Math.abs(j - centre) <= PAIRING_WINDOW) {
        const s = dice(rs[i - 1], as[j - 1])
        if (s >= SIMILARITY_THRESHOLD && score[(i - 1) * width + j - 1] + s > best) {
          best = score[(i - 1) * width + j - 1] + s
          how = 3
        }
      }
      score[i * width + j] = best
      move[i * width + j] = how
    }
  }
  const pairs: [number, number][] = []
  let i = n
  let j = m
  while (i > 0 && j > 0) {
    const how = move[i * width + j]
    if (how === 3) { pairs.push([i - 1, j - 1]); i--; j-- } else if (how === 1) i--
    else j--
  }
  return pairs.reverse()
}

/** Set `after` on inserted alinéas: the base number of the last base alinéa before them. */
function placeInsertions (alineas: AlineaDiff[]): void {
  let last = 0
  for (const a of alineas) {
    if (a.kind === 'inserted') a.after = last
    else last = a.base
  }
}

/** Flag deleted alinéas whose exact text is inserted elsewhere as moves. */
function flagMoves (alineas: AlineaDiff[]): void {
  const deleted = new Map<string, DeletedAlinea[]>()
  for (const a of alineas) {
    if (a.kind !== 'deleted') continue
    const list = deleted.get(a.text)
    if (list === undefined) deleted.set(a.text, [a])
    else list.push(a)
  }
  if (deleted.size === 0) return
  for (const a of alineas) {
    if (a.kind !== 'inserted') continue
    const from = deleted.get(a.text)?.shift()
    if (from === undefined) continue
    from.movedTo = a.proposed
    a.movedFrom = from.base
  }
}
