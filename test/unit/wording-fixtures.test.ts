import assert from 'node:assert/strict'
import { parseWording, WordingError } from '../../shared/wording.ts'
import { assembleeDispositifs, senatDispositifs, type FixtureDispositif } from '../helpers/dispositifs.ts'

/**
 * The parser's measure: every dispositif of the real fixtures (the Sénat's
 * « jeu complet » CSV and the Assemblée's XML), read by `parseWording`. The
 * figure is printed; under 90 % the test fails.
 */
function rate (all: FixtureDispositif[]): { read: number; failures: string[] } {
  const failures: string[] = []
  let read = 0
  for (const d of all) {
    try {
      const ops = parseWording(d.text, 'fr')
      assert.ok(ops.length > 0, `${d.source}: no operation`)
      read++
    } catch (err) {
      if (!(err instanceof WordingError)) throw err
      failures.push(`${d.source}: ${err.message}`)
    }
  }
  return { read, failures }
}

describe('wording: the real dispositifs of the fixtures', () => {
  for (const [name, load] of [['Sénat CSV', senatDispositifs], ['Assemblée XML', assembleeDispositifs]] as const) {
    it(`reads at least 90 % of the ${name} dispositifs`, () => {
      const all = load()
      assert.ok(all.length > 10, `${name}: only ${all.length} dispositifs found`)
      const { read, failures } = rate(all)
      const pct = (100 * read / all.length).toFixed(1)
      console.log(`      ${name}: ${read} / ${all.length} dispositifs read (${pct} %)${failures.length > 0 ? '; not read: ' + failures.join(' | ') : ''}`)
      assert.ok(read / all.length >= 0.9, `${name}: ${read} / ${all.length} read`)
    })
  }

  it('reads them all together at 90 % or more, and refuses the one that is not a dispositif', () => {
    const all = [...senatDispositifs(), ...assembleeDispositifs()]
    const { read, failures } = rate(all)
    console.log(`      all fixtures: ${read} / ${all.length} dispositifs read (${(100 * read / all.length).toFixed(1)} %)`)
    assert.ok(read / all.length >= 0.9)
    // « Cet amendement est en cours de traitement par les services de l'Assemblée. » is not a dispositif.
    assert.ok(failures.some(f => f.startsWith('AN an-liasse.xml n° 28')), failures.join('\n'))
  })
})
