/**
 * `validDocJSON`: the valid part of a bill document. A valid document comes
 * back unchanged; unknown nodes and marks, misplaced nodes and invalid
 * attributes are dropped or reset; required content is filled.
 */
import assert from 'node:assert/strict'
import { validDocJSON as repaired } from '../../shared/schema-repair.ts'
import { docToBlocks } from '../../shared/text.ts'
import type { NodeJSON } from '../../shared/types.ts'

/** The repaired document as plain JSON (ProseMirror's attrs objects have no prototype). */
const validDocJSON = (json: unknown): NodeJSON => JSON.parse(JSON.stringify(repaired(json)))

const alinea = (text: string, marks?: { type: string }[]): NodeJSON => ({ type: 'alinea', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] })
const article = (id: string, num: string, ...content: NodeJSON[]): NodeJSON => ({ type: 'article', attrs: { id, num, heading: null }, content })

describe('validDocJSON', () => {
  it('returns a valid document unchanged', () => {
    const doc: NodeJSON = {
      type: 'doc',
      content: [
        { type: 'division', attrs: { id: 'div_1', level: 2 }, content: [{ type: 'text', text: 'Chapitre Ier' }] },
        article('art_1', '1er', alinea('Le délai est de ', [{ type: 'em' }]), { type: 'alinea' })
      ]
    }
    assert.deepEqual(validDocJSON(doc), doc)
  })

  it('drops unknown and misplaced nodes, unknown marks and marks where none are allowed', () => {
    const doc = validDocJSON({
      type: 'doc',
      content: [
        { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] },
        { type: 'alinea', content: [{ type: 'text', text: 'orphelin' }] },
        { type: 'division', attrs: { level: 1 }, content: [{ type: 'text', text: 'Titre', marks: [{ type: 'em' }] }] },
        article('art_1', '1er', { type: 'alinea', content: [{ type: 'iframe' }, { type: 'text', text: 'Texte', marks: [{ type: 'onclick' }, { type: 'strong' }, { type: 'em--abcdefgh' }] }] }),
        { type: 'constructor' } as NodeJSON
      ]
    })
    assert.deepEqual(docToBlocks(doc).map(b => b.kind === 'article' ? b.alineas : b.title), ['Titre', ['Texte']])
    assert.deepEqual(doc.content![0].content![0].marks, undefined)
    assert.deepEqual(doc.content![1].content![0].content![0].marks, [{ type: 'em' }, { type: 'strong' }])
  })

  it('resets invalid attributes and fills required content', () => {
    const doc = validDocJSON({
      type: 'doc',
      content: [
        { type: 'division', attrs: { id: 5, level: 9, onload: 'x' }, content: [] },
        { type: 'article', attrs: { id: 'art_1', num: 2 }, content: [] }
      ]
    })
    assert.deepEqual(doc, {
      type: 'doc',
      content: [
        { type: 'division', attrs: { id: null, level: 1 } },
        { type: 'article', attrs: { id: 'art_1', num: '', heading: null }, content: [{ type: 'alinea' }] }
      ]
    })
  })

  it('makes an empty or malformed document one empty article', () => {
    const one = { type: 'doc', content: [{ type: 'article', attrs: { id: null, num: '', heading: null }, content: [{ type: 'alinea' }] }] }
    assert.deepEqual(validDocJSON({ type: 'doc', content: [] }), one)
    assert.deepEqual(validDocJSON(null), one)
    assert.deepEqual(validDocJSON({ type: 'doc', content: 'x' }), one)
  })
})
