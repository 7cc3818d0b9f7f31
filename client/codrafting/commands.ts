/**
 * The editor's own commands (ProseMirror `Command`s) on the bill schema:
 * add an article after the current one (fresh id, one empty alinéa; the
 * numbering plugin gives it its number), add a division before the current
 * article (after the current division), add an alinéa after the current
 * one, delete the current article, and leave a division heading with Enter.
 * Each returns false where it does not apply, so the toolbar can ask.
 */
import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { toggleMark } from 'prosemirror-commands'
import type { MarkType } from 'prosemirror-model'
import { schema } from '../../shared/schema.ts'
import { newId } from '../../shared/ids.ts'

/** Division levels the toolbar offers: 1 titre, 2 chapitre, 3 section. */
export type DivisionLevel = 1 | 2 | 3

/** The top-level block (article or division) holding the selection's head, with its position; null for a selection of the whole doc. */
function currentBlock (state: EditorState): { pos: number; end: number; type: string } | null {
  const $head = state.selection.$head
  if ($head.depth < 1) return null
  return { pos: $head.before(1), end: $head.after(1), type: $head.node(1).type.name }
}

function newArticle () {
  return schema.nodes.article.create({ id: newId('art'), num: '', heading: null }, schema.nodes.alinea.create())
}

/** Adds an empty article after the current block, with the cursor in its alinéa. */
export const addArticle: Command = (state, dispatch) => {
  const block = currentBlock(state)
  const at = block ? block.end : state.doc.content.size
  if (dispatch) {
    const tr = state.tr.insert(at, newArticle())
    tr.setSelection(TextSelection.create(tr.doc, at + 2)).scrollIntoView()
    dispatch(tr)
  }
  return true
}

/** A command adding an empty division of `level`: before the current article, or after the current division. */
export function addDivision (level: DivisionLevel): Command {
  return (state, dispatch) => {
    const block = currentBlock(state)
    if (!block) return false
    const at = block.type === 'article' ? block.pos : block.end
    if (dispatch) {
      const tr = state.tr.insert(at, schema.nodes.division.create({ id: newId('div'), level }))
      tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView()
      dispatch(tr)
    }
    return true
  }
}

/** Adds an empty alinéa after the current one (the selection must be in an article). */
export const addAlinea: Command = (state, dispatch) => {
  const $to = state.selection.$to
  if ($to.depth < 2 || $to.node(1).type.name !== 'article') return false
  const at = $to.after(2)
  if (dispatch) {
    const tr = state.tr.insert(at, schema.nodes.alinea.create())
    tr.setSelection(TextSelection.create(tr.doc, at + 1)).scrollIntoView()
    dispatch(tr)
  }
  return true
}

/** Deletes the current article, when another article remains. */
export const deleteArticle: Command = (state, dispatch) => {
  const block = currentBlock(state)
  if (!block || block.type !== 'article') return false
  let articles = 0
  state.doc.forEach(node => { if (node.type.name === 'article') articles++ })
  if (articles < 2) return false
  if (dispatch) {
    const tr = state.tr.delete(block.pos, block.end)
    const near = Math.min(block.pos, tr.doc.content.size)
    tr.setSelection(TextSelection.near(tr.doc.resolve(near), near === 0 ? 1 : -1)).scrollIntoView()
    dispatch(tr)
  }
  return true
}

/**
 * Enter at the end of a division heading: go to the article that follows
 * (or add one), rather than splitting the heading in two.
 */
export const leaveDivision: Command = (state, dispatch) => {
  const { $head, empty } = state.selection
  if (!empty || $head.depth !== 1 || $head.parent.type.name !== 'division' || $head.parentOffset < $head.parent.content.size) return false
  const end = $head.after(1)
  const next = state.doc.nodeAt(end)
  if (dispatch) {
    if (next?.type.name === 'article') {
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, end + 2)).scrollIntoView())
    } else {
      const tr = state.tr.insert(end, newArticle())
      dispatch(tr.setSelection(TextSelection.create(tr.doc, end + 2)).scrollIntoView())
    }
  }
  return true
}

/** A command setting the heading of the current article (null or blank removes it). */
export function setArticleHeading (heading: string | null): Command {
  return (state, dispatch) => {
    const block = currentBlock(state)
    if (!block || block.type !== 'article') return false
    const node = state.doc.nodeAt(block.pos)!
    const value = heading?.replace(/\s+/g, ' ').trim() || null
    if (node.attrs.heading === value) return false
    if (dispatch) dispatch(state.tr.setNodeMarkup(block.pos, undefined, { ...node.attrs, heading: value }))
    return true
  }
}

/** Toggles a mark (em, strong) on the selection, where the schema allows it. */
export function toggle (type: MarkType): Command {
  return toggleMark(type)
}

/** Whether `type` is active at the selection (stored marks for a cursor). */
export function markActive (state: EditorState, type: MarkType): boolean {
  const { from, to, empty, $from } = state.selection
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks())
  return state.doc.rangeHasMark(from, to, type)
}
