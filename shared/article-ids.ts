/**
 * Keeps article (and division) ids unique in the editor. An article's id is
 * its identity for votes and amendments, so when an edit leaves two
 * articles with the same id (a copied article pasted back, a split) or one
 * without an id (a filler node ProseMirror created), this plugin gives the
 * newcomer a fresh id in an appended transaction, which y-prosemirror sends
 * with the edit itself (one Yjs transaction, one undo step).
 *
 * Which of two holders is the newcomer: the one that is not where the
 * original article went, found by mapping the article's old position
 * through the edit (so pasting a copy *before* the original still renames
 * the copy); if that cannot tell (the original was moved), the first in
 * document order keeps the id, as `articleIdFixes` in text.ts does.
 * Undoing a deletion brings back the same node, id included: it is never
 * renamed, because no other article holds its id by then.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Mapping } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'
import { newId } from './ids.ts'

/** The plugin's key (to find it in a state). */
export const articleIdsKey = new PluginKey('articleIds')

/** Set on the transactions the plugin appends. */
export const ID_REPAIR_META = 'articleIdRepair'

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

/** The plugin: after any transaction that changed the document, repair ids if needed. */
export function articleIdsPlugin (): Plugin {
  return new Plugin({
    key: articleIdsKey,
    appendTransaction (transactions: readonly Transaction[], oldState: EditorState, newState: EditorState) {
      if (!transactions.some(tr => tr.docChanged)) return null
      const mapping = new Mapping()
      for (const tr of transactions) mapping.appendMapping(tr.mapping)
      const repairs = idRepairs(oldState.doc, newState.doc, mapping)
      if (repairs.length === 0) return null
      const tr = newState.tr
      for (const r of repairs) tr.setNodeAttribute(r.pos, 'id', r.id)
      return tr.setMeta(ID_REPAIR_META, true)
    }
  })
}
