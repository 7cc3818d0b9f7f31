/**
 * The amend editor: one ProseMirror view over the article's alinéas, edited
 * like a document (Enter starts a new alinéa, Backspace at the start of one
 * joins it to the previous). Alinéas are plain text, as amendments store
 * them: the schema has no marks, and pasted formatting is dropped. Undo and
 * redo (Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z or Ctrl+Y) keep a short history of
 * whole texts, grouped by pauses in typing (prosemirror-history is not a
 * dependency, and an article is small).
 *
 * Loaded with `import()` by the amend page: it is its own chunk, never part
 * of the reading path.
 */
import { Schema, type Node } from 'prosemirror-model'
import { EditorState, Plugin, PluginKey, TextSelection, type Command } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { keymap } from 'prosemirror-keymap'
import { baseKeymap } from 'prosemirror-commands'
import 'prosemirror-view/style/prosemirror.css'
import './amend.css'

/** An article as the amend editor holds it: alinéas of plain text. */
export const amendSchema = new Schema({
  nodes: {
    doc: { content: 'alinea+' },
    alinea: {
      content: 'text*',
      marks: '',
      parseDOM: [{ tag: 'p' }, { tag: 'li' }, { tag: 'div' }],
      toDOM: () => ['p', { class: 'amend-editor__alinea' }, 0]
    },
    text: {}
  },
  marks: {}
})

/** The whole article as ProseMirror content. */
function docOf (alineas: string[]): Node {
  const paragraphs = (alineas.length ? alineas : ['']).map(text => amendSchema.node('alinea', null, text ? amendSchema.text(text) : undefined))
  return amendSchema.node('doc', null, paragraphs)
}

interface History { done: Node[]; undone: Node[]; last: number }
const historyKey = new PluginKey<History>('amendHistory')
/** Edits closer together than this are undone together. */
const GROUP_MS = 700
const DEPTH = 200
/** Transaction meta: this change is an undo step of its own. */
const NEW_GROUP = 'amendNewGroup'

const historyPlugin = new Plugin<History>({
  key: historyKey,
  state: {
    init: () => ({ done: [], undone: [], last: 0 }),
    apply (tr, h, before) {
      const meta = tr.getMeta(historyKey) as History | undefined
      if (meta) return meta
      if (!tr.docChanged) return h
      const now = Date.now()
      const grouped = h.done.length > 0 && now - h.last < GROUP_MS && !tr.getMeta(NEW_GROUP)
      return { done: grouped ? h.done : [...h.done, before.doc].slice(-DEPTH), undone: [], last: now }
    }
  }
})

function restore (from: 'done' | 'undone'): Command {
  return (state, dispatch) => {
    const h = historyKey.getState(state)
    const stack = h?.[from]
    if (!h || !stack || stack.length === 0) return false
    if (dispatch) {
      const doc = stack[stack.length - 1]
      const tr = state.tr.replaceWith(0, state.doc.content.size, doc.content)
      tr.setSelection(TextSelection.near(tr.doc.resolve(Math.min(state.selection.from, tr.doc.content.size - 1))))
      const rest = stack.slice(0, -1)
      tr.setMeta(historyKey, from === 'done'
        ? { done: rest, undone: [...h.undone, state.doc], last: 0 }
        : { done: [...h.done, state.doc], undone: rest, last: 0 })
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}

/** Undo the last group of edits. */
export const undo = restore('done')
/** Redo what was undone. */
export const redo = restore('undone')

/** What the page gets back: read and replace the text, lock it, focus it, and tear it down. */
export interface AmendEditor {
  /** The alinéas as typed (not yet normalised; empty ones included). */
  getAlineas (): string[]
  /** Replaces the whole text (undoable). */
  setAlineas (alineas: string[]): void
  setEditable (editable: boolean): void
  focus (): void
  destroy (): void
}

export interface AmendEditorOptions {
  /** The accessible name of the text box. */
  label: string
  /** Ids of the hint (and errors) read with it. */
  describedBy?: string
  /** Called after every change of the text, with its alinéas. */
  onChange: (alineas: string[]) => void
}

/** Mounts the editor in `mount`, filled with `alineas`. */
export function createAmendEditor (mount: HTMLElement, alineas: string[], options: AmendEditorOptions): AmendEditor {
  let editable = true
  const read = (doc: Node): string[] => {
    const out: string[] = []
    doc.forEach(child => { out.push(child.textContent) })
    return out
  }
  const attributes: Record<string, string> = {
    class: 'amend-editor__text',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': options.label,
    spellcheck: 'true',
    lang: 'fr'
  }
  if (options.describedBy) attributes['aria-describedby'] = options.describedBy
  const view = new EditorView(mount, {
    state: EditorState.create({
      doc: docOf(alineas),
      plugins: [
        historyPlugin,
        keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }),
        keymap(baseKeymap)
      ]
    }),
    attributes,
    editable: () => editable,
    handleDOMEvents: {
      beforeinput (v, e) {
        const type = (e as InputEvent).inputType
        if (type === 'historyUndo') { e.preventDefault(); return undo(v.state, v.dispatch) }
        if (type === 'historyRedo') { e.preventDefault(); return redo(v.state, v.dispatch) }
        return false
      }
    },
    dispatchTransaction (tr) {
      const next = view.state.apply(tr)
      view.updateState(next)
      if (tr.docChanged) options.onChange(read(next.doc))
    }
  })
  return {
    getAlineas: () => read(view.state.doc),
    setAlineas (next) {
      const tr = view.state.tr.replaceWith(0, view.state.doc.content.size, docOf(next).content).setMeta(NEW_GROUP, true)
      view.dispatch(tr)
    },
    setEditable (value) {
      editable = value
      view.setProps({})
    },
    focus: () => view.focus(),
    destroy: () => view.destroy()
  }
}
