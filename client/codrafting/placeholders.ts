/**
 * Hints in empty places of the text: a division without a title ("Intitulé
 * de la division"), an article whose only alinéa is empty ("Texte de
 * l'article"). Drawn by CSS from a `data-placeholder` attribute that a node
 * decoration sets, so they are never part of the document.
 */
import { Plugin } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'

/** The hints' words, in the reader's language. */
export interface PlaceholderWords { division: string; article: string }

function decorations (doc: Node, words: PlaceholderWords): DecorationSet {
  const decos: Decoration[] = []
  doc.forEach((node, pos) => {
    if (node.type.name === 'division' && node.content.size === 0) {
      decos.push(Decoration.node(pos, pos + node.nodeSize, { class: 'is-empty', 'data-placeholder': words.division }))
    } else if (node.type.name === 'article' && node.childCount === 1 && node.firstChild!.content.size === 0) {
      const at = pos + 1
      decos.push(Decoration.node(at, at + node.firstChild!.nodeSize, { class: 'is-empty', 'data-placeholder': words.article }))
    }
  })
  return DecorationSet.create(doc, decos)
}

/** The plugin; `words` is read at each change, so a language switch applies at the next edit. */
export function placeholdersPlugin (words: () => PlaceholderWords): Plugin {
  return new Plugin({
    props: {
      decorations: state => decorations(state.doc, words())
    }
  })
}
