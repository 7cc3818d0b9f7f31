/**
 * Three-way merge of amendments, for rebasing a stale amendment and for the
 * consolidated text of a bill, where accepted amendments are applied in
 * decision order and a conflict is reported, never silently resolved.
 *
 * The merge runs node-diff3 at two levels:
 *
 * 1. over whole alinéas: where only one side changed alinéas (or both made
 *    the same change), that side is taken as is;
 * 2. where both sides changed the same or neighbouring alinéas, over the word
 *    tokens of `tokens.ts` of just those alinéas, with an alinéa break as a
 *    token of its own (so inserting, deleting and splitting alinéas merge like
 *    words do).
 *
 * Two edits conflict when they change the same base tokens, or insert at the
 * same place, or one inserts inside what the other replaces. node-diff3 also
 * reports edits that merely touch (a word replaced on one side, the next word
 * deleted on the other, whichever space the deletion took): such regions are
 * re-examined and both edits applied (`combine`).
 * Working on words of the conflicting alinéas only keeps the merge fast on
 * long articles, where whitespace tokens repeat thousands of times.
 */

import { diff3Merge, diffIndices } from 'node-diff3'
import { tokenize } from './tokens.ts'

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
      alineas.push(...mergeWords(o, a, b, oIndex, conflicts))
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

function stream (alineas: string[]): string[] {
  const out: string[] = []
  for (const a of alineas) out.push(BREAK, ...tokenize(a))
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

/** Word-level merge of one region where both sides changed alinéas; `first` is its base index (0-based). */
function mergeWords (base: string[], ours: string[], theirs: string[], first: number, conflicts: MergeConflict[]): string[] {
  const o = stream(base)
  const a = stream(ours)
  const b = stream(theirs)
  // Tokens common to all three at both ends are stable: keep them out of the LCS.
  let head = 0
  while (head < o.length && head < a.length && head < b.length && o[head] === a[head] && o[head] === b[head]) head++
  let tail = 0
  while (tail < o.length - head && tail < a.length - head && tail < b.length - head &&
    o[o.length - 1 - tail] === a[a.length - 1 - tail] && o[o.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const out = a.slice(0, head)
  const regions = diff3Merge<string>(a.slice(head, a.length - tail), o.slice(head, o.length - tail), b.slice(head, b.length - tail), { excludeFalseConflicts: true })
  for (const region of regions) {
    if (region.ok !== undefined) {
      out.push(...region.ok)
    } else if (region.conflict !== undefined) {
      const c = region.conflict
      const both = combine(c.o, c.a, c.b)
      if (both !== null) {
        out.push(...both)
        continue
      }
      const at = head + c.oIndex
      let breaks = 0
      for (let i = 0; i <= at && i < o.length; i++) if (o[i] === BREAK) breaks++
      conflicts.push({ alinea: first + breaks, base: text(c.o), ours: text(c.a), theirs: text(c.b) })
      out.push(...c.a)
    }
  }
  out.push(...a.slice(a.length - tail))
  return unstream(out)
}

/**
 * Both sides' edits of a node-diff3 conflict region, applied together, or
 * `null` when they really conflict: they share a base token, insert at the
 * same place, or one inserts strictly inside what the other replaces.
 */
function combine (o: string[], a: string[], b: string[]): string[] | null {
  const hunks = [...diffIndices(o, a).map(h => ({ h, side: 0 })), ...diffIndices(o, b).map(h => ({ h, side: 1 }))]
    .map(({ h, side }) => ({ start: h.buffer1[0], end: h.buffer1[0] + h.buffer1[1], text: h.buffer2Content, side }))
    .sort((x, y) => x.start - y.start || x.end - y.end || x.side - y.side)
  for (let i = 0; i < hunks.length; i++) {
    for (let j = i + 1; j < hunks.length && hunks[j].start <= hunks[i].end; j++) {
      const x = hunks[i]
      const y = hunks[j]
      if (x.side === y.side) continue
      const overlap = Math.max(x.start, y.start) < Math.min(x.end, y.end)
      const sameInsert = x.start === x.end && y.start === y.end && x.start === y.start
      const inside = (x.start === x.end && y.start < x.start && x.start < y.end) || (y.start === y.end && x.start < y.start && y.start < x.end)
      if (overlap || sameInsert || inside) return null
    }
  }
  const out: string[] = []
  let at = 0
  for (const h of hunks) {
    out.push(...o.slice(at, h.start), ...h.text)
    at = h.end
  }
  return [...out, ...o.slice(at)]
}
