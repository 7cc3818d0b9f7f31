/**
 * Keeps article (and division) ids unique in the editor. An article's id is
 * its identity for votes and amendments, so when an edit leaves two
 * articles with the same id (a copied article pasted back, a split) or one
 * without an id (a filler node ProseMirror created), `idRepairs` gives the
 * newcomer a fresh id; the editor's text rules plugin
 * (client/codrafting/text-rules.ts) applies it in an appended transaction, which
 * y-prosemirror sends with the edit itself (one Yjs transaction, one undo step).
 *
 * Which of two holders is the newcomer: the one that is not where the
 * original article went, found by mapping the article's old position
 * through the edit (so pasting a copy *before* the original still renames
 * the copy); if that cannot tell (the original was moved), the first in
 * document order keeps the id, as `articleIdFixes` in text.ts does.
 * Undoing a deletion brings back the same node, id included: it is never
 * renamed, because no other article holds its id by then.
 */
import type { Mapping } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'
import { newId } from './ids.ts'

const PREFIX: Record<string, string> = { article: 'art', division: 'div' }

/** Top-level nodes that carry an id, with their positions. */
function idHolders (doc: Node): { pos: number; node: Node; id: string | null }[] {
  const out: { pos: number; node: Node; id: string | null }[] = []
  doc.forEach((node, pos) => {
    if (PREFIX[node.type.name]) out.push({ pos, node, id: (node.attrs.id as string | null) || null })
  })
  return out
}

/**
 * The id repairs an edit needs: `{ pos, id }` for every article or division
 * of `newDoc` without an id or holding an id another one keeps. `oldDoc` and
 * `mapping` (old to new positions) decide who keeps a repeated id.
 */
export function idRepairs (oldDoc: Node, newDoc: Node, mapping: Mapping): { pos: number; id: string }[] {
  const holders = idHolders(newDoc)
  const byId = new Map<string, number[]>()
  for (const h of holders) if (h.id) byId.set(h.id, [...(byId.get(h.id) ?? []), h.pos])
  const keeper = new Map<string, number>()
  let old: Map<string, number> | null = null
  for (const [id, positions] of byId) {
    if (positions.length === 1) { keeper.set(id, positions[0]); continue }
    let keep = positions[0]
    old ??= new Map(idHolders(oldDoc).flatMap(h => h.id ? [[h.id, h.pos] as [string, number]] : []))
    const before = old.has(id) ? { pos: old.get(id)! } : null
    if (before) {
      const mapped = mapping.mapResult(before.pos, 1)
      if (!mapped.deleted && positions.includes(mapped.pos)) keep = mapped.pos
    }
    keeper.set(id, keep)
  }
  const repairs: { pos: number; id: string }[] = []
  for (const h of holders) {
    if (h.id && keeper.get(h.id) === h.pos) continue
    repairs.push({ pos: h.pos, id: newId(PREFIX[h.node.type.name]) })
  }
  return repairs
}
