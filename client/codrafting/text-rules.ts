/**
 * The rules the working text keeps while editors type: every article and
 * division has an id of its own (a pasted copy of an article gets a fresh
 * one: `idRepairs` of shared/article-ids.ts decides which holder is the
 * copy), and articles are numbered by the rule of shared/numbering.ts.
 *
 * After a local edit, the repair is an appended transaction, so it reaches
 * the Yjs document (and the other editors) in the same update as the edit,
 * and is undone with it. A change that came from Yjs (another editor, or an
 * undo) is never repaired inside the same dispatch, because y-prosemirror
 * does not write back what happens while it applies a remote change; when
 * such a change leaves the text broken (two editors added an article at the
 * same place at the same time), the repair is dispatched right after, as a
 * local change kept out of the undo history. Every editor computes the same
 * numbers from the same text, so concurrent repairs agree.
 *
 * Only editors run this plugin: a read-only viewer never changes the text.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Mapping } from 'prosemirror-transform'
import type { Node } from 'prosemirror-model'
import { ySyncPluginKey } from 'y-prosemirror'
import { idRepairs } from '../../shared/article-ids.ts'
import { planNumbers } from '../../shared/numbering.ts'

/** The plugin's key. */
export const textRulesKey = new PluginKey('alineaTextRules')

/** Set on the transactions this plugin makes. */
export const TEXT_RULES_META = 'alineaTextRules'

interface Placed { pos: number; node: Node }

function articlesOf (doc: Node): Placed[] {
  const out: Placed[] = []
  doc.forEach((node, pos) => { if (node.type.name === 'article') out.push({ pos, node }) })
  return out
}

function sameIds (a: readonly Placed[], b: readonly Placed[]): boolean {
  return a.length === b.length && a.every((x, i) => x.node.attrs.id === b[i].node.attrs.id)
}

/** Whether a transaction applies a change that came from Yjs. */
function fromYjs (tr: Transaction): boolean {
  const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
  return meta?.isChangeOrigin === true
}

/**
 * The transaction repairing ids and numbers of `state` (null when nothing
 * needs it). `oldDoc` and `mapping` tell who keeps a repeated id; the
 * article list changed when its ids differ from `oldDoc`'s.
 */
export function repairTransaction (oldDoc: Node, state: EditorState, mapping: Mapping): Transaction | null {
  const tr = state.tr
  for (const r of idRepairs(oldDoc, state.doc, mapping)) tr.setNodeAttribute(r.pos, 'id', r.id)
  const articles = articlesOf(tr.doc)
  const structural = !sameIds(articlesOf(oldDoc), articles)
  const nums = articles.map(a => a.node.attrs.num as string)
  const planned = planNumbers(nums, structural)
  if (planned !== nums) {
    planned.forEach((num, i) => { if (num !== nums[i]) tr.setNodeAttribute(articles[i].pos, 'num', num) })
  }
  return tr.docChanged ? tr.setMeta(TEXT_RULES_META, true) : null
}

/** The plugin (editors only). */
export function textRulesPlugin (): Plugin {
  return new Plugin({
    key: textRulesKey,
    appendTransaction (transactions: readonly Transaction[], oldState: EditorState, newState: EditorState) {
      if (!transactions.some(tr => tr.docChanged)) return null
      if (transactions.some(fromYjs)) return null
      const mapping = new Mapping()
      for (const tr of transactions) mapping.appendMapping(tr.mapping)
      return repairTransaction(oldState.doc, newState, mapping)
    },
    view (view) {
      let timer: ReturnType<typeof setTimeout> | null = null
      return {
        update (v, prevState) {
          if (timer !== null || v.state.doc.eq(prevState.doc)) return
          const sync = ySyncPluginKey.getState(v.state) as { isChangeOrigin?: boolean } | undefined
          if (!sync?.isChangeOrigin) return
          if (!repairTransaction(v.state.doc, v.state, new Mapping())) return
          timer = setTimeout(() => {
            timer = null
            const tr = repairTransaction(view.state.doc, view.state, new Mapping())
            if (tr) view.dispatch(tr.setMeta('addToHistory', false))
          }, 0)
        },
        destroy () { if (timer !== null) clearTimeout(timer) }
      }
    }
  })
}
