/** Numbers of inserted articles, their place among the articles, and the wording of an additional article. */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { additionalArticleWording, insertedArticleNum, placeInsertions } from '../../shared/additional-article.ts'
import { compareArticleNums } from '../../shared/numbering.ts'

const plain = (s: string): string => s.replace(/\u00a0/g, ' ')

describe('additional articles: numbers, places, wording', () => {
  it('numbers as a parliament does: "2 bis" after "2", "2 ter" after "2 bis", "1er A" before "1er"', () => {
    const none = new Set<string>()
    assert.equal(insertedArticleNum('2', '3', none), '2 bis')
    assert.equal(insertedArticleNum('2 bis', '3', none), '2 ter')
    assert.equal(insertedArticleNum('2', '3', new Set(['2 bis'])), '2 ter')
    assert.equal(insertedArticleNum(null, '1er', none), '1er A')
    assert.equal(insertedArticleNum('1er A', '1er', new Set(['1er A'])), '1er B')
    assert.equal(insertedArticleNum('2', '2 bis', new Set(['2', '2 bis'])), '2 bis A')
    assert.equal(insertedArticleNum('7', null, none), '7 bis')
  })

  it('places insertions after their anchor in order, before-insertions before it, and keeps the order of the numbers', () => {
    const articles = [{ id: 'a1', num: '1er' }, { id: 'a2', num: '2' }, { id: 'a3', num: '3' }]
    const placed = placeInsertions(articles, [
      { id: 'x', anchor: 'a2', side: 'after' }, { id: 'y', anchor: 'a2', side: 'after' }, { id: 'z', anchor: 'a1', side: 'before' },
      { id: 'w', anchor: 'a3', side: 'before' }, { id: 'gone', anchor: 'nope', side: 'after' }
    ])
    assert.deepEqual(placed.map(p => p.kind === 'article' ? p.article.num : `${p.insertion.id}:${p.num}`), ['z:1er A', '1er', '2', 'x:2 bis', 'y:2 ter', 'w:2 quater', '3'])
  })

  it('always gives distinct numbers in the order of the text (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 6 }),
      fc.array(fc.record({ at: fc.nat(10), side: fc.constantFrom('after' as const, 'before' as const) }), { maxLength: 12 }),
      (n, adds) => {
        const articles = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, num: i === 0 ? '1er' : String(i + 1) }))
        const placed = placeInsertions(articles, adds.map((a, i) => ({ id: `i${i}`, anchor: `a${a.at % n}`, side: a.side })))
        const nums = placed.map(p => p.kind === 'article' ? p.article.num : p.num)
        assert.equal(new Set(nums).size, nums.length)
        for (let i = 1; i < nums.length; i++) assert.ok(compareArticleNums(nums[i - 1], nums[i]) < 0, `${nums[i - 1]} < ${nums[i]} in ${nums.join(', ')}`)
      }))
  })

  it('words the insertion in French and English', () => {
    assert.equal(plain(additionalArticleWording('after', '2', ['Premier.', 'Second.'], 'fr')),
      'Après l\'article 2, insérer un article additionnel ainsi rédigé :\n« Premier.\n« Second. »')
    assert.equal(additionalArticleWording('before', '1er', ['Only.'], 'en'), 'Before article 1er, insert an additional article worded as follows:\n"Only."')
  })
})
