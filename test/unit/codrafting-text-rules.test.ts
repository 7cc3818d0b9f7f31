/**
 * The co-drafting editor's text rules, without a browser: the numbering
 * rule (plain 1er, 2, 3 renumbered on structural changes; parliamentary
 * "bis" numbers kept, new articles fitted between their neighbours), and
 * the plugin with the toolbar commands on a ProseMirror state: a new
 * article is numbered, a deleted one closes the gap, a pasted copy gets a
 * fresh id, and typing never renumbers.
 */
import assert from 'node:assert/strict'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import { Slice, Fragment } from 'prosemirror-model'
import { schema } from '../../shared/schema.ts'
import { compareArticleNums } from '../../shared/numbering.ts'
import { numbersValid, planNumbers } from '../../shared/numbering.ts'
import { textRulesPlugin } from '../../client/codrafting/text-rules.ts'
import { addArticle, addDivision, deleteArticle } from '../../client/codrafting/commands.ts'

function article (id: string | null, num: string, text: string) {
  return schema.node('article', { id, num, heading: null }, [schema.node('alinea', null, text ? [schema.text(text)] : [])])
}

function stateOf (...articles: ReturnType<typeof article>[]): EditorState {
  return EditorState.create({ schema, doc: schema.node('doc', null, articles), plugins: [textRulesPlugin()] })
}

function run (state: EditorState, command: (s: EditorState, d: (tr: Transaction) => void) => boolean): EditorState {
  let next = state
  assert.ok(command(state, tr => { next = state.apply(tr) }), 'the command applies')
  return next
}

/** Puts the cursor inside the n-th top-level block. */
function inBlock (state: EditorState, n: number): EditorState {
  let pos = 0
  for (let i = 0; i < n; i++) pos += state.doc.child(i).nodeSize
  return state.apply(state.tr.setSelection(TextSelection.near(state.doc.resolve(pos + 1))))
}

const nums = (s: EditorState) => { const out: string[] = []; s.doc.forEach(n => { if (n.type.name === 'article') out.push(n.attrs.num as string) }); return out }
const ids = (s: EditorState) => { const out: string[] = []; s.doc.forEach(n => { out.push(n.attrs.id as string) }); return out }

describe('editor numbering rule', () => {
  it('numbers plain texts 1er, 2, 3 when the list of articles changes', () => {
    assert.deepEqual(planNumbers(['1er', '', '2'], true), ['1er', '2', '3'])
    assert.deepEqual(planNumbers(['1er', '3'], true), ['1er', '2'], 'a removal closes the gap')
    assert.deepEqual(planNumbers(['1', '2'], true), ['1er', '2'])
    assert.deepEqual(planNumbers(['2', '1er'], true), ['1er', '2'], 'a move renumbers')
  })

  it('leaves a valid text alone when only its words changed', () => {
    const imported = ['1er', '2', '5']
    assert.equal(planNumbers(imported, false), imported)
    assert.deepEqual(planNumbers(['1er', '1er'], false), ['1er', '2'], 'a repeated number is repaired')
    assert.deepEqual(planNumbers(['1er', ''], false), ['1er', '2'], 'a missing number is given')
  })

  it('keeps parliamentary numbers and fits new articles between their neighbours', () => {
    assert.deepEqual(planNumbers(['1er', '2', '2 bis', '3'], true), ['1er', '2', '2 bis', '3'], 'kept, gaps included')
    assert.deepEqual(planNumbers(['1er', '2 bis', '', '3'], true), ['1er', '2 bis', '2 ter', '3'])
    assert.deepEqual(planNumbers(['1er', '2 bis', '4', ''], true), ['1er', '2 bis', '4', '5'])
    assert.deepEqual(planNumbers(['1er', '2 bis', '', '4'], true), ['1er', '2 bis', '3', '4'])
    assert.deepEqual(planNumbers(['', '1er', '1er bis'], true), ['1er A', '1er', '1er bis'])
    assert.deepEqual(planNumbers(['1er', '2 bis', '', '2 ter'], true), ['1er', '2 bis', '2 ter A', '2 ter'])
    assert.deepEqual(planNumbers(['1er', '2 bis', '2 bis', '3'], false), ['1er', '2 bis', '2 ter', '3'], 'a pasted copy is renumbered')
  })

  it('always gives valid, increasing numbers (random lists)', () => {
    const pool = ['', '1er', '2', '2 bis', '2 ter', '3', '3 A', '4', 'L. 12', '7 quater']
    let seed = 42
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    for (let i = 0; i < 2000; i++) {
      const list = Array.from({ length: 1 + rand(8) }, () => pool[rand(pool.length)])
      const out = planNumbers(list, rand(2) === 0)
      assert.ok(numbersValid(out), `${JSON.stringify(list)} -> ${JSON.stringify(out)}`)
      for (let j = 1; j < out.length; j++) assert.ok(compareArticleNums(out[j - 1], out[j]) < 0)
    }
  })
})

describe('editor text rules plugin and commands', () => {
  it('numbers an article added after the current one, with a fresh id and one empty alinéa', () => {
    let s = inBlock(stateOf(article('art_a', '1er', 'Un.'), article('art_b', '2', 'Deux.')), 0)
    s = run(s, addArticle)
    assert.deepEqual(nums(s), ['1er', '2', '3'])
    const added = s.doc.child(1)
    assert.match(added.attrs.id as string, /^art_[0-9a-z]{16}$/)
    assert.equal(added.childCount, 1)
    assert.equal(added.textContent, '')
    assert.equal(s.doc.child(2).attrs.id, 'art_b', 'the following article keeps its id, and takes number 3')
    assert.equal(s.selection.$head.parent.type.name, 'alinea')
    assert.equal(s.selection.$head.node(1), added, 'the cursor is in the new article')
  })

  it('closes the gap when an article is deleted, and never deletes the last one', () => {
    let s = inBlock(stateOf(article('art_a', '1er', 'Un.'), article('art_b', '2', 'Deux.'), article('art_c', '3', 'Trois.')), 1)
    s = run(s, deleteArticle)
    assert.deepEqual(ids(s), ['art_a', 'art_c'])
    assert.deepEqual(nums(s), ['1er', '2'])
    const single = inBlock(stateOf(article('art_a', '1er', 'Un.')), 0)
    assert.equal(deleteArticle(single), false)
  })

  it('puts a division before the current article; typing never renumbers', () => {
    let s = inBlock(stateOf(article('art_a', '1er', 'Un.'), article('art_b', '5', 'Cinq.')), 1)
    s = run(s, addDivision(2))
    assert.equal(s.doc.child(1).type.name, 'division')
    assert.equal(s.doc.child(1).attrs.level, 2)
    assert.match(s.doc.child(1).attrs.id as string, /^div_/)
    s = s.apply(s.tr.insertText('Chapitre Ier'))
    assert.deepEqual(nums(s), ['1er', '5'], 'an imported "5" stays while the list of articles is unchanged')
  })

  it('gives a pasted copy of an article a fresh id, the original keeps its own', () => {
    let s = stateOf(article('art_a', '1er', 'Un.'), article('art_b', '2', 'Deux.'))
    const copy = s.doc.child(0)
    // Paste the copy before the original: still the copy is renamed.
    s = s.apply(s.tr.replace(0, 0, new Slice(Fragment.from(copy), 0, 0)))
    assert.equal(s.doc.childCount, 3)
    assert.equal(s.doc.child(1).attrs.id, 'art_a', 'the original keeps its id')
    assert.notEqual(s.doc.child(0).attrs.id, 'art_a')
    assert.equal(new Set(ids(s)).size, 3)
    assert.deepEqual(nums(s), ['1er', '2', '3'])
  })
})
