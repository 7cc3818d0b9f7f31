import assert from 'node:assert/strict'
import { diffArticle } from '../../shared/diff.ts'
import { overlapping, overlaps, passageOf, passageOfDiff } from '../../shared/overlap.ts'

const BASE = ['Le délai est de trente jours.', 'Un décret fixe les modalités.', 'La loi entre en vigueur en 2027.']

describe('overlap: the passage an amendment touches', () => {
  it('is the changed and deleted alinéas, and the gaps where alinéas are inserted', () => {
    assert.deepEqual([...passageOf(BASE, BASE)], [])
    assert.deepEqual([...passageOf(BASE, ['Le délai est de quinze jours.', BASE[1], BASE[2]])], [2])
    assert.deepEqual([...passageOf(BASE, [BASE[0], BASE[2]])], [4])
    assert.deepEqual([...passageOf(BASE, [BASE[0], 'Un alinéa tout neuf, sans rapport.', BASE[1], BASE[2]])], [3])
    assert.deepEqual([...passageOf(BASE, ['Au début, sans rapport aucun.', ...BASE])], [1])
    assert.deepEqual([...passageOf(BASE, [])].sort(), [2, 4, 6], 'deleting the article touches every alinéa')
  })

  it('reads a stored diff the same way as the texts', () => {
    const proposed = [BASE[0], 'Un arrêté fixe les modalités.', BASE[2]]
    assert.deepEqual([...passageOfDiff(diffArticle(BASE, proposed))], [...passageOf(BASE, proposed)])
  })

  it('overlaps when two changes share an alinéa or an insertion point, not when they touch different ones', () => {
    const first = passageOf(BASE, ['Le délai est de quinze jours.', BASE[1], BASE[2]])
    const firstAgain = passageOf(BASE, ['Le délai est de soixante jours.', BASE[1], BASE[2]])
    const third = passageOf(BASE, [BASE[0], BASE[1], 'La loi entre en vigueur en 2030.'])
    const insertAfterFirst = passageOf(BASE, [BASE[0], 'Une phrase entièrement différente ici.', BASE[1], BASE[2]])
    const insertAfterFirstToo = passageOf(BASE, [BASE[0], 'Encore un ajout qui ne ressemble à rien.', BASE[1], BASE[2]])
    assert.equal(overlaps(first, firstAgain), true)
    assert.equal(overlaps(first, third), false)
    assert.equal(overlaps(first, insertAfterFirst), false, 'inserting after alinéa 1 leaves alinéa 1 as it is')
    assert.equal(overlaps(insertAfterFirst, insertAfterFirstToo), true)
    assert.equal(overlaps(first, passageOf(BASE, [])), true, 'deleting the article overlaps everything')
  })

  it('lists the others that overlap, in their order, from their diff when given, else from their text', () => {
    const mine = passageOf(BASE, [BASE[0], 'Un arrêté fixe les modalités.', BASE[2]])
    const others = [
      { id: 'a', alineas: ['Le délai est de quinze jours.', BASE[1], BASE[2]] },
      { id: 'b', alineas: [BASE[0], 'Un décret en Conseil d’État fixe les modalités.', BASE[2]] },
      { id: 'c', alineas: [] as string[] },
      { id: 'd', alineas: [BASE[0], 'Le ministre fixe les modalités.', BASE[2]], diff: diffArticle(BASE, [BASE[0], 'Le ministre fixe les modalités.', BASE[2]]) }
    ]
    assert.deepEqual(overlapping(BASE, mine, others).map(o => o.id), ['b', 'c', 'd'])
    assert.deepEqual(overlapping(BASE, passageOf(BASE, BASE), others), [], 'nothing changed yet: nothing overlaps')
  })
})
