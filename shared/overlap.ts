/**
 * Which passage of an article an amendment touches, and whether two
 * amendments touch the same one: the amend page shows the proposed
 * amendments that already change the passage being edited (« 2 amendements
 * modifient déjà ce passage »), so people support one instead of filing a
 * near-copy.
 *
 * A passage is a set of places on the base text: alinéa n (changed, deleted
 * or moved away) is place 2n, and the gap after alinéa k (where alinéas are
 * inserted; 0 is before the first) is place 2k + 1. Two passages overlap when
 * they share a place: both change the same alinéa, or both insert at the same
 * point. Both must be read on the same base text.
 */
import { diffArticle, type ArticleDiff } from './diff.ts'

/** The places of a base text that a change touches (see the module comment). */
export type Passage = ReadonlySet<number>

/** The passage a diff touches on its base text. */
export function passageOfDiff (diff: ArticleDiff): Passage {
  const places = new Set<number>()
  for (const a of diff.alineas) {
    if (a.kind === 'changed' || a.kind === 'deleted') places.add(2 * a.base)
    else if (a.kind === 'inserted') places.add(2 * a.after + 1)
  }
  return places
}

/** The passage `proposed` touches on `base` (both as alinéas). */
export function passageOf (base: readonly string[], proposed: readonly string[]): Passage {
  return passageOfDiff(diffArticle([...base], [...proposed]))
}

/** Whether two passages of the same base text share a place. */
export function overlaps (a: Passage, b: Passage): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const p of small) if (large.has(p)) return true
  return false
}

/** An amendment as the comparison needs it: the whole proposed article and, when it was written on `base`, its diff. */
export interface ProposedText { id: string; alineas: readonly string[]; diff?: ArticleDiff | null }

/**
 * The amendments among `others` whose change overlaps `mine` (a passage of
 * `base`), in their order. An amendment with a diff is read from that diff
 * (the caller passes it only when it was written on `base`); otherwise its
 * alinéas are compared with `base`.
 */
export function overlapping<T extends ProposedText> (base: readonly string[], mine: Passage, others: readonly T[]): T[] {
  if (mine.size === 0) return []
  return others.filter(o => overlaps(mine, o.diff ? passageOfDiff(o.diff) : passageOf(base, o.alineas)))
}
