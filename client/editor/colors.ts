/**
 * Each editor's colour, derived from their user id so that it is the same
 * on every screen and every visit without being stored anywhere. Every
 * colour of the palette carries white text at a contrast of at least 6.5:1
 * (the name label of a remote cursor), and is never the only sign of who is
 * who: names are always written out.
 */

/** Dark, distinct colours; white on each is >= 6.5:1 (WCAG AA needs 4.5:1). */
export const PALETTE: readonly string[] = [
  '#a32528', '#1d6b3a', '#6b3fa0', '#005f73', '#9c2f6b',
  '#7f5200', '#3b4cc0', '#8a3b12', '#00695c', '#4d5d00'
]

/** A colour for `userId` (FNV-1a hash into the palette); visitors without an id get a neutral grey. */
export function colorFor (userId: string | null): string {
  if (!userId) return '#4b525c'
  let h = 0x811c9dc5
  for (let i = 0; i < userId.length; i++) {
    h ^= userId.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return PALETTE[h % PALETTE.length]
}
