import assert from 'node:assert/strict'
import { baseFrom, diffArticle, diffWords, proposedFrom, similarity, type AlineaDiff, type ArticleDiff } from '../../shared/diff.ts'
import { fixtureArticle } from '../helpers/fixtures.ts'

function roundTrip (base: string[], proposed: string[]): ArticleDiff {
  const diff = diffArticle(base, proposed)
  assert.deepEqual(baseFrom(diff), base)
  assert.deepEqual(proposedFrom(diff), proposed)
  assert.deepEqual(JSON.parse(JSON.stringify(diff)), diff, 'plain JSON data')
  return diff
}

const kinds = (d: ArticleDiff): string[] => d.alineas.map(a => a.kind)

describe('diffArticle', () => {
  it('keeps identical alinéas', () => {
    const d = roundTrip(['A.', 'B.'], ['A.', 'B.'])
    assert.deepEqual(d.alineas, [
      { kind: 'kept', base: 1, proposed: 1, text: 'A.' },
      { kind: 'kept', base: 2, proposed: 2, text: 'B.' }
    ])
    assert.equal(d.baseCount, 2)
    assert.equal(d.proposedCount, 2)
  })

  it('diffs a changed alinéa word by word, fusing changes separated by spaces', () => {
    const d = roundTrip(['Le délai est de trente jours francs.'], ['Le délai est de quinze semaines francs.'])
    assert.deepEqual(d.alineas, [{
      kind: 'changed',
      base: 1,
      proposed: 1,
      parts: [
        { op: 'equal', text: 'Le délai est de ' },
        { op: 'delete', text: 'trente jours' },
        { op: 'insert', text: 'quinze semaines' },
        { op: 'equal', text: ' francs.' }
      ]
    }])
  })

  it('treats accented words as whole words', () => {
    const d = roundTrip(["L'employeur est informé."], ["L'employeur est avisé."])
    const a = d.alineas[0]
    assert.equal(a.kind, 'changed')
    assert.deepEqual(a.kind === 'changed' && a.parts.filter(p => p.op !== 'equal'),
      [{ op: 'delete', text: 'informé' }, { op: 'insert', text: 'avisé' }])
  })

  it('sees French punctuation changes', () => {
    const d = roundTrip(['Il détermine notamment :'], ['Il détermine notamment ;'])
    const a = d.alineas[0]
    assert.ok(a.kind === 'changed')
    assert.deepEqual(a.parts.filter(p => p.op !== 'equal'), [{ op: 'delete', text: ':' }, { op: 'insert', text: ';' }])
  })

  it('inserts and deletes alinéas, with base and proposed numbers', () => {
    const d = roundTrip(['A a a.', 'B b b.', 'C c c.'], ['A a a.', 'New one.', 'C c c.', 'D d d.'])
    assert.deepEqual(d.alineas, [
      { kind: 'kept', base: 1, proposed: 1, text: 'A a a.' },
      { kind: 'deleted', base: 2, proposed: null, text: 'B b b.' },
      { kind: 'inserted', base: null, proposed: 2, after: 2, text: 'New one.' },
      { kind: 'kept', base: 3, proposed: 3, text: 'C c c.' },
      { kind: 'inserted', base: null, proposed: 4, after: 3, text: 'D d d.' }
    ])
  })

  it('inserts before the first alinéa with after = 0', () => {
    const d = roundTrip(['B.'], ['A.', 'B.'])
    assert.deepEqual(d.alineas[0], { kind: 'inserted', base: null, proposed: 1, after: 0, text: 'A.' })
  })

  it('pairs a rewritten alinéa among insertions by similarity', () => {
    const d = roundTrip(
      ['Le juge des référés statue dans un délai de trente jours.'],
      ['Un alinéa entièrement nouveau.', 'Le juge des référés statue dans un délai de quinze jours.', 'Un autre.'])
    assert.deepEqual(kinds(d), ['inserted', 'changed', 'inserted'])
    assert.equal((d.alineas[1] as AlineaDiff).base, 1)
    assert.equal((d.alineas[1] as AlineaDiff).proposed, 2)
  })

  it('flags moved alinéas', () => {
    const d = roundTrip(['Premier alinéa.', 'Deuxième.', 'Troisième.'], ['Deuxième.', 'Troisième.', 'Premier alinéa.'])
    assert.deepEqual(d.alineas[0], { kind: 'deleted', base: 1, proposed: null, text: 'Premier alinéa.', movedTo: 3 })
    assert.deepEqual(d.alineas[3], { kind: 'inserted', base: null, proposed: 3, after: 3, text: 'Premier alinéa.', movedFrom: 1 })
  })

  it('deletes the whole article (proposed [])', () => {
    const d = roundTrip(['A.', 'B.'], [])
    assert.deepEqual(kinds(d), ['deleted', 'deleted'])
    assert.equal(d.proposedCount, 0)
  })

  it('writes an article from nothing (base [])', () => {
    const d = roundTrip([], ['A.', 'B.'])
    assert.deepEqual(kinds(d), ['inserted', 'inserted'])
  })

  it('represents whitespace-only changes faithfully', () => {
    for (const [a, b] of [
      ['Le délai est fixé.', 'Le  délai est fixé.'],
      ['Le délai est fixé.', 'Le délai est fixé. '],
      ['notamment :', 'notamment\u00a0:'],
      [' x', 'x'],
      ['a b', 'a\tb']
    ]) {
      const d = roundTrip([a, 'Autre.'], [b, 'Autre.'])
      assert.equal(d.alineas[0].kind, 'changed', JSON.stringify([a, b]))
    }
  })

  it('handles empty alinéas and empty articles', () => {
    roundTrip([''], ['x'])
    roundTrip(['x'], [''])
    roundTrip([], [])
    roundTrip(['', ''], [''])
  })

  it('rejects what is not a list of alinéas', () => {
    assert.throws(() => diffArticle('x' as unknown as string[], []), RangeError)
  })

  it('gives back the committee text of article 2 of PPL 11-290 (9 alinéas to 27)', () => {
    const depot = fixtureArticle('fr-ppl11-290-depot.json', '2')
    const commission = fixtureArticle('fr-ppl11-290-commission.json', '2')
    assert.equal(depot.length, 9)
    assert.equal(commission.length, 27)
    const d = roundTrip(depot, commission)
    // The nine alinéas of the tabled text become alinéas 10 to 18, edited in place.
    const changed = d.alineas.filter(a => a.kind === 'changed')
    assert.deepEqual(changed.map(a => [a.base, a.proposed]), [[1, 10], [2, 11], [3, 12], [4, 13], [5, 14], [6, 15], [7, 16], [8, 17], [9, 18]])
    assert.equal(d.alineas.filter(a => a.kind === 'inserted').length, 18)
  })
})

describe('diffWords and similarity', () => {
  it('gives equal parts only for identical texts', () => {
    assert.deepEqual(diffWords('a b', 'a b'), [{ op: 'equal', text: 'a b' }])
    assert.deepEqual(diffWords('', ''), [])
  })

  it('measures similarity from 0 to 1', () => {
    assert.equal(similarity('a b c', 'a b c'), 1)
    assert.equal(similarity('a b', 'c d'), 0)
    assert.equal(similarity('', ''), 1)
    assert.ok(similarity('Section 1', 'Section 2') >= 0.5)
  })
})
