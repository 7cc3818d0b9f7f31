import assert from 'node:assert/strict'
import { performance } from 'node:perf_hooks'
import { consolidate, merge3, type MergeResult } from '../../shared/merge.ts'
import { fixtureArticle } from '../helpers/fixtures.ts'

const base = ['Le délai est de trente jours.', 'Le juge statue en référé.', 'Fin de l\'article.']

function clean (r: MergeResult): string[] {
  assert.ok(r.clean, JSON.stringify(r))
  return r.alineas
}

describe('merge3', () => {
  it('merges edits on different words of one alinéa', () => {
    assert.deepEqual(clean(merge3(base,
      ['Le délai est de quinze jours.', base[1], base[2]],
      ['Le délai est de trente jours ouvrés.', base[1], base[2]])),
    ['Le délai est de quinze jours ouvrés.', base[1], base[2]])
  })

  it('reports edits of the same words as a conflict, keeping ours', () => {
    const ours = ['Le délai est de quinze jours.', base[1], base[2]]
    const r = merge3(base, ours, ['Le délai est de vingt jours.', base[1], base[2]])
    assert.deepEqual(r, { clean: false, alineas: ours, conflicts: [{ alinea: 1, base: 'trente', ours: 'quinze', theirs: 'vingt' }] })
  })

  it('is not a conflict when both sides make the same change', () => {
    const same = ['Le délai est de quinze jours.', base[1], base[2]]
    assert.deepEqual(clean(merge3(base, same, same)), same)
  })

  it('takes one side when the other did not change', () => {
    const changed = ['X.', 'Le juge statue.']
    assert.deepEqual(clean(merge3(base, base, changed)), changed)
    assert.deepEqual(clean(merge3(base, changed, base)), changed)
  })

  it('merges alinéa insertions and deletions with word edits elsewhere', () => {
    assert.deepEqual(clean(merge3(base,
      [base[0], 'Un alinéa nouveau.', base[1], base[2]],
      [base[0], 'Le juge statue au fond.'])),
    [base[0], 'Un alinéa nouveau.', 'Le juge statue au fond.'])
  })

  it('merges a split alinéa with an edit in one of its halves', () => {
    const long = ['Le juge statue en référé. Il peut ordonner toute mesure utile.']
    assert.deepEqual(clean(merge3(long,
      ['Le juge statue en référé.', 'Il peut ordonner toute mesure utile.'],
      ['Le juge statue en référé. Il peut ordonner toute mesure nécessaire.'])),
    ['Le juge statue en référé.', 'Il peut ordonner toute mesure nécessaire.'])
  })

  it('reports two different alinéas inserted at the same place', () => {
    const r = merge3(base, [base[0], 'Ours.', base[1], base[2]], [base[0], 'Theirs.', base[1], base[2]])
    assert.ok(!r.clean)
    assert.deepEqual(r.conflicts, [{ alinea: 1, base: '', ours: '\nOurs.', theirs: '\nTheirs.' }])
    assert.deepEqual(r.alineas, [base[0], 'Ours.', base[1], base[2]])
  })

  it('reports an alinéa deleted on one side and edited on the other', () => {
    const r = merge3(base, [base[0], base[2]], [base[0], 'Le juge statue vite.', base[2]])
    assert.ok(!r.clean)
    assert.equal(r.conflicts.length, 1)
    assert.equal(r.conflicts[0].alinea, 2)
    assert.match(r.conflicts[0].theirs, /vite/)
    assert.deepEqual(r.alineas, [base[0], base[2]])
  })

  it('merges whitespace-only changes faithfully', () => {
    assert.deepEqual(clean(merge3(base,
      ['Le délai est de  trente jours.', base[1], base[2]],
      [base[0], 'Le juge statue en\u00a0référé.', base[2]])),
    ['Le délai est de  trente jours.', 'Le juge statue en\u00a0référé.', base[2]])
  })

  it('merges empty articles and empty alinéas', () => {
    assert.deepEqual(clean(merge3([], [], ['A.'])), ['A.'])
    assert.deepEqual(clean(merge3(['A.'], ['A.'], [])), [])
    assert.deepEqual(clean(merge3([''], ['x'], [''])), ['x'])
  })

  it('does not pair an inserted alinéa with a deleted one just because the counts match', () => {
    const b = ['président0 délai1 employeur2 accord3', 'négociation4 grève5 salariés6']
    const ours = ['président0 délai1 ajout2 accord3', b[1]]
    const theirs = ['Nouvel alinéa.', 'ajout1 délai1 employeur2 accord3']
    assert.deepEqual(clean(merge3(b, ours, theirs)), ['Nouvel alinéa.', 'ajout1 délai1 ajout2 accord3'])
  })

  it('stays fast on a long article edited everywhere by both sides', () => {
    const words = (i: number): string => Array.from({ length: 250 }, (_, w) => ['de', 'la', 'le', `mot${i}x${w}`][w % 4]).join(' ')
    const long = Array.from({ length: 20 }, (_, i) => words(i))
    const edit = (tag: string, at: number): string[] => long.map(a => { const w = a.split(' '); w[at] = tag; return w.join(' ') })
    const started = performance.now()
    const merged = clean(merge3(long, edit('ours', 11), edit('theirs', 111)))
    assert.ok(performance.now() - started < 2000, 'a 5,000-word merge takes well under two seconds')
    assert.ok(merged.every(a => a.includes('ours') && a.includes('theirs')))
  })

  it('rejects what is not three lists of alinéas', () => {
    assert.throws(() => merge3(base, null as unknown as string[], base), RangeError)
    assert.throws(() => merge3(base, [1] as unknown as string[], base), RangeError)
  })

  it('rebases an amendment on a newer revision of the tabled article 2 of PPL 11-290', () => {
    const depot = fixtureArticle('fr-ppl11-290-depot.json', '2')
    const revision = depot.map(a => a.replace('trois jours', 'cinq jours'))
    const amendment = depot.map(a => a.replace('huit jours francs', 'dix jours francs'))
    const r = merge3(depot, revision, amendment)
    const merged = clean(r)
    assert.match(merged[3], /cinq jours/)
    assert.match(merged[4], /dix jours francs/)
  })
})

describe('consolidate', () => {
  const a = { id: 'a', base, alineas: ['Le délai est de quinze jours.', base[1], base[2]] }
  const b = { id: 'b', base, alineas: [base[0], 'Le juge statue au fond.', base[2]] }
  const c = { id: 'c', base, alineas: ['Le délai est de vingt jours.', base[1], base[2]] }

  it('applies accepted amendments in decision order', () => {
    const r = consolidate(base, [a, b])
    assert.deepEqual(r, { alineas: ['Le délai est de quinze jours.', 'Le juge statue au fond.', base[2]], applied: ['a', 'b'], conflicts: [] })
    assert.deepEqual(consolidate(base, [b, a]).alineas, r.alineas)
  })

  it('skips and lists an amendment that conflicts, with its passages', () => {
    const r = consolidate(base, [a, b, c])
    assert.deepEqual(r.applied, ['a', 'b'])
    assert.deepEqual(r.conflicts, [{ amendmentId: 'c', conflicts: [{ alinea: 1, base: 'trente', ours: 'quinze', theirs: 'vingt' }] }])
    assert.deepEqual(r.alineas, ['Le délai est de quinze jours.', 'Le juge statue au fond.', base[2]])
    // The other order keeps the other one.
    const r2 = consolidate(base, [c, b, a])
    assert.deepEqual(r2.applied, ['c', 'b'])
    assert.equal(r2.conflicts[0].amendmentId, 'a')
  })

  it('applies an amendment written on an older revision', () => {
    const latest = ['Le délai est de trente jours.', 'Le juge statue en référé.', 'Nouvelle fin.']
    assert.deepEqual(consolidate(latest, [a]).alineas, ['Le délai est de quinze jours.', 'Le juge statue en référé.', 'Nouvelle fin.'])
  })

  it('deletes the article when an amendment with no alinéas merges cleanly', () => {
    assert.deepEqual(consolidate(base, [{ id: 'del', base, alineas: [] }]), { alineas: [], applied: ['del'], conflicts: [] })
  })

  it('lists a deletion of the article that conflicts with an earlier amendment', () => {
    const r = consolidate(base, [a, { id: 'del', base, alineas: [] }])
    assert.deepEqual(r.applied, ['a'])
    assert.equal(r.conflicts[0].amendmentId, 'del')
    assert.deepEqual(r.alineas, a.alineas)
  })

  it('returns the latest text when nothing is accepted', () => {
    assert.deepEqual(consolidate(base, []), { alineas: base, applied: [], conflicts: [] })
  })
})
