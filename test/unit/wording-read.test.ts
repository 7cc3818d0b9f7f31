import assert from 'node:assert/strict'
import { applyWording, dispositifLines, formatWording, parseWording, wording, WordingError, type WordingOp } from '../../shared/wording.ts'
import { diffArticle } from '../../shared/diff.ts'
import { sentences } from '../../shared/wording-extended.ts'
import { foldTypography } from '../../shared/wording-text.ts'
import { fixtureDispositif } from '../helpers/dispositifs.ts'

/** Every phrase form of both house styles, each read from a real dispositif of the fixtures (named by its number). */
const read = (source: string): WordingOp[] => parseWording(fixtureDispositif(source), 'fr')
/** A base article of `n` alinéas « Alinéa i. », with some alinéas given. */
function base (n: number, given: Record<number, string> = {}): string[] {
  return Array.from({ length: n }, (_, i) => given[i + 1] ?? `Alinéa ${i + 1}.`)
}

describe('wording reader: Assemblée nationale style (real dispositifs)', () => {
  it('« Supprimer cet article. » (269-177)', () => {
    assert.deepEqual(read('AN an/269-177.xml n° 177'), [{ op: 'deleteArticle' }])
  })

  it('« Supprimer les alinéas 3 à 7. » (269-941)', () => {
    const ops = read('AN an/269-941.xml n° 941')
    assert.deepEqual(ops, [{ op: 'deleteAlineas', from: 3, to: 7 }])
    assert.deepEqual(applyWording(ops, base(8)), ['Alinéa 1.', 'Alinéa 2.', 'Alinéa 8.'])
  })

  it('« À l\'alinéa 2, substituer aux mots : » with the passages on their own lines, typographic apostrophes (911-2)', () => {
    const ops = read('AN an/911-2.xml n° 2')
    assert.deepEqual(ops, [{ op: 'replaceWords', alinea: 2, words: 'la commission permanente compétente de chaque assemblée', by: 'les commissions compétentes de chaque assemblée mentionnées à l’article\u00a043,' }])
    const text = base(2, { 2: 'Il rend compte devant la commission permanente compétente de chaque assemblée six mois après.' })
    assert.equal(applyWording(ops, text)[1], 'Il rend compte devant les commissions compétentes de chaque assemblée mentionnées à l’article\u00a043, six mois après.')
  })

  it('« À la fin de l\'alinéa 2, substituer … » (911-3)', () => {
    assert.deepEqual(read('AN an/911-3.xml n° 3'), [{ op: 'replaceWords', alinea: 2, words: 'la date de sa promulgation', by: 'son entrée en vigueur' }])
  })

  it('« Compléter cet article par l\'alinéa suivant : », non-breaking hyphens kept (269-135)', () => {
    const ops = read('AN an/269-135.xml n° 135')
    assert.equal(ops.length, 1)
    const op = ops[0]
    assert.ok(op.op === 'appendAlineas')
    assert.ok(op.alineas[0].includes('133\u20111\u20111'), 'the non-breaking hyphens are kept')
    assert.match(foldTypography(op.alineas[0]), /^VI\. – Le I de l'article L\. 133-1-1 s'applique .* 2018\.$/u)
    assert.deepEqual(applyWording(ops, base(2)), ['Alinéa 1.', 'Alinéa 2.', op.alineas[0]])
  })

  it('numbered parts « I. – », « II. – En conséquence, … du même tableau » (269-155)', () => {
    const ops = read('AN an/269-155.xml n° 155')
    assert.deepEqual(ops, [
      { op: 'replaceWords', alinea: 2, words: '88,9', by: '88,7' },
      { op: 'replaceWords', alinea: 2, words: '80,7', by: '80,9' }
    ])
    assert.deepEqual(applyWording(ops, base(2, { 2: 'Maladie 88,9 ; vieillesse 80,7.' }))[1], 'Maladie 88,7 ; vieillesse 80,9.')
  })

  it('legislative text amending a code is read as the content of the article, not as operations (269-192, 911-1)', () => {
    const ops = read('AN an/269-192.xml n° 192')
    assert.equal(ops.length, 1)
    const op = ops[0]
    assert.ok(op.op === 'content')
    assert.equal(op.alineas.length, 3)
    assert.match(foldTypography(op.alineas[0]), /^I\. – La section 3 .* code de la sécurité sociale est complétée par un article L\. 131-4-4 ainsi rédigée :$/u)
    assert.match(foldTypography(op.alineas[2]), /^II\. – La perte de recettes/u)
    const constitution = read('AN an/911-1.xml n° 1')
    assert.equal(constitution[0].op, 'content')
    // Content has no place in the article: applying it says so.
    assert.throws(() => applyWording(ops, base(1)), (e: unknown) => e instanceof WordingError && /text of an article/u.test(e.message))
  })

  it('« L\'alinéa 12 est complété par l\'alinéa suivant : » and « Rétablir un article 40 quater dans la rédaction suivante : » (liasse)', () => {
    const complete = read('AN an-liasse.xml n° 26')
    assert.equal(complete[0].op, 'insertAlineas')
    const restore = read('AN an-liasse.xml n° 103')
    assert.ok(restore[0].op === 'rewriteArticle')
    assert.equal(restore[0].alineas.length, 2)
  })

  it('refuses what is not a dispositif, naming the line', () => {
    assert.throws(() => read('AN an-liasse.xml n° 28'), (e: unknown) => e instanceof WordingError && e.line === 1)
  })
})

describe('wording reader: Sénat style (real dispositifs)', () => {
  it('the place on its own line: « Alinéa 3 » / « Remplacer le mot : » / passage / « par le mot : » / passage, unquoted (COM-48)', () => {
    const ops = read('Sénat COM-48')
    assert.deepEqual(ops, [{ op: 'replaceWords', alinea: 3, words: 'modération', by: 'sobriété' }])
    assert.deepEqual(applyWording(ops, base(3, { 3: 'Un objectif de modération.' }))[2], 'Un objectif de sobriété.')
  })

  it('« Alinéa 7 » / « Supprimer les mots : » (COM-50)', () => {
    const ops = read('Sénat COM-50')
    assert.equal(ops[0].op, 'deleteWords')
    assert.equal((ops[0] as { alinea: number }).alinea, 7)
  })

  it('« Alinéa 27 » / « Supprimer cet alinéa » (COM-32), « Alinéas 2 et 3 » / « Supprimer ces alinéas » (COM-82), « Alinéas 6 et 10 » (COM-73)', () => {
    assert.deepEqual(read('Sénat COM-32'), [{ op: 'deleteAlineas', from: 27, to: 27 }])
    assert.deepEqual(read('Sénat COM-82'), [{ op: 'deleteAlineas', from: 2, to: 3 }])
    assert.deepEqual(read('Sénat COM-73'), [{ op: 'deleteAlineas', from: 6, to: 6 }, { op: 'deleteAlineas', from: 10, to: 10 }])
  })

  it('ranges and numbered parts: « I. Alinéas 9 à 14 » / « Supprimer ces alinéas » / « II. Alinéa 22 » / « Après cet alinéa, insérer un alinéa ainsi rédigé : » (COM-52)', () => {
    const ops = read('Sénat COM-52')
    assert.equal(ops.length, 2)
    assert.deepEqual(ops[0], { op: 'deleteAlineas', from: 9, to: 14 })
    const insert = ops[1]
    assert.ok(insert.op === 'insertAlineas')
    assert.equal(insert.after, 22)
    assert.match(insert.alineas[0], /^C bis\. - Un décret .* radioélectrique\.$/u)
    const out = applyWording(ops, base(30))
    assert.equal(out.length, 30 - 6 + 1)
    assert.equal(out[22 - 6], insert.alineas[0])
  })

  it('« Après l\'alinéa 30, insérer un alinéa ainsi rédigé : » with « … » placeholders for numbers kept (COM-60)', () => {
    const ops = read('Sénat COM-60')
    const insert = ops[1]
    assert.ok(insert.op === 'insertAlineas')
    assert.equal(insert.after, 30)
    assert.match(insert.alineas[0], /loi n°\s{4}du\s{4}relative/u)
  })

  it('phrases: « Supprimer la deuxième phrase », « Troisième phrase » / « Remplacer les mots » (COM-51)', () => {
    const ops = read('Sénat COM-51')
    assert.deepEqual(ops, [
      { op: 'deleteSentences', alinea: 8, from: 2, to: 2 },
      { op: 'replaceWords', alinea: 8, words: 'Ceux-ci', by: 'Ces résultats', sentence: 3 }
    ])
    const text = base(8, { 8: 'Ceux-ci sont publics. Les mesures sont faites. Ceux-ci sont transmis au maire.' })
    assert.equal(applyWording(ops, text)[7], 'Ceux-ci sont publics. Ces résultats sont transmis au maire.')
  })

  it('« Supprimer les deuxième et troisième phrases » (COM-62), « les deux dernières phrases » (COM-110)', () => {
    assert.deepEqual(read('Sénat COM-62'), [{ op: 'deleteSentences', alinea: 24, from: 2, to: 3 }])
    const last = read('Sénat COM-110')
    assert.deepEqual(last, [{ op: 'deleteSentences', alinea: 24, from: -2, to: -1 }])
    assert.equal(applyWording(last, base(24, { 24: 'Un. Deux. Trois.' }))[23], 'Un.')
  })

  it('« Rédiger comme suit la première phrase : » and « Dernière phrase » (COM-58)', () => {
    const ops = read('Sénat COM-58')
    assert.equal(ops[0].op, 'rewriteSentence')
    assert.deepEqual(ops[2], { op: 'replaceWords', alinea: 20, words: 'la simulation', by: "l'estimation", sentence: -1 })
    const text = base(20, { 20: 'Le dossier comprend une simulation. Il est publié. Il contient la simulation.' })
    const out = applyWording(ops, text)[19]
    assert.match(out, /^Le dossier d'information mentionné .* par l'installation\. Il contient l'estimation\.$/u)
  })

  it('« Avant la première phrase, insérer une phrase ainsi rédigée : » and dashes inside « 2° » (COM-63)', () => {
    const ops = read('Sénat COM-63')
    const kinds = ops.map(o => o.op)
    assert.deepEqual(kinds, ['deleteSentences', 'deleteWords', 'deleteSentences', 'insertSentence', 'replaceWords', 'replaceWords', 'insertSentence'])
    assert.deepEqual(ops[3], { op: 'insertSentence', alinea: 26, after: 0, text: "Un recensement national des points atypiques du territoire est établi chaque année par l'Agence nationale des fréquences." })
  })

  it('« Après les mots : … supprimer la fin de la seconde phrase. » (COM-112)', () => {
    const ops = read('Sénat COM-112')
    assert.deepEqual(ops, [{ op: 'deleteEnd', alinea: 26, after: 'dans les lieux en cause', sentence: 2 }])
    const text = base(26, { 26: 'Elles sont publiées. Elles sont traitées dans les lieux en cause dans un délai de six mois. Fin.' })
    assert.equal(applyWording(ops, text)[25], 'Elles sont publiées. Elles sont traitées dans les lieux en cause. Fin.')
  })

  it('« à chacune de ses trois occurrences », « rédiger ainsi la fin de la phrase », « Au début de la deuxième phrase » (COM-106)', () => {
    const ops = read('Sénat COM-106')
    assert.deepEqual(ops[0], { op: 'replaceWords', alinea: 20, words: 'simulation', by: 'estimation', occurrence: 'all' })
    assert.equal(ops[2].op, 'rewriteEnd')
    assert.deepEqual(ops[3], { op: 'prependWords', alinea: 20, words: 'La présentation de', sentence: 2 })
  })

  it('« Compléter cet article par un alinéa ainsi rédigé : » (COM-66)', () => {
    const ops = read('Sénat COM-66')
    assert.equal(ops[0].op, 'appendAlineas')
  })

  it('« Rédiger ainsi cet alinéa : » (COM-121), « Remplacer cet alinéa par trois alinéas ainsi rédigés : » (COM-99)', () => {
    assert.deepEqual(read('Sénat COM-121'), [{ op: 'rewriteAlineas', from: 4, to: 4, alineas: ["Après l'article L. 5232-1, est inséré un article L. 5232-1-1 ainsi rédigé :"] }])
    const three = read('Sénat COM-99')
    assert.ok(three[0].op === 'rewriteAlineas')
    assert.equal(three[0].alineas.length, 3)
    assert.equal(three[0].alineas[0], "2° L'article L. 34-9-1 est ainsi modifié :")
  })

  it('« Rédiger ainsi cet article : » whose text amends a code: that text is content, not operations (COM-69)', () => {
    const ops = read('Sénat COM-69')
    assert.ok(ops[0].op === 'rewriteArticle')
    assert.equal(ops.length, 1)
    assert.match(ops[0].alineas[0], /^Après le septième alinéa de l'article L\. 1313-1 du code de la santé publique/u)
  })

  it('« Supprimer cet article. » (COM-81), « Supprimer cette division. » (COM-84), « Rédiger ainsi le titre II : » (COM-8)', () => {
    assert.deepEqual(read('Sénat COM-81'), [{ op: 'deleteArticle' }])
    assert.deepEqual(read('Sénat COM-84'), [{ op: 'deleteDivision' }])
    assert.equal(read('Sénat COM-8')[0].op, 'rewriteHeading')
  })

  it('operations on an article without an alinéa apply where the passage is (COM-67)', () => {
    const ops = read('Sénat COM-67')
    assert.deepEqual(ops, [{ op: 'replaceWords', alinea: 0, words: 'publication', by: 'promulgation' }])
    assert.deepEqual(applyWording(ops, ['Un.', 'Dès la publication.']), ['Un.', 'Dès la promulgation.'])
    assert.throws(() => applyWording(ops, ['la publication', 'la publication']), WordingError)
  })

  it('inline Sénat forms: « A l\'alinéa 15, après le mot: » (COM-4), « les mots: … sont remplacés par » (COM-11), « est inséré le mot » (COM-5), « Avant la référence : » (COM-88)', () => {
    assert.equal(read('Sénat COM-4')[0].op, 'insertWords')
    assert.equal(read('Sénat COM-11')[0].op, 'replaceWords')
    assert.deepEqual(read('Sénat COM-5'), [{ op: 'insertWords', alinea: 18, after: 'Toute modification', words: 'substantielle' }])
    const before = read('Sénat COM-88')
    assert.deepEqual(before, [{ op: 'insertWordsBefore', alinea: 16, before: 'A.-', words: 'III.-' }])
    assert.equal(applyWording(before, base(16, { 16: 'A.- Le maire.' }))[15], 'III.- A.- Le maire.')
  })
})

describe('wording reader: forms not in the fixtures (from the design notes and the issue)', () => {
  it('an additional article, Sénat style and Assemblée style: an operation the caller recognises', () => {
    const senat = parseWording("Après l'article 7\nInsérer un article additionnel ainsi rédigé :\n« Le Gouvernement remet un rapport. »", 'fr')
    assert.deepEqual(senat, [{ op: 'addArticle', position: { after: '7' }, alineas: ['Le Gouvernement remet un rapport.'] }])
    const an = parseWording("Avant l’article 1er, insérer un article additionnel ainsi rédigé :\n« Un. »\n« Deux. »", 'fr')
    assert.deepEqual(an, [{ op: 'addArticle', position: { before: '1er' }, alineas: ['Un.', 'Deux.'] }])
    assert.deepEqual(parseWording("Après l'article 2 bis\nInsérer un article additionnel ainsi rédigé :\n« X. »", 'fr')[0],
      { op: 'addArticle', position: { after: '2 bis' }, alineas: ['X.'] })
    assert.throws(() => applyWording(senat, ['A.']), (e: unknown) => e instanceof WordingError && /additional article after article 7/u.test(e.message))
  })

  it('an operation reaching outside the article: « Pour compenser la perte de recettes …, compléter cet article par un paragraphe ainsi rédigé : »', () => {
    const ops = parseWording('Pour compenser la perte de recettes résultant du I, compléter cet article par un paragraphe ainsi rédigé :\n« II. – La perte de recettes pour l’État est compensée, à due concurrence, par la création d’une taxe additionnelle. »', 'fr')
    assert.equal(ops.length, 1)
    assert.ok(ops[0].op === 'appendAlineas')
    assert.match(ops[0].alineas[0], /^II\. – La perte de recettes/u)
  })

  it('the compensation (« gage ») numbered after the operations completes the article', () => {
    const ops = parseWording("I. – À l'alinéa 2, substituer au taux : « 5 % » le taux : « 2 % ».\nII. – La perte de recettes pour l'État est compensée, à due concurrence, par la création d'une taxe additionnelle aux droits visés aux articles 575 et 575 A du code général des impôts.", 'fr')
    assert.equal(ops.length, 2)
    assert.deepEqual(ops[0], { op: 'replaceWords', alinea: 2, words: '5 %', by: '2 %' })
    assert.ok(ops[1].op === 'appendAlineas')
    assert.match(ops[1].alineas[0], /^II\. – La perte de recettes pour l'État est compensée/u)
    assert.deepEqual(applyWording(ops, ['Un.', 'Le taux est de 5 %.']), ['Un.', 'Le taux est de 2 %.', ops[1].alineas[0]])
  })

  it('ordinal alinéas, no-break spaces and a quote typed with other apostrophes than the text', () => {
    const ops = parseWording('Au deuxième\u00a0alinéa, substituer au mot\u00a0: «\u00a0l’employeur\u00a0» les mots\u00a0: «\u00a0le chef d’entreprise\u00a0».', 'fr')
    assert.deepEqual(ops, [{ op: 'replaceWords', alinea: 2, words: 'l’employeur', by: 'le chef d’entreprise' }])
    assert.deepEqual(applyWording(ops, ['Un.', "Quand l'employeur décide."]), ['Un.', 'Quand le chef d’entreprise décide.'])
  })

  it('other common forms of both chambers: scope suffixes, lists, « Substituer à l\'alinéa 3 les deux alinéas suivants », « l\'article suivant »', () => {
    const cases: [string, WordingOp[]][] = [
      ["Supprimer la dernière phrase de l'alinéa 5.", [{ op: 'deleteSentences', alinea: 5, from: -1, to: -1 }]],
      ["Après le mot : « délai », rédiger ainsi la fin de l'alinéa 3 :\n« de quinze jours. »", [{ op: 'rewriteEnd', alinea: 3, after: 'délai', text: 'de quinze jours.' }]],
      ['Supprimer les alinéas 3, 5 et 7.', [{ op: 'deleteAlineas', from: 3, to: 3 }, { op: 'deleteAlineas', from: 5, to: 5 }, { op: 'deleteAlineas', from: 7, to: 7 }]],
      ["Substituer à l'alinéa 3 les deux alinéas suivants :\n« Un.\n« Deux. »", [{ op: 'rewriteAlineas', from: 3, to: 3, alineas: ['Un.', 'Deux.'] }]],
      ['Remplacer les alinéas 3 à 5 par un alinéa ainsi rédigé :\n« Un. »', [{ op: 'rewriteAlineas', from: 3, to: 5, alineas: ['Un.'] }]],
      ["Après l'article 7, insérer l'article suivant :\n« Un. »", [{ op: 'addArticle', position: { after: '7' }, alineas: ['Un.'] }]],
      ['À la fin de la première phrase de l\'alinéa 4, les mots : « X » sont remplacés par les mots : « Y ».', [{ op: 'replaceWords', alinea: 4, words: 'X', by: 'Y', sentence: 1 }]],
      ['Au premier alinéa, le mot : « X » est remplacé par le mot : « Y ».', [{ op: 'replaceWords', alinea: 1, words: 'X', by: 'Y' }]],
      ['À l’alinéa 5, remplacer le taux : « 10 % » par le taux : « 5 % ».', [{ op: 'replaceWords', alinea: 5, words: '10 %', by: '5 %' }]],
      ['Supprimer le deuxième alinéa.', [{ op: 'deleteAlineas', from: 2, to: 2 }]]
    ]
    for (const [text, ops] of cases) assert.deepEqual(parseWording(text, 'fr'), ops, text)
    assert.deepEqual(applyWording(parseWording("Après le mot : « délai », rédiger ainsi la fin de l'alinéa 1 :\n« de quinze jours. »", 'fr'), ['Le délai est de trente jours.']), ['Le délai de quinze jours.'])
  })

  it('HTML once stripped: entities decoded, paragraphs as lines', () => {
    assert.deepEqual(dispositifLines('<body><p>A l&#8217;alin&#233;a&#160;9, susbstituer au mot:</p><p>"mod&#233;ration"</p><p>le mot:</p><p>"ma&#238;trise".</p></body>'),
      ['A l’alinéa\u00a09, susbstituer au mot:', '"modération"', 'le mot:', '"maîtrise".'])
  })

  it('cuts sentences as a drafter does (« L. 32-1 » and « M. » do not end one)', () => {
    const text = "Voir l'article L. 32-1 du code. M. Dupont signe. Fin !"
    assert.deepEqual(sentences(text).map(([s, e]) => text.slice(s, e)), ["Voir l'article L. 32-1 du code.", 'M. Dupont signe.', 'Fin !'])
  })
})

describe('wording: writing in the Sénat style', () => {
  const plain = (x: string): string => x.replace(/[\u00a0\u202f]/gu, ' ')
  it('puts the place on its own line, names ranges and counts, and reads it back', () => {
    const ops: WordingOp[] = [
      { op: 'deleteAlineas', from: 30, to: 33 },
      { op: 'insertAlineas', after: 1, alineas: ['a', 'b'] },
      { op: 'replaceWords', alinea: 3, words: 'modération', by: 'sobriété' },
      { op: 'appendWords', alinea: 4, words: 'et ailleurs' }
    ]
    const text = formatWording(ops, 'fr', 'senat')
    assert.equal(plain(text), [
      'I. – Alinéas 30 à 33', 'Supprimer ces alinéas.',
      "II. – Après l'alinéa 1", 'Insérer deux alinéas ainsi rédigés :', '« a', '« b »',
      'III. – Alinéa 3', 'Remplacer le mot : « modération » par le mot : « sobriété ».',
      'IV. – Alinéa 4', 'Compléter cet alinéa par les mots : « et ailleurs ».'
    ].join('\n'))
    assert.deepEqual(parseWording(text, 'fr'), ops)
  })

  it('words a diff in either style, both applying to the same text', () => {
    const base = ['Le délai est de trente jours.', 'Un décret fixe les modalités.', 'Trois.']
    const proposed = ['Le délai est de quinze jours.', 'Trois.']
    const senat = wording(diffArticle(base, proposed), 'fr', { style: 'senat' })
    assert.match(plain(senat), /^I\. – Alinéa 1\nRemplacer le mot : « trente » par le mot : « quinze »\.\nII\. – Alinéa 2\nSupprimer cet alinéa\.$/u)
    assert.deepEqual(applyWording(parseWording(senat, 'fr'), base), proposed)
    assert.deepEqual(applyWording(parseWording(wording(diffArticle(base, proposed), 'fr'), 'fr'), base), proposed)
  })
})

