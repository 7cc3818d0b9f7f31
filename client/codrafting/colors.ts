/**
 * Each editor's colour, derived from their user id so that it is the same
 * on every screen without being stored anywhere, and distinct among the
 * people present (`distinctColors`): two co-editors never share one. Every
 * colour of the palette carries white text at a contrast of at least 6.5:1
 * (the name label of a remote cursor), and is never the only sign of who is
 * who: names are always written out.
 */

/** Dark, distinct colours; white on each is >= 6.5:1 (WCAG AA needs 4.5:1). */
export const PALETTE: readonly string[] = [
  '#a32528', '#1d6b3a', '#6b3fa0', '#005f73', '#9c2f6b',
  '#7f5200', '#3b4cc0', '#8a3b12', '#00695c', '#4d5d00'
]

const NEUTRAL = '#4b525c'

/** FNV-1a hash of a user id: its preferred place in the palette. */
function preferredIndex (userId: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h % PALETTE.length
}

/** A colour for `userId` alone (its preferred colour); visitors without an id get a neutral grey. */
export function colorFor (userId: string | null): string {
  return userId ? PALETTE[preferredIndex(userId)] : NEUTRAL
}

/**
 * A colour for each of the people present, all different while there are
 * no more people than colours: in the order of their ids, each takes its
 * preferred colour, or the next free one. Every screen sees the same people,
 * so every screen computes the same colours.
 */
export function distinctColors (userIds: Iterable<string>): Map<string, string> {
  const colors = new Map<string, string>()
  const taken = new Set<number>()
  for (const id of [...new Set(userIds)].sort()) {
    let i = preferredIndex(id)
    for (let tries = 0; taken.has(i) && tries < PALETTE.length; tries++) i = (i + 1) % PALETTE.length
    taken.add(i)
    if (taken.size >= PALETTE.length) taken.clear()
    colors.set(id, PALETTE[i])
  }
  return colors
}
