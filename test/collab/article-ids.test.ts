/**
 * Article ids in the editor, through the plugin the editor runs
 * (`textRulesPlugin` of client/codrafting/text-rules.ts, with `idRepairs` of
 * shared/article-ids.ts): after a paste or a split
 * that leaves two articles with one id, the newcomer gets a fresh id and the
 * original keeps its own (even when the copy lands before it); an article
 * without id gets one; undoing a deletion brings the same id back, through
 * ProseMirror step inversion and through the Yjs UndoManager alike.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { EditorState, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { prosemirrorJSONToYDoc } from 'y-prosemirror'
import { schema } from '../../shared/schema.ts'
import { blocksToDoc } from '../../shared/text.ts'
import { TEXT_RULES_META, textRulesPlugin } from '../../client/codrafting/text-rules.ts'
import { FRAGMENT } from '../../server/domain/documents.ts'

const ids = (doc: Node): (string | null)[] => { const out: (string | null)[] = []; doc.forEach(n => out.push(n.attrs.id)); return out }
const posOf = (doc: Node, index: number): number => { let p = 0; for (let i = 0; i < index; i++) p += doc.child(i).nodeSize; return p }

function start (): EditorState {
  const doc = schema.nodeFromJSON(blocksToDoc([
    { kind: 'article', id: 'art_a', num: '1er', heading: null, alineas: ['Premier.'] },
    { kind: 'article', id: 'art_b', num: '2', heading: null, alineas: ['Deuxième.', 'Suite.'] },
    { kind: 'article', id: 'art_c', num: '3', heading: null, alineas: ['Troisième.'] }
  ]))
  return EditorState.create({ schema, doc, plugins: [textRulesPlugin()] })
}

/** Applies a transaction as a view would, returning the new state and the transactions appended. */
function apply (state: EditorState, tr: Transaction): { state: EditorState; appended: readonly Transaction[] } {
  const { state: next, transactions } = state.applyTransaction(tr)
  return { state: next, appended: transactions.slice(1) }
}

describe('Article ids in the editor', () => {
  it('gives the pasted copy of an article a fresh id; the original keeps its id', () => {
    const state = start()
    const b = state.doc.child(1)
    const { state: after, appended } = apply(state, state.tr.insert(posOf(state.doc, 2), b))
    const got = ids(after.doc)
    assert.equal(got.length, 4)
    assert.deepEqual([got[0], got[1], got[3]], ['art_a', 'art_b', 'art_c'])
    assert.match(got[2]!, /^art_[0-9a-z]{16}$/)
    assert.equal(new Set(got).size, 4)
    assert.equal(appended.length, 1)
    assert.equal(appended[0].getMeta(TEXT_RULES_META), true)
  })

  it('renames the copy even when it is pasted before the original', () => {
    const state = start()
    const c = state.doc.child(2)
    const { state: after } = apply(state, state.tr.insert(0, c))
    const got = ids(after.doc)
    assert.notEqual(got[0], 'art_c', 'the copy in front is the newcomer')
    assert.deepEqual(got.slice(1), ['art_a', 'art_b', 'art_c'])
  })

  it('gives a fresh id to the second half of a split article', () => {
    const state = start()
    // Inside "Deuxième." of article 2: split the alinéa and the article (depth 2).
    const inside = posOf(state.doc, 1) + 2 + 4
    const { state: after } = apply(state, state.tr.split(inside, 2))
    const got = ids(after.doc)
    assert.equal(got.length, 4)
    assert.deepEqual([got[0], got[1], got[3]], ['art_a', 'art_b', 'art_c'])
    assert.ok(got[2] && got[2] !== 'art_b')
    assert.equal(after.doc.child(1).textContent, 'Deux')
  })

  it('gives an id to an article inserted without one', () => {
    const state = start()
    const bare = schema.nodes.article.create({ num: '4' }, schema.nodes.alinea.create(null, schema.text('Quatrième.')))
    const { state: after } = apply(state, state.tr.insert(state.doc.content.size, bare))
    assert.match(ids(after.doc)[3]!, /^art_/)
  })

  it('leaves a document with unique ids alone (no appended transaction)', () => {
    const state = start()
    const { appended } = apply(state, state.tr.insertText('Très ', 3))
    assert.equal(appended.length, 0)
  })

  it('brings back the same id when a deletion is undone (step inversion)', () => {
    const state = start()
    const from = posOf(state.doc, 1)
    const tr = state.tr.delete(from, from + state.doc.child(1).nodeSize)
    const { state: deleted, appended: repairs } = apply(state, tr)
    assert.deepEqual(ids(deleted.doc), ['art_a', 'art_c'])
    // One undo step takes back the edit and what the plugin appended to it (the renumbering).
    const undo = deleted.tr
    for (const done of [tr, ...repairs].reverse()) {
      for (let i = done.steps.length - 1; i >= 0; i--) undo.step(done.steps[i].invert(done.docs[i]))
    }
    const { state: restored, appended } = apply(deleted, undo)
    assert.deepEqual(ids(restored.doc), ['art_a', 'art_b', 'art_c'])
    assert.equal(appended.length, 0, 'nothing to repair')
  })

  it('brings back the same id when a deletion is undone (Yjs UndoManager, as y-prosemirror undoes)', () => {
    const state = start()
    const ydoc = prosemirrorJSONToYDoc(schema, state.doc.toJSON(), FRAGMENT)
    const fragment = ydoc.getXmlFragment(FRAGMENT)
    const undo = new Y.UndoManager(fragment)
    fragment.delete(1, 1)
    const idsOf = (): unknown[] => fragment.toArray().map(n => (n as Y.XmlElement).getAttribute('id'))
    assert.deepEqual(idsOf(), ['art_a', 'art_c'])
    undo.undo()
    assert.deepEqual(idsOf(), ['art_a', 'art_b', 'art_c'])
    undo.destroy()
  })
})
