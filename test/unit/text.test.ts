import assert from 'node:assert/strict'
import fc from 'fast-check'
import { toHexString } from 'lib0/buffer'
import { encodeUtf8 } from 'lib0/string'
// lib0's pure-JS SHA-256, the one browsers get (Node resolves lib0/hash/sha256 to node:crypto).
import { digest as browserDigest } from '../../node_modules/lib0/hash/sha256.js'
import { schema } from '../../shared/schema.ts'
import {
  MAX_ALINEA_LENGTH, MAX_ARTICLES, TextError, articleAlineas, articleHash, articleIdFixes, articleOrdinal,
  articlesOf, blocksToDoc, compareArticleNums, dedupeArticleIds, dedupeDocIds, docToBlocks, findArticle,
  normaliseAlinea, normaliseArticleNum, parseArticleNum, validateBlocks
} from '../../shared/text.ts'
import type { BillBlock, NodeJSON } from '../../shared/types.ts'

const NBSP = '\u00a0'
const NNBSP = '\u202f'

function art (id: string, num: string, alineas: string[], heading: string | null = null): BillBlock {
  return { kind: 'article', id, num, heading, alineas }
}

const sample: BillBlock[] = [
  { kind: 'division', id: 'div_1', level: 1, title: 'Titre Ier – Dispositions générales' },
  art('art_1', '1er', ['La présente loi est applicable.'], 'Champ'),
  { kind: 'division', id: 'div_2', level: 2, title: 'Chapitre II' },
  art('art_2', '2', ['I. - Premier alinéa :', '1° Un ;', '2° Deux.']),
  art('art_3', '2 bis', [''])
]

describe('shared/text', () => {
  describe('blocksToDoc / docToBlocks', () => {
    it('round-trips blocks through the document', () => {
      const doc = blocksToDoc(sample)
      assert.equal(doc.type, 'doc')
      assert.equal(doc.content?.length, 5)
      assert.deepEqual(docToBlocks(doc), sample)
    })

    it('writes the JSON ProseMirror itself writes', () => {
      const doc = blocksToDoc(sample)
      assert.equal(JSON.stringify(schema.nodeFromJSON(doc).toJSON()), JSON.stringify(doc))
      assert.deepEqual(doc.content?.[1], {
        type: 'article',
        attrs: { id: 'art_1', num: '1er', heading: 'Champ' },
        content: [{ type: 'alinea', content: [{ type: 'text', text: 'La présente loi est applicable.' }] }]
      })
    })

    it('round-trips any valid blocks (property)', () => {
      const text = fc.string({ maxLength: 30 })
      const block = fc.oneof(
        fc.record({ kind: fc.constant('division' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), title: text }),
        fc.record({ kind: fc.constant('article' as const), num: text, heading: fc.option(text, { nil: null }), alineas: fc.array(text, { minLength: 1, maxLength: 4 }) })
      )
      fc.assert(fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), raw => {
        const blocks = raw.map((b, i) => ({ ...b, id: `id_${i}` })) as BillBlock[]
        assert.deepEqual(docToBlocks(blocksToDoc(blocks)), blocks)
      }), { seed: 20240601, numRuns: 200 })
    })

    it('refuses blocks that cannot make a valid document with RangeError', () => {
      assert.throws(() => blocksToDoc([]), RangeError)
      assert.throws(() => blocksToDoc([art('a', '1', [])]), RangeError)
      assert.throws(() => blocksToDoc([{ kind: 'division', id: 'd', level: 7 as 1, title: 'x' }]), RangeError)
    })

    it('rejects invalid document JSON with RangeError', () => {
      const valid = blocksToDoc(sample)
      const cases: unknown[] = [
        null,
        'doc',
        { type: 'doc' },
        { type: 'doc', content: [] },
        { type: 'doc', content: 'x' },
        { type: 'nope', content: [] },
        { type: 'paragraph', content: [] },
        { type: 'article', attrs: { id: 'a', num: '1' }, content: [{ type: 'alinea' }] },
        { type: 'doc', content: [{ type: 'alinea', content: [{ type: 'text', text: 'x' }] }] },
        { type: 'doc', content: [{ type: 'article', attrs: { id: 'a', num: '1' }, content: [] }] },
        { type: 'doc', content: [{ type: 'article', attrs: { id: 'a', num: '1' }, content: [{ type: 'alinea', content: [{ type: 'text', text: '' }] }] }] },
        { type: 'doc', content: [{ type: 'article', attrs: { id: 'a', num: 1 }, content: [{ type: 'alinea' }] }] },
        { type: 'doc', content: [{ type: 'division', attrs: { id: 'd', level: 0 } }] },
        { type: 'doc', content: [{ type: 'division', attrs: { id: 'd', level: 1 }, content: [{ type: 'text', text: 'T', marks: [{ type: 'em' }] }] }] },
        { type: 'doc', content: [{ type: 'article', attrs: { id: 'a', num: '1' }, content: [{ type: 'alinea', content: [{ type: 'text', text: 'x', marks: [{ type: 'link' }] }] }] }] },
        { type: 'doc', content: [{ type: 'article', attrs: { id: 3, num: '1' }, content: [{ type: 'alinea' }] }] },
        { ...valid, content: [...valid.content!, 'x'] }
      ]
      for (const json of cases) {
        assert.throws(() => docToBlocks(json as NodeJSON), RangeError, JSON.stringify(json))
      }
    })

    it('gives ids as they are, repeated or missing, for dedupeArticleIds to repair', () => {
      const valid = blocksToDoc(sample)
      const pasted: NodeJSON = { ...valid, content: [...valid.content!, valid.content![1]!, { type: 'article', attrs: { num: '9' }, content: [{ type: 'alinea' }] }] }
      const blocks = docToBlocks(pasted)
      assert.deepEqual(blocks.map(b => b.id), ['div_1', 'art_1', 'div_2', 'art_2', 'art_3', 'art_1', ''])
      const repaired = dedupeArticleIds(blocks)
      assert.equal(new Set(repaired.map(b => b.id)).size, 7)
      assert.deepEqual(repaired.slice(0, 6).map(b => b.id === blocks[repaired.indexOf(b)]!.id), [true, true, true, true, true, false])
    })

    it('drops marks in plain alinéas', () => {
      const doc: NodeJSON = {
        type: 'doc',
        content: [{
          type: 'article',
          attrs: { id: 'a', num: '1er', heading: null },
          content: [{ type: 'alinea', content: [{ type: 'text', text: 'Les ' }, { type: 'text', text: 'salariés', marks: [{ type: 'strong' }, { type: 'em' }] }, { type: 'text', text: ' informent.' }] }]
        }]
      }
      assert.deepEqual(docToBlocks(doc), [art('a', '1er', ['Les salariés informent.'])])
      assert.deepEqual(articleAlineas(doc.content![0]!), ['Les salariés informent.'])
      assert.deepEqual(articleAlineas(schema.nodeFromJSON(doc).firstChild!), ['Les salariés informent.'])
    })
  })

  describe('articleAlineas / findArticle / articlesOf', () => {
    const doc = blocksToDoc(sample)
    it('gives the alinéas of an article node', () => {
      assert.deepEqual(articleAlineas(doc.content![3]!), ['I. - Premier alinéa :', '1° Un ;', '2° Deux.'])
      assert.throws(() => articleAlineas(doc.content![0]!), RangeError)
      assert.throws(() => articleAlineas(schema.nodeFromJSON(doc)), RangeError)
    })

    it('finds an article by id in JSON and in a node', () => {
      const expected = { id: 'art_2', num: '2', heading: null, alineas: ['I. - Premier alinéa :', '1° Un ;', '2° Deux.'] }
      assert.deepEqual(findArticle(doc, 'art_2'), expected)
      assert.deepEqual(findArticle(schema.nodeFromJSON(doc), 'art_2'), expected)
      assert.deepEqual(findArticle(doc, 'art_1')?.heading, 'Champ')
      assert.equal(findArticle(doc, 'div_1'), null)
      assert.equal(findArticle(schema.nodeFromJSON(doc), 'nope'), null)
    })

    it('lists the articles of blocks', () => {
      assert.deepEqual(articlesOf(sample).map(a => a.num), ['1er', '2', '2 bis'])
      assert.equal('kind' in articlesOf(sample)[0]!, false)
    })
  })

  describe('normaliseAlinea', () => {
    it('trims and collapses white space', () => {
      assert.equal(normaliseAlinea('  Le   texte\t\n  suit.  '), 'Le texte suit.')
      assert.equal(normaliseAlinea('\u200bLe\u200b texte'), 'Le texte')
      assert.equal(normaliseAlinea('   '), '')
    })

    it('keeps non-breaking spaces where they are, without adding any', () => {
      assert.equal(normaliseAlinea(`notamment${NBSP}:`), `notamment${NBSP}:`)
      assert.equal(normaliseAlinea(`notamment :`), 'notamment :')
      assert.equal(normaliseAlinea(`notamment ${NBSP} :`), `notamment${NBSP}:`)
      assert.equal(normaliseAlinea(`les mots${NBSP}:${NBSP}«${NNBSP}trente jours${NNBSP}»`), `les mots${NBSP}:${NBSP}«${NNBSP}trente jours${NNBSP}»`)
      assert.equal(normaliseAlinea(`10${NBSP}000 euros ; fin${NBSP}!`), `10${NBSP}000 euros ; fin${NBSP}!`)
      assert.equal(normaliseAlinea(`${NBSP}début`), 'début')
    })

    it('composes accents (NFC), so that equal texts hash equal', () => {
      const decomposed = 'de\u0301cret'
      assert.equal(normaliseAlinea(decomposed), 'décret')
      assert.equal(articleHash([normaliseAlinea(decomposed)]), articleHash(['décret']))
    })

    it('is idempotent', () => {
      fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', NBSP, NNBSP, ':', '«', '\u200b', 'é') }), s => {
        const once = normaliseAlinea(s)
        assert.equal(normaliseAlinea(once), once)
        assert.doesNotMatch(once, /^\s|\s$|\s\s/)
      }), { seed: 7, numRuns: 300 })
    })
  })

  describe('numbering', () => {
    it('prints ordinals as French bills do', () => {
      assert.deepEqual([1, 2, 3, 10, 101].map(articleOrdinal), ['1er', '2', '3', '10', '101'])
      for (const bad of [0, -1, 1.5, NaN]) assert.throws(() => articleOrdinal(bad), RangeError)
    })

    it('parses numbers with suffixes', () => {
      assert.deepEqual(parseArticleNum('2 bis'), { n: 2, suffix: 'bis' })
      assert.deepEqual(parseArticleNum('1er'), { n: 1, suffix: null })
      assert.deepEqual(parseArticleNum('1'), { n: 1, suffix: null })
      assert.deepEqual(parseArticleNum(' 3 ter '), { n: 3, suffix: 'ter' })
      assert.deepEqual(parseArticleNum('2bis'), { n: 2, suffix: 'bis' })
      assert.deepEqual(parseArticleNum('17-BIS'), { n: 17, suffix: 'bis' })
      assert.deepEqual(parseArticleNum('4 quinquies A'), { n: 4, suffix: 'quinquies A' })
      assert.deepEqual(parseArticleNum('1er AA'), { n: 1, suffix: 'AA' })
      assert.deepEqual(parseArticleNum('12 novodecies'), { n: 12, suffix: 'novodecies' })
      assert.deepEqual(parseArticleNum('premier'), { n: 1, suffix: null })
      assert.deepEqual(parseArticleNum('unique'), { n: 1, suffix: null })
      assert.deepEqual(parseArticleNum('préliminaire'), { n: 0, suffix: null })
      for (const bad of ['', 'L. 1114-1', 'bis', '2 foo', '2 a']) assert.equal(parseArticleNum(bad), null, bad)
    })

    it('normalises printed numbers', () => {
      const cases: [string, string | null][] = [
        ['1er', '1er'], ['1 ER', '1er'], ['premier', '1er'], ['1', '1'], ['2-BIS', '2 bis'], ['2bis', '2 bis'],
        ['4 quater a', null], ['4 Quater A', '4 quater A'], ['Unique', 'unique'], ['préliminaire', 'préliminaire'], ['L. 1', null]
      ]
      for (const [raw, expected] of cases) assert.equal(normaliseArticleNum(raw), expected, raw)
    })

    it('orders numbers as they follow in a bill', () => {
      const ordered = ['préliminaire', '1er A', '1er', '1er bis', '2 AA', '2 AB', '2 A', '2 B', '2', '2 bis A', '2 bis', '2 ter', '2 quater', '2 decies', '3', '10', 'L. 1']
      const shuffled = [...ordered].reverse()
      shuffled.push(shuffled.shift()!)
      assert.deepEqual(shuffled.sort(compareArticleNums), ordered)
      assert.equal(compareArticleNums('1', '1er'), 0)
      assert.ok(compareArticleNums('9', '10') < 0)
    })
  })

  describe('articleHash', () => {
    it('is a stable SHA-256 hex digest', () => {
      const h = articleHash(['La présente loi est applicable.'])
      assert.match(h, /^[0-9a-f]{64}$/)
      assert.equal(articleHash(['La présente loi est applicable.']), h)
      // Pinned: the same value in every process, server or browser.
      assert.equal(articleHash([]), '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945')
    })

    it('is the same with the browser implementation', () => {
      for (const alineas of [[], ['La présente loi est applicable.'], ['é', '«\u00a0x\u00a0»', '😀']]) {
        assert.equal(articleHash(alineas), toHexString(browserDigest(encodeUtf8(JSON.stringify(alineas)))))
      }
    })

    it('changes with the text, the split into alinéas and their order', () => {
      const hashes = [['a b'], ['a', 'b'], ['b', 'a'], ['a b '], ['a\u00a0b'], ['ab'], [], ['']].map(articleHash)
      assert.equal(new Set(hashes).size, hashes.length)
      fc.assert(fc.property(fc.array(fc.string()), fc.array(fc.string()), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b))
        assert.notEqual(articleHash(a), articleHash(b))
      }), { seed: 3, numRuns: 200 })
    })
  })

  describe('id repair', () => {
    it('gives later duplicates and missing ids fresh ids, the first holder keeps its id', () => {
      const blocks: BillBlock[] = [
        art('art_a', '1er', ['x']),
        art('art_a', '2', ['y']),
        { kind: 'division', id: '', level: 1, title: 'T' },
        art('art_b', '3', ['z']),
        art('art_a', '4', ['w'])
      ]
      const fixed = dedupeArticleIds(blocks)
      assert.equal(fixed[0]!.id, 'art_a')
      assert.match(fixed[1]!.id, /^art_[0-9a-z]{16}$/)
      assert.match(fixed[2]!.id, /^div_[0-9a-z]{16}$/)
      assert.equal(fixed[3]!.id, 'art_b')
      assert.equal(new Set(fixed.map(b => b.id)).size, 5)
      assert.deepEqual(fixed.map(b => b.kind === 'article' ? b.num : b.title), ['1er', '2', 'T', '3', '4'])
      assert.equal(blocks[1]!.id, 'art_a', 'input untouched')
      assert.doesNotThrow(() => docToBlocks(blocksToDoc(fixed)))
    })

    it('repairs a document, and leaves a sound one as it is', () => {
      const doc = blocksToDoc(sample)
      assert.equal(dedupeDocIds(doc), doc)
      const broken: NodeJSON = { ...doc, content: [...doc.content!, doc.content![1]!, { type: 'article', attrs: { id: null, num: '9', heading: null }, content: [{ type: 'alinea' }] }] }
      const repaired = dedupeDocIds(broken)
      const blocks = docToBlocks(repaired)
      assert.equal(blocks.length, 7)
      assert.equal(blocks[1]!.id, 'art_1')
      assert.notEqual(blocks[5]!.id, 'art_1')
      assert.deepEqual((blocks[5] as { alineas: string[] }).alineas, ['La présente loi est applicable.'])
    })

    it('lists the fixes an editor plugin must apply', () => {
      const doc = blocksToDoc(sample)
      const node = schema.nodeFromJSON({ ...doc, content: [...doc.content!, doc.content![3]!] })
      assert.deepEqual(articleIdFixes(schema.nodeFromJSON(doc)), [])
      const fixes = articleIdFixes(node)
      assert.equal(fixes.length, 1)
      let lastPos = -1
      node.forEach((_child, pos) => { lastPos = pos })
      assert.equal(fixes[0]!.pos, lastPos)
      assert.match(fixes[0]!.id, /^art_/)
    })
  })

  describe('validateBlocks', () => {
    it('accepts a sound bill', () => {
      assert.doesNotThrow(() => validateBlocks(sample.slice(0, 4)))
    })

    function code (fn: () => void): string {
      try {
        fn()
      } catch (err) {
        assert.ok(err instanceof TextError, String(err))
        assert.equal(err.name, 'TextError')
        return err.details.code
      }
      assert.fail('no TextError')
    }

    it('refuses with a TextError and a code', () => {
      assert.equal(code(() => validateBlocks([])), 'no_article')
      assert.equal(code(() => validateBlocks([sample[0]!])), 'no_article')
      assert.equal(code(() => validateBlocks([art('a', '1', [])])), 'empty_article')
      assert.equal(code(() => validateBlocks([art('a', '1', ['', ' '])])), 'empty_article')
      assert.equal(code(() => validateBlocks([art('a', '1', ['x']), art('b', '1er', ['y'])])), 'duplicate_number')
      assert.equal(code(() => validateBlocks([art('a', '2 bis', ['x']), art('b', '2 BIS', ['y'])])), 'duplicate_number')
      assert.equal(code(() => validateBlocks([art('a', ' ', ['x'])])), 'invalid_format')
      assert.equal(code(() => validateBlocks([art('a', '1', ['x'.repeat(MAX_ALINEA_LENGTH + 1)])])), 'alinea_too_long')
      assert.doesNotThrow(() => validateBlocks([art('a', '1', ['x'.repeat(MAX_ALINEA_LENGTH)])]))
      const many = Array.from({ length: MAX_ARTICLES + 1 }, (_, i) => art(`a${i}`, articleOrdinal(i + 1), ['x']))
      assert.doesNotThrow(() => validateBlocks(many.slice(0, MAX_ARTICLES)))
      assert.equal(code(() => validateBlocks(many)), 'too_many_articles')
    })
  })
})
