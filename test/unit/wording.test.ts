import assert from 'node:assert/strict'
import { diffArticle } from '../../shared/diff.ts'
import {
  applyWording, formatWording, parseWording, wording, wordingOps, WordingError, type WordingLang, type WordingOp
} from '../../shared/wording.ts'
import { fixtureArticle, fixtureText } from '../helpers/fixtures.ts'

/** The dispositifs of the Assemblée nationale liasse, HTML turned into lines of text. */
function liasseDispositifs (): string[] {
  const xml = fixtureText('amendments/an-liasse.xml')
  return [...xml.matchAll(/<dispositif><!\[CDATA\[([\s\S]*?)\]\]><\/dispositif>/g)].map(m => m[1]
    .replace(/<\/p>|<br\s*\/?>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&nbsp;/g, '\u00a0').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
}

/** French typography of the expected strings: no-break spaces before « : » and inside « ». */
const nb = (s: string): string => s.replace(/ :/g, '\u00a0:').replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»')

function check (base: string[], proposed: string[], lang: WordingLang, expected?: string, prefer: 'shortest' | 'operations' = 'shortest'): string {
  const text = wording(diffArticle(base, proposed), lang, { prefer })
  if (expected !== undefined) assert.equal(text, lang === 'fr' ? nb(expected) : expected)
  assert.deepEqual(applyWording(parseWording(text, lang), base), proposed, text)
  return text
}

describe('wording (French)', () => {
  it('substitutes words', () => {
    check(['Le délai est de trente jours.'], ['Le délai est de quinze jours.'], 'fr',
      "À l'alinéa 1, substituer au mot : « trente » le mot : « quinze ».")
    check(['Le délai est de trente jours francs.'], ['Le délai est de quinze semaines francs.'], 'fr',
      "À l'alinéa 1, substituer aux mots : « trente jours » les mots : « quinze semaines ».")
  })

  it('deletes words', () => {
    check(["L'employeur informe les organisations syndicales représentatives sans délai."],
      ["L'employeur informe les organisations syndicales sans délai."], 'fr',
      "À l'alinéa 1, supprimer le mot : « représentatives ».")
    check(['Le juge statue dans un délai de huit jours sur la demande.'], ['Le juge statue sur la demande.'], 'fr',
      "À l'alinéa 1, supprimer les mots : « dans un délai de huit jours ».")
  })

  it('completes an alinéa, inserts at its start or after a word', () => {
    check(['Le juge statue'], ['Le juge statue en référé'], 'fr', "Compléter l'alinéa 1 par les mots : « en référé ».")
    check(['Le délai est de trente jours.'], ['Le délai est de trente jours ouvrés.'], 'fr',
      "À l'alinéa 1, après le mot : « jours », insérer le mot : « ouvrés ».")
    check(['Le juge statue.'], ['Le juge statue dans un délai de huit jours.'], 'fr',
      "À l'alinéa 1, après le mot : « statue », insérer les mots : « dans un délai de huit jours ».")
    check(['le juge statue.'], ['Sauf urgence, le juge statue.'], 'fr', "Au début de l'alinéa 1, insérer les mots : « Sauf urgence, ».")
  })

  it('widens a quote until it is unique in its alinéa', () => {
    check(['le chat voit le chien et le rat.'], ['le chat voit un chien et le rat.'], 'fr',
      "À l'alinéa 1, substituer aux mots : « le chien » les mots : « un chien ».")
    const text = check(['Il est grand et il est beau, il est fort.'], ['Il est grand et il est très beau, il est fort.'], 'fr', undefined, 'operations')
    const ops = parseWording(text, 'fr')
    assert.equal(ops.length, 1)
    assert.ok(ops[0].op === 'insertWords' || ops[0].op === 'replaceWords')
  })

  it('lists several changes of one alinéa in text order, numbered', () => {
    check(['Le délai est de trente jours à compter de la notification.', 'B.'], ['Le délai est de quinze jours à compter de la réception.', 'B.'], 'fr',
      "I. – À l'alinéa 1, substituer au mot : « trente » le mot : « quinze ».\n" +
      "II. – À l'alinéa 1, substituer au mot : « notification » le mot : « réception ».")
  })

  it('numbers alinéas as in the base text', () => {
    check(['A a.', 'B b.', 'Le délai est de trente jours.'], ['B b.', 'Le délai est de quinze jours.'], 'fr',
      "I. – Supprimer l'alinéa 1.\nII. – À l'alinéa 3, substituer au mot : « trente » le mot : « quinze ».")
  })

  it('deletes alinéas', () => {
    check(['A a.', 'B b.', 'C c.'], ['A a.', 'C c.'], 'fr', "Supprimer l'alinéa 2.")
    check(['A a.', 'B b.', 'C c.', 'D d.'], ['A a.', 'D d.'], 'fr', 'Supprimer les alinéas 2 et 3.')
    check(['A a.', 'B b.', 'C c.', 'D d.', 'E e.'], ['A a.', 'E e.'], 'fr', 'Supprimer les alinéas 2 à 4.')
  })

  it('inserts alinéas after one, or before the first', () => {
    check(['A a.', 'B b.', 'C c.'], ['A a.', 'B b.', 'C c.', 'D d.'], 'fr', "Après l'alinéa 3, insérer l'alinéa suivant :\n« D d. »")
    check(['A a.', 'B b.', 'C c.'], ['A a.', 'B b.', 'X x.', 'Y y.', 'C c.'], 'fr',
      "Après l'alinéa 2, insérer les alinéas suivants :\n« X x.\n« Y y. »")
    check(['A a.', 'B b.'], ['Z z.', 'A a.', 'B b.'], 'fr', "Avant l'alinéa 1, insérer l'alinéa suivant :\n« Z z. »")
  })

  it('rewrites an alinéa when word changes would be longer to read', () => {
    check(['Le juge des référés statue dans un délai de trente jours à compter de la notification.', 'B b.'],
      ['Un juge du fond statuera sous un délai de quinze jours après la réception.', 'B b.'], 'fr',
      "Rédiger ainsi l'alinéa 1 :\n« Un juge du fond statuera sous un délai de quinze jours après la réception. »")
  })

  it('deletes or rewrites the whole article', () => {
    check(['A.', 'B.'], [], 'fr', 'Supprimer cet article.')
    check([], ['A.', 'B.'], 'fr', 'Rédiger ainsi cet article :\n« A.\n« B. »')
  })

  it('gives an empty wording for an unchanged article', () => {
    assert.equal(wording(diffArticle(['A.'], ['A.']), 'fr'), '')
    assert.deepEqual(parseWording('', 'fr'), [])
    assert.deepEqual(applyWording([], ['A.']), ['A.'])
  })

  it('keeps French punctuation and accents exact', () => {
    check(['II. - L\'accord-cadre détermine notamment :'], ['II. - L\'accord-cadre prévoit notamment ;'], 'fr', undefined, 'operations')
    check(['Le juge, saisi, statue.'], ['Le juge saisi statue.'], 'fr', undefined, 'operations')
    check(['Élément ; œuvre.'], ['Élément : œuvre !'], 'fr', undefined, 'operations')
  })

  it('represents whitespace-only changes faithfully', () => {
    for (const [a, b] of [['Le juge statue.', 'Le juge  statue.'], ['notamment :', 'notamment\u00a0:'], ['Le juge statue.', 'Le juge statue. '], [' x y', 'x y']]) {
      for (const prefer of ['shortest', 'operations'] as const) check([a, 'B.'], [b, 'B.'], 'fr', undefined, prefer)
    }
  })

  it('survives quotation marks and phrase fragments inside the text', () => {
    check(['Le mot « grève » est défini.'], ['Le mot « conflit » est défini.'], 'fr',
      "À l'alinéa 1, substituer au mot : « grève » le mot : « conflit ».")
    check(['Les mots : « a » les mots : « b » x'], ['Les mots : « c » les mots : « b » y'], 'fr', undefined, 'operations')
    check(['"Section 1', '"Art. 2. - Texte."'], ['"Section 2', '"Art. 2. - Autre texte."', '« fin »'], 'fr', undefined, 'operations')
    check(['a »', 'b »'], ['x »', 'y »', 'z »'], 'fr')
  })
})

describe('wording (English)', () => {
  it('writes the English equivalents', () => {
    check(['Le délai est de trente jours.'], ['Le délai est de quinze jours.'], 'en', 'Paragraph 1: replace the word "trente" with "quinze".')
    check(['Le juge statue dans un délai de huit jours sur la demande.'], ['Le juge statue sur la demande.'], 'en',
      'Paragraph 1: delete the words "dans un délai de huit jours".')
    check(['Le juge statue'], ['Le juge statue en référé'], 'en', 'Paragraph 1: at the end, add "en référé".')
    check(['Le délai est de trente jours.'], ['Le délai est de trente jours ouvrés.'], 'en', 'Paragraph 1: after the word "jours", insert "ouvrés".')
    check(['le juge statue.'], ['Sauf urgence, le juge statue.'], 'en', 'Paragraph 1: at the beginning, insert "Sauf urgence,".')
    check(['A a.', 'B b.', 'C c.'], ['A a.', 'C c.'], 'en', 'Delete paragraph 2.')
    check(['A a.', 'B b.', 'C c.', 'D d.', 'E e.'], ['A a.', 'E e.'], 'en', 'Delete paragraphs 2 to 4.')
    check(['A a.', 'B b.', 'C c.'], ['A a.', 'B b.', 'X x.', 'Y y.', 'C c.'], 'en',
      'After paragraph 2, insert the following paragraphs:\n"X x.\n"Y y."')
    check(['A a.', 'B b.'], ['Z z.', 'A a.', 'B b.'], 'en', 'Before paragraph 1, insert the following paragraph:\n"Z z."')
    check(['A a.', 'B b.', 'Le délai est de trente jours.'], ['B b.', 'Le délai est de quinze jours.'], 'en',
      '1. Delete paragraph 1.\n2. Paragraph 3: replace the word "trente" with "quinze".')
    check(['A.', 'B.'], [], 'en', 'Delete this article.')
    check([], ['A.', 'B.'], 'en', 'Replace this article with the following:\n"A.\n"B."')
  })

  it('survives double quotes inside the text', () => {
    check(['He said "no" twice.'], ['He said "yes" twice.'], 'en', undefined, 'operations')
    check(['x " with " y'], ['x " with  " y'], 'en', undefined, 'operations')
    check(['"a"', '"b"'], ['"a"', '"c"', '"d"'], 'en')
  })
})

describe('parseWording', () => {
  it('reads every operation', () => {
    const text = [
      "I. – Supprimer l'alinéa 1.",
      "II. – À l'alinéa 2, substituer aux mots : « a b » les mots : « c ».",
      "III. – À l'alinéa 2, supprimer le mot : « d ».",
      "IV. – À l'alinéa 3, après le mot : « e », insérer les mots : « f g ».",
      "V. – Au début de l'alinéa 4, insérer le mot : « h ».",
      "VI. – Compléter l'alinéa 5 par les mots : « i j ».",
      "VII. – Rédiger ainsi les alinéas 6 à 8 :",
      '« k',
      '« l »',
      "VIII. – Après l'alinéa 9, insérer l'alinéa suivant :",
      '« m »'
    ].join('\n')
    const ops: WordingOp[] = [
      { op: 'deleteAlineas', from: 1, to: 1 },
      { op: 'replaceWords', alinea: 2, words: 'a b', by: 'c' },
      { op: 'deleteWords', alinea: 2, words: 'd' },
      { op: 'insertWords', alinea: 3, after: 'e', words: 'f g' },
      { op: 'prependWords', alinea: 4, words: 'h' },
      { op: 'appendWords', alinea: 5, words: 'i j' },
      { op: 'rewriteAlineas', from: 6, to: 8, alineas: ['k', 'l'] },
      { op: 'insertAlineas', after: 9, alineas: ['m'] }
    ]
    assert.deepEqual(parseWording(text, 'fr'), ops)
    assert.deepEqual(parseWording(formatWording(ops, 'fr'), 'fr'), ops)
    assert.deepEqual(parseWording(formatWording(ops, 'en'), 'en'), ops)
  })

  it('accepts ordinary or no-break spaces, curly apostrophes, no numbering, blank lines', () => {
    assert.deepEqual(parseWording("A l’alinéa 2, substituer aux mots : «a b» les mots :\u202f«\u00a0c\u00a0».\n\n", 'fr'),
      [{ op: 'replaceWords', alinea: 2, words: 'a b', by: 'c' }])
    assert.deepEqual(parseWording('Supprimer les alinéas 3 et 5.', 'fr'),
      [{ op: 'deleteAlineas', from: 3, to: 3 }, { op: 'deleteAlineas', from: 5, to: 5 }])
    assert.deepEqual(parseWording('Paragraph 2: replace the words “a b” with “c”.', 'en'),
      [{ op: 'replaceWords', alinea: 2, words: 'a b', by: 'c' }])
    assert.deepEqual(parseWording('(1) Delete paragraphs 3 and 4.', 'en'), [{ op: 'deleteAlineas', from: 3, to: 4 }])
  })

  it('reads a multi-alinéa quote closed on every line as well as on the last only', () => {
    const each = "Après l'alinéa 1, insérer les alinéas suivants :\n« a »\n« b »"
    const last = "Après l'alinéa 1, insérer les alinéas suivants :\n« a\n« b »."
    assert.deepEqual(parseWording(each, 'fr'), [{ op: 'insertAlineas', after: 1, alineas: ['a', 'b'] }])
    assert.deepEqual(parseWording(last, 'fr'), [{ op: 'insertAlineas', after: 1, alineas: ['a', 'b'] }])
  })

  it('throws WordingError for text it cannot read', () => {
    const bad: [string, WordingLang][] = [
      ['Cet amendement est en cours de traitement.', 'fr'],
      ["Après l'alinéa 3, insérer l'alinéa suivant :", 'fr'],
      ["Après l'alinéa 3, insérer l'alinéa suivant :\n« pas fermé", 'fr'],
      ['Supprimer les alinéas 3 et 7 à 9.', 'fr'],
      ["Rédiger ainsi les alinéas 3 et 5 :\n« x »", 'fr'],
      ['Delete this article please.', 'en']
    ]
    for (const [text, lang] of bad) {
      assert.throws(() => parseWording(text, lang), (err: unknown) => err instanceof WordingError && err.name === 'WordingError' && err.message.length > 0, text)
    }
  })

  it('rejects an unknown language as a programming error', () => {
    assert.throws(() => parseWording('x', 'de' as WordingLang), RangeError)
    assert.throws(() => wording(diffArticle(['a'], ['b']), 'de' as WordingLang), RangeError)
  })

  it('reads the Assemblée nationale dispositifs that use known phrases', () => {
    const [pending, complete, restore] = liasseDispositifs()
    // 1: not a dispositif at all ("en cours de traitement").
    assert.throws(() => parseWording(pending, 'fr'), WordingError)
    // 2: « L'alinéa 12 est complété par l'alinéa suivant : » then one quoted alinéa.
    const ops = parseWording(complete, 'fr')
    assert.equal(ops.length, 1)
    const op = ops[0]
    assert.ok(op.op === 'insertAlineas')
    assert.equal(op.after, 12)
    assert.equal(op.alineas.length, 1)
    assert.match(op.alineas[0], /^L’article préliminaire du projet de loi .* compléments\.$/)
    const base = Array.from({ length: 14 }, (_, i) => `Alinéa ${i + 1}.`)
    const applied = applyWording(ops, base)
    assert.equal(applied.length, 15)
    assert.equal(applied[12], op.alineas[0])
    assert.equal(applied[13], 'Alinéa 13.')
    // 3: « Rétablir un article 40 quater dans la rédaction suivante : », two alinéas, French quoting.
    const restored = applyWording(parseWording(restore, 'fr'), [])
    assert.equal(restored.length, 2)
    assert.match(restored[0], /^Dans les conditions prévues à l’article\u00a038 de la Constitution, .* conséquences\.$/)
    assert.match(restored[1], /^Un projet de loi de ratification .* l’ordonnance\.$/)
  })
})

describe('applyWording', () => {
  const base = ['Le délai est de trente jours.', 'Le juge statue sur le fond et sur le fond.', 'Fin.']

  it('applies operations located in the base text', () => {
    assert.deepEqual(applyWording([
      { op: 'insertAlineas', after: 0, alineas: ['Début.'] },
      { op: 'replaceWords', alinea: 1, words: 'trente', by: 'quinze' },
      { op: 'deleteAlineas', from: 2, to: 2 },
      { op: 'appendWords', alinea: 3, words: 'Suite.' }
    ], base), ['Début.', 'Le délai est de quinze jours.', 'Fin. Suite.'])
  })

  it('restores spaces around deleted and inserted words', () => {
    assert.deepEqual(applyWording([{ op: 'deleteWords', alinea: 1, words: 'de trente' }], base).slice(0, 1), ['Le délai est jours.'])
    assert.deepEqual(applyWording([{ op: 'deleteWords', alinea: 1, words: 'jours' }], base).slice(0, 1), ['Le délai est de trente.'])
    assert.deepEqual(applyWording([{ op: 'insertWords', alinea: 1, after: 'est', words: 'désormais' }], base).slice(0, 1), ['Le délai est désormais de trente jours.'])
  })

  it('throws WordingError when a passage is missing, repeated, or the target is wrong', () => {
    const bad: WordingOp[][] = [
      [{ op: 'replaceWords', alinea: 1, words: 'vingt', by: 'x' }],
      [{ op: 'replaceWords', alinea: 1, words: 'jour', by: 'x' }],
      [{ op: 'deleteWords', alinea: 2, words: 'le fond' }],
      [{ op: 'deleteAlineas', from: 4, to: 4 }],
      [{ op: 'insertAlineas', after: 5, alineas: ['x'] }],
      [{ op: 'deleteAlineas', from: 1, to: 1 }, { op: 'replaceWords', alinea: 1, words: 'trente', by: 'x' }],
      [{ op: 'replaceWords', alinea: 1, words: 'de trente', by: 'x' }, { op: 'deleteWords', alinea: 1, words: 'trente jours' }],
      [{ op: 'deleteArticle' }, { op: 'deleteAlineas', from: 1, to: 1 }],
      [{ op: 'insertWords', alinea: 1, after: '', words: 'x' }]
    ]
    for (const ops of bad) assert.throws(() => applyWording(ops, base), WordingError, JSON.stringify(ops))
  })
})

describe('wording of a real amendment: PPL 11-290, article 2, tabled text to committee text', () => {
  const depot = fixtureArticle('fr-ppl11-290-depot.json', '2')
  const commission = fixtureArticle('fr-ppl11-290-commission.json', '2')

  for (const lang of ['fr', 'en'] as const) {
    for (const prefer of ['shortest', 'operations'] as const) {
      it(`round-trips to the committee text (${lang}, ${prefer})`, () => {
        const text = check(depot, commission, lang, undefined, prefer)
        if (prefer === 'operations') {
          const ops = parseWording(text, lang)
          assert.ok(ops.some(o => o.op === 'deleteWords' && o.alinea === 4 && o.words === 'qui ont procédé à la notification'))
          assert.deepEqual(ops[0], { op: 'insertAlineas', after: 0, alineas: commission.slice(0, 9) })
        }
      })
    }
  }

  it('deletes article 1er as the committee did', () => {
    const before = fixtureArticle('fr-ppl11-290-depot.json', '1er')
    const after = fixtureArticle('fr-ppl11-290-commission.json', '1er')
    assert.deepEqual(after, [])
    check(before, after, 'fr', 'Supprimer cet article.')
  })

  it('returns operations as data too', () => {
    const ops = wordingOps(diffArticle(depot, commission), 'fr')
    assert.deepEqual(applyWording(ops, depot), commission)
  })
})

describe('wording input rules', () => {
  it('refuses alinéas holding a line break', () => {
    assert.throws(() => wording(diffArticle(['a'], ['a\nb']), 'fr'), RangeError)
  })
})
