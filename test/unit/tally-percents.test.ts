/**
 * The plain-language measure of support: whole percentages that always add
 * up to 100 and stay within one point of the exact share (seeded property),
 * and the sentence written from them.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { supportSentence, tallyPercents } from '../../client/components/TallyBar.tsx'

describe('Support in plain words', () => {
  it('gives whole percentages that add up to 100, each within a point of the exact share', () => {
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), fc.nat(5000), (f, m, a) => {
      const tally = { for: f, mixed: m, against: a }
      const total = f + m + a
      const p = tallyPercents(tally)
      if (total === 0) { assert.deepEqual(p, { for: 0, mixed: 0, against: 0 }); return }
      assert.equal(p.for + p.mixed + p.against, 100)
      for (const v of ['for', 'mixed', 'against'] as const) assert.ok(Math.abs(p[v] - tally[v] * 100 / total) < 1, `${v}: ${p[v]} for ${tally[v]}/${total}`)
    }), { seed: 42, numRuns: 500 })
  })

  it('writes "62 % pour, 20 % mitigé, 18 % contre — 45 votes"', () => {
    const sentence = supportSentence({ for: 28, mixed: 9, against: 8 }).replace(/\s/g, ' ')
    assert.equal(sentence, '62 % pour, 20 % mitigé, 18 % contre — 45 votes')
    assert.equal(supportSentence({ for: 0, mixed: 0, against: 0 }), 'Aucun vote pour l’instant')
  })
})
