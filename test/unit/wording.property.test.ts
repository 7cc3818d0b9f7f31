import assert from 'node:assert/strict'
import fc from 'fast-check'
import { diffArticle } from '../../shared/diff.ts'
import { applyWording, parseWording, wording, type WordingLang, type WordingStyle } from '../../shared/wording.ts'

/**
 * The wording's contract, checked on random articles: for every base and
 * proposed text, applying the parsed wording to the base gives the proposal.
 * The seed is fixed (override with ALINEA_SEED); fast-check prints it, with
 * the failing path, when a property fails.
 */
const SEED = Number(process.env.ALINEA_SEED ?? 20240611)
const RUNS = 400

const WORDS = [
  'le', 'la', 'les', 'de', 'des', 'du', 'et', 'ou', 'à', 'au', 'aux', 'en', 'un', 'une',
  'président', 'employeur', "l'employeur", "d'établissement", "l'article", 'délai', 'jours', 'trente', 'quinze',
  'négociation', 'préalable', 'grève', 'salariés', 'représentatives', 'accord-cadre', 'notifié', 'où', 'être',
  'Conseil', 'État', 'œuvre', 'L. 1114-1', '1°', '2°', 'II.', '-', 'mots', 'mot', 'alinéa', 'suivant', 'insérer',
  'substituer', 'supprimer', 'après', 'Rédiger', 'ainsi', 'replace', 'with', 'the', 'words', 'Paragraph'
]
const PUNCT = [',', '.', ' :', ' ;', ' !', ' ?', '…']
const QUOTED = ['« ', ' »', '"', '«', '»', '“', '”', '» les mots : «', '" with "', '», insérer', ' : «', '».']

/** One piece of an alinéa: a word, a word with punctuation, or a quotation fragment. */
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...PUNCT)).map(([w, p]) => w + p) },
  { weight: 1, arbitrary: fc.constantFrom(...QUOTED) }
)
const alinea = fc.array(piece, { minLength: 1, maxLength: 14 })
const article = fc.array(alinea, { minLength: 1, maxLength: 6 })

type Edit =
  | { kind: 'replace' | 'insert' | 'delete' | 'split'; a: number; w: number; words: string[] }
  | { kind: 'insertAlinea'; a: number; words: string[] }
  | { kind: 'deleteAlinea'; a: number }
  | { kind: 'join'; a: number }
  | { kind: 'space'; a: number; w: number; space: string }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('replace', 'insert', 'delete', 'split') as fc.Arbitrary<'replace' | 'insert' | 'delete' | 'split'>, a: fc.nat(), w: fc.nat(), words: fc.array(piece, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('insertAlinea' as const), a: fc.nat(), words: fc.array(piece, { minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('deleteAlinea' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), a: fc.nat() }),
  fc.record({ kind: fc.constant('space' as const), a: fc.nat(), w: fc.nat(), space: fc.constantFrom('  ', '\u00a0', '\u202f', '') })
)

/** Apply random edits to an article given as pieces; spaces are edited on the joined text. */
function edited (base: string[][], edits: Edit[]): string[] {
  const art = base.map(a => [...a])
  const spaces: Edit[] = []
  for (const e of edits) {
    if (e.kind === 'insertAlinea') { art.splice(e.a % (art.length + 1), 0, [...e.words]); continue }
    if (art.length === 0) continue
    const a = e.a % art.length
    const al = art[a]
    if (e.kind === 'deleteAlinea') art.splice(a, 1)
    else if (e.kind === 'join') { if (a + 1 < art.length) art.splice(a, 2, [...al, ...art[a + 1]]) }
    else if (e.kind === 'space') spaces.push({ ...e, a })
    else if (e.kind === 'replace' || e.kind === 'insert' || e.kind === 'delete' || e.kind === 'split') {
      const w = e.w % (al.length + (e.kind === 'insert' ? 1 : 0))
      if (e.kind === 'replace') al.splice(w, 1, ...e.words)
      else if (e.kind === 'insert') al.splice(w, 0, ...e.words)
      else if (e.kind === 'delete') { if (al.length > 1) al.splice(w, 1) }
      else if (w > 0) art.splice(a, 1, al.slice(0, w), al.slice(w))
    }
  }
  const texts = art.map(a => a.join(' '))
  for (const s of spaces) {
    if (s.kind !== 'space' || s.a >= texts.length) continue
    const t = texts[s.a]
    const at = [...t.matchAll(/ /g)].map(m => m.index)
    if (at.length === 0) continue
    const i = at[s.w % at.length]
    texts[s.a] = t.slice(0, i) + s.space + t.slice(i + 1)
  }
  return texts
}

function roundTrip (base: string[], proposed: string[], lang: WordingLang, prefer: 'shortest' | 'operations', style: WordingStyle): void {
  const text = wording(diffArticle(base, proposed), lang, { prefer, style })
  let got: string[]
  try {
    got = applyWording(parseWording(text, lang), base)
  } catch (err) {
    throw new Error(`${String(err)}\n--- wording (${lang}, ${prefer}, ${style}):\n${text}`, { cause: err })
  }
  assert.deepEqual(got, proposed, `wording (${lang}, ${prefer}, ${style}):\n${text}`)
}

/** The styles a language is written in: French has the Assemblée's and the Sénat's, English one. */
const STYLES: Record<WordingLang, WordingStyle[]> = { fr: ['assemblee', 'senat'], en: ['assemblee'] }

describe('wording round trip (property)', function () {
  this.timeout(60_000)
  for (const lang of ['fr', 'en'] as const) for (const style of STYLES[lang]) {
    for (const prefer of ['shortest', 'operations'] as const) {
      it(`apply(parse(wording(diff(base, proposed)))) = proposed, ${lang}, ${style}, ${prefer}`, () => {
        fc.assert(fc.property(article, fc.array(edit, { minLength: 1, maxLength: 6 }), (pieces, edits) => {
          const base = pieces.map(a => a.join(' '))
          const proposed = edited(pieces, edits)
          fc.pre(JSON.stringify(base) !== JSON.stringify(proposed))
          roundTrip(base, proposed, lang, prefer, style)
        }), { seed: SEED, numRuns: RUNS })
      })
    }

    it(`holds for arbitrary single-line text, quotation marks and spaces included (${lang}, ${style})`, () => {
      const chars = fc.constantFrom('a', 'é', ' ', '\u00a0', '«', '»', '"', '“', '”', ':', '.', ',', "'", 'mots', ' les mots : ', '» ', ' «', '", insert "', ' with ')
      const text = fc.array(chars, { maxLength: 12 }).map(cs => cs.join(''))
      fc.assert(fc.property(fc.array(text, { maxLength: 4 }), fc.array(text, { maxLength: 4 }), (base, proposed) => {
        fc.pre(JSON.stringify(base) !== JSON.stringify(proposed))
        roundTrip(base, proposed, lang, 'operations', style)
        roundTrip(base, proposed, lang, 'shortest', style)
      }), { seed: SEED, numRuns: RUNS })
    })
  }
})
