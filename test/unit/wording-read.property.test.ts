import assert from 'node:assert/strict'
import fc from 'fast-check'
import { applyWording, parseWording, WordingError } from '../../shared/wording.ts'

/**
 * Whatever a client types, the reader and the applier either succeed or throw
 * `WordingError` (a 422), never anything else (a 500): random dispositifs made
 * of the phrases' own fragments, then applied to small articles.
 */
const SEED = Number(process.env.ALINEA_SEED ?? 20261204)
const FRAGMENTS = ['Alinéa 3', 'Alinéas 2 à 4', 'Alinéas 5 et 2', 'I. ', 'II. – ', '1° ', 'a) ', '- ', 'Supprimer ', 'Remplacer ',
  'le mot :', 'les mots :', '« x »', '"y"', 'par ', 'cet alinéa', 'ces alinéas', 'ces phrases', 'cette phrase', 'Deuxième phrase',
  'dernière phrase', 'la fin de la phrase', 'Après ', 'Avant ', "l'alinéa 0", "l'alinéa 99999999999999999999", "l'article 7", 'insérer ',
  'un alinéa ainsi rédigé :', 'trois alinéas ainsi rédigés :', 'Rédiger ainsi ', 'cet article :', 'Compléter ',
  'cet article par un alinéa ainsi rédigé :', '\n', '\n', '\n', 'à chacune de ses occurrences, ', 'la première occurrence du mot : ',
  'au début, ', 'Au titre Ier, ', 'Le code du travail est ainsi modifié :', '«', '»', ':', '.', ' ',
  'insérer un article additionnel ainsi rédigé :', 'Supprimer les deux dernières phrases', 'Supprimer les alinéas 5 à 2',
  'Rédiger ainsi les alinéas 4 à 2 :']

describe('wording reader: robustness (property)', function () {
  this.timeout(60_000)
  it('throws only WordingError, when reading and when applying', () => {
    const only = (f: () => unknown, what: string): void => {
      try { f() } catch (err) { assert.ok(err instanceof WordingError, `${what}: ${String(err)}`) }
    }
    fc.assert(fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }), (parts, base) => {
      const text = parts.join('')
      let ops
      try { ops = parseWording(text, 'fr') } catch (err) { assert.ok(err instanceof WordingError, `${JSON.stringify(text)}: ${String(err)}`); return }
      only(() => applyWording(ops, base), JSON.stringify(text))
      only(() => applyWording(ops, ['Un x deux. Trois y quatre. Cinq.', 'Le x. Le y.', 'a b c.']), JSON.stringify(text))
    }), { seed: SEED, numRuns: 3000 })
  })
})
