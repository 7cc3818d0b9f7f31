/**
 * Co-editors' colours: distinct among the people present (up to the size of
 * the palette), the same on every screen whatever order the people arrived
 * in, and each person's preferred colour when nobody else wants it.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { colorFor, distinctColors, PALETTE } from '../../client/codrafting/colors.ts'

describe('Editor colours of the people present', () => {
  it('gives people present different colours, the same whatever the order (seeded)', () => {
    fc.assert(fc.property(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: PALETTE.length }),
      fc.integer(),
      (ids, shift) => {
        const colors = distinctColors(ids)
        assert.equal(new Set(colors.values()).size, ids.length, 'one colour each, none shared')
        const rotated = ids.map((_, i) => ids[(i + Math.abs(shift)) % ids.length])
        assert.deepEqual([...distinctColors(rotated)].sort(), [...colors].sort(), 'every screen computes the same colours')
      }
    ), { seed: 20261204, numRuns: 300 })
  })

  it('keeps a person\'s own colour when nobody else present wants it', () => {
    const ids = ['usr_a', 'usr_b']
    const colors = distinctColors(ids)
    if (colorFor('usr_a') !== colorFor('usr_b')) {
      for (const id of ids) assert.equal(colors.get(id), colorFor(id))
    }
    // Two ids with the same preferred colour: the second in id order moves to the next free one.
    const byColor = new Map<string, string>()
    let pair: [string, string] | null = null
    for (let i = 0; pair === null; i++) {
      const id = `usr_${i}`
      const other = byColor.get(colorFor(id))
      if (other) pair = [other, id]
      else byColor.set(colorFor(id), id)
    }
    const both = distinctColors(pair)
    assert.notEqual(both.get(pair[0]), both.get(pair[1]))
  })
})
