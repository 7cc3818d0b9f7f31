/**
 * Three-way merge of amendments, for rebasing a stale amendment and for the
 * consolidated text of a bill, where accepted amendments are applied in
 * decision order and a conflict is reported, never silently resolved.
 *
 * The merge works at two levels:
 *
 * 1. node-diff3's `diff3Merge` over whole alinéas: where only one side changed
 *    alinéas (or both made the same change), that side is taken as is;
 * 2. where both sides changed the same or neighbouring alinéas, a word-level
 *    three-way merge of just those alinéas, over the tokens of `tokens.ts`:
 *    alinéa by alinéa when both sides only edit alinéas in place (the usual
 *    case), otherwise over one stream of the region where an alinéa break
 *    is a token of its own (so inserting, deleting and splitting alinéas
 *    merge like words do) and spaces ride with the token before them.
 *
 * The word level takes each side's changes from jsdiff's Myers `diffArrays`
 * (the alignment the diff view shows) and groups them as diff3 does: two
 * changes conflict when they change the same base tokens, insert at the same
 * place, or one inserts strictly inside what the other replaces. Changes that
 * merely touch (a word replaced on one side, the next word deleted with its
 * space on the other) both apply. node-diff3's own LCS is not used on words:
 * it slows down badly on the thousands of identical space tokens of a long
 * article.
 */

import { diffArrays } from 'diff'
import { diff3Merge } from 'node-diff3'
import { diffArticle } from './diff.ts'
import { isSpace, tokenize } from './tokens.ts'

/**
 * A place where both sides changed the same words. `alinea` is the base
 * alinéa where it lies (1-based; for alinéas both sides inserted at the same
 * place, the base alinéa they follow, 0 before the first). The passages are
 * the base, ours and theirs text of the conflicting region; an alinéa break
 * inside a passage is written "\n" (a passage starting with "\n" starts a new
 * alinéa).
 */
export interface MergeConflict { alinea: number; base: string; ours: string; theirs: string }

/** The merged article; when not clean, conflicting regions keep our text. */
export type MergeResult =
  | { clean: true; alineas: string[] }
  | { clean: false; alineas: string[]; conflicts: MergeConflict[] }

/** An accepted amendment to consolidate: the article it was written against, and its text. */
export interface AcceptedAmendment { id: string; base: string[]; alineas: string[] }

/** The consolidated article, which amendments it applies, and those skipped because they conflict. */
export interface Consolidation {
  alineas: string[]
  applied: string[]
  conflicts: { amendmentId: string; conflicts: MergeConflict[] }[]
}

/** The alinéa break token: a string `tokenize` can never produce (two punctuation characters). */
const BREAK = '\u0000\u00b6'

/**
 * Merge `ours` and `theirs`, two versions of the article `base`. Each is a
 * list of alinéas. Changes on different words merge; changes on the same
 * words are conflicts, listed, with our version kept in `alineas`.
 */
export function merge3 (base: string[], ours: string[], theirs: string[]): MergeResult {
  for (const list of [base, ours, theirs]) {
    if (!Array.isArray(list) || !list.every(a => typeof a === 'string')) throw new RangeError('merge3 expects three arrays of alinéas')
  }
  const alineas: string[] = []
  const conflicts: MergeConflict[] = []
  for (const region of diff3Merge<string>(ours, base, theirs, { excludeFalseConflicts: true })) {
    if (region.ok !== undefined) {
      alineas.push(...region.ok)
    } else if (region.conflict !== undefined) {
      const { a, o, b, oIndex } = region.conflict
      if (inPlace(o, a) && inPlace(o, b)) {
        o.forEach((text, i) => alineas.push(...mergeAlineas([text], [a[i]], [b[i]], oIndex + i, conflicts)))
      } else {
        alineas.push(...mergeAlineas(o, a, b, oIndex, conflicts))
      }
    }
  }
  return conflicts.length === 0 ? { clean: true, alineas } : { clean: false, alineas, conflicts }
}

/**
 * Apply accepted amendments to the latest text of an article, in the given
 * (decision) order, each by a three-way merge: base = the amendment's base,
 * ours = the text consolidated so far, theirs = the amendment. An amendment
 * that conflicts is skipped and listed with its conflicts; an amendment with
 * no alinéas deletes the article (when that merges cleanly).
 */
export function consolidate (latest: string[], amendments: AcceptedAmendment[]): Consolidation {
  if (!Array.isArray(amendments)) throw new RangeError('consolidate expects an array of amendments')
  let current = [...latest]
  const applied: string[] = []
  const conflicts: Consolidation['conflicts'] = []
  for (const am of amendments) {
    const merged = merge3(am.base, current, am.alineas)
    if (merged.clean) {
      current = merged.alineas
      applied.push(am.id)
    } else {
      conflicts.push({ amendmentId: am.id, conflicts: merged.conflicts })
    }
  }
  return { alineas: current, applied, conflicts }
}

/**
 * Whether `x` only edits alinéas of `o` in place (none inserted, deleted or
 * moved), by the alinéa alignment of the amendment diff, which pairs alinéas
 * by similarity rather than by exact text.
 */
function inPlace (o: string[], x: string[]): boolean {
  if (o.length !== x.length) return false
  return diffArticle(o, x).alineas.every(e => (e.kind === 'kept' || e.kind === 'changed') && e.base === e.proposed)
}

/**
 * The alinéas as one token stream, an alinéa break before each alinéa. With
 * `units`, a token carries the spaces that follow it: unrelated alinéas then
 * share (almost) no units, so an alinéa inserted on one side is not aligned,
 * space by space, with one deleted there.
 */
function stream (alineas: string[], units: boolean): string[] {
  const out: string[] = []
  for (const a of alineas) {
    out.push(BREAK)
    const start = out.length
    for (const t of tokenize(a)) {
      if (units && out.length > start && isSpace(t)) out[out.length - 1] += t
      else out.push(t)
    }
  }
  return out
}

function unstream (tokens: string[]): string[] {
  const out: string[] = []
  for (const t of tokens) {
    if (t === BREAK) out.push('')
    else if (out.length === 0) out.push(t)
    else out[out.length - 1] += t
  }
  return out
}

function text (tokens: string[]): string {
  return tokens.map(t => t === BREAK ? '\n' : t).join('')
}

/** Word-level merge of alinéas both sides changed; `first` is the base index (0-based) of `base[0]`. */
function mergeAlineas (base: string[], ours: string[], theirs: string[], first: number, conflicts: MergeConflict[]): string[] {
  if (ours.length === 1 && ours[0] === base[0] && base.length === 1 && theirs.length === 1) return theirs
  if (theirs.length === 1 && theirs[0] === base[0] && base.length === 1 && ours.length === 1) return ours
  const units = !(base.length === 1 && ours.length === 1 && theirs.length === 1)
  const o = stream(base, units)
  const merged = mergeTokens(o, stream(ours, units), stream(theirs, units))
  for (const c of merged.conflicts) {
    let breaks = 0
    for (let i = 0; i <= c.at && i < o.length; i++) if (o[i] === BREAK) breaks++
    conflicts.push({ alinea: first + breaks, base: text(c.base), ours: text(c.ours), theirs: text(c.theirs) })
  }
  return unstream(merged.tokens)
}

/** One side's change: base tokens [start, end) become `text`. */
interface Hunk { start: number; end: number; text: string[]; side: 0 | 1 }

function hunksOf (o: string[], x: string[], side: 0 | 1): Hunk[] {
  const out: Hunk[] = []
  let at = 0
  let open: Hunk | null = null
  for (const change of diffArrays(o, x)) {
    if (!change.added && !change.removed) {
      open = null
      at += change.count
      continue
    }
    if (open === null) {
      open = { start: at, end: at, text: [], side }
      out.push(open)
    }
    if (change.removed) {
      at += change.count
      open.end = at
    } else {
      open.text.push(...change.value)
    }
  }
  return out
}

/** Whether two changes from different sides cannot both apply. */
function clash (x: Hunk, y: Hunk): boolean {
  if (x.side === y.side) return false
  if (Math.max(x.start, y.start) < Math.min(x.end, y.end)) return true
  if (x.start === x.end && y.start === y.end) return x.start === y.start
  if (x.start === x.end) return y.start < x.start && x.start < y.end
  if (y.start === y.end) return x.start < y.start && y.start < x.end
  return false
}

/** Base tokens [start, end) with some of the changes applied. */
function patch (o: string[], start: number, end: number, hunks: Hunk[]): string[] {
  const out: string[] = []
  let at = start
  for (const h of hunks) {
    out.push(...o.slice(at, h.start), ...h.text)
    at = h.end
  }
  out.push(...o.slice(at, end))
  return out
}

interface TokenConflict { at: number; base: string[]; ours: string[]; theirs: string[] }

/**
 * Three-way merge of token lists: changes are grouped into clusters of
 * clashing changes; a cluster with changes from one side only, or the same
 * result on both sides, applies; any other cluster is a conflict (ours kept).
 */
function mergeTokens (o: string[], a: string[], b: string[]): { tokens: string[]; conflicts: TokenConflict[] } {
  const hunks = [...hunksOf(o, a, 0), ...hunksOf(o, b, 1)]
    .sort((x, y) => x.start - y.start || x.end - y.end || x.side - y.side)
  const clusters: Hunk[][] = []
  for (const h of hunks) {
    const last = clusters[clusters.length - 1]
    if (last !== undefined && last.some(m => clash(m, h))) last.push(h)
    else clusters.push([h])
  }
  const tokens: string[] = []
  const conflicts: TokenConflict[] = []
  let at = 0
  for (const cluster of clusters) {
    const start = Math.min(...cluster.map(h => h.start))
    const end = Math.max(...cluster.map(h => h.end))
    tokens.push(...o.slice(at, start))
    at = end
    const ours = patch(o, start, end, cluster.filter(h => h.side === 0))
    const sides = new Set(cluster.map(h => h.side))
    if (sides.size === 1) {
      tokens.push(...patch(o, start, end, cluster))
      continue
    }
    const theirs = patch(o, start, end, cluster.filter(h => h.side === 1))
    tokens.push(...ours)
    if (ours.length !== theirs.length || ours.some((t, i) => t !== theirs[i])) {
      conflicts.push({ at: start, base: o.slice(start, end), ours, theirs })
    }
  }
  tokens.push(...o.slice(at))
  return { tokens, conflicts }
}
