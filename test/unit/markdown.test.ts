import assert from 'node:assert/strict'
import { MAX_ALINEA_LENGTH, MAX_ARTICLES, TextError, markdownToBlocks, parseArticleTitle } from '../../shared/markdown.ts'
import { blocksToDoc, docToBlocks } from '../../shared/text.ts'
import type { BillBlock } from '../../shared/types.ts'

/** Blocks without their random ids, for comparison. */
function shape (blocks: BillBlock[]) {
  return blocks.map(b => b.kind === 'division'
    ? { division: b.title, level: b.level }
    : { num: b.num, heading: b.heading, alineas: b.alineas })
}

function textError (source: string): TextError {
  try {
    markdownToBlocks(source)
  } catch (err) {
    assert.ok(err instanceof TextError, `expected a TextError, got ${String(err)}`)
    return err
  }
  assert.fail('expected a TextError')
}

describe('shared/markdown', () => {
  describe('parseArticleTitle', () => {
    it('reads numbers and headings', () => {
      const cases: [string, string, string | null][] = [
        ['Article 1er', '1er', null],
        ['Article 1', '1', null],
        ['Article premier', '1er', null],
        ['article 2', '2', null],
        ['Article 2 bis', '2 bis', null],
        ['ARTICLE 3 TER', '3 ter', null],
        ['Art. 3', '3', null],
        ['Art 4 quater A', '4 quater A', null],
        ['Article 2-bis', '2 bis', null],
        ['Article 1er.', '1er', null],
        ['Article unique', 'unique', null],
        ['Article 2 – Préavis', '2', 'Préavis'],
        ['Article 2 - Préavis', '2', 'Préavis'],
        ['Article 2 — Préavis', '2', 'Préavis'],
        ['Article 2 : Préavis', '2', 'Préavis'],
        ['Art. 3. Information des passagers', '3', 'Information des passagers'],
        ['Article 2 bis Préavis de grève', '2 bis', 'Préavis de grève']
      ]
      for (const [text, num, heading] of cases) assert.deepEqual(parseArticleTitle(text), { num, heading }, text)
    })

    it('refuses what is not an article title', () => {
      for (const text of ['Articles 3 à 5', 'Article', 'Article L. 1114-1', 'Titre Ier', 'Artichaut 2', 'Le présent article']) {
        assert.equal(parseArticleTitle(text), null, text)
      }
    })
  })

  it('reads divisions and articles with headings', () => {
    const blocks = markdownToBlocks([
      '# Titre Ier – Dispositions générales',
      '',
      '## Chapitre II',
      '',
      '### Article 1er – Champ d\'application',
      '',
      'La présente loi est applicable aux entreprises',
      'de transport aérien.',
      '',
      '### Article 2',
      '',
      'I. - Dans les entreprises mentionnées à l\'article 1er, *l\'employeur* peut **engager** des négociations.',
      '',
      'II. - L\'accord-cadre détermine notamment :',
      '',
      '##### Sous-sous-section',
      '',
      '###### Article 2 bis',
      '',
      'Texte.'
    ].join('\n'))
    assert.deepEqual(shape(blocks), [
      { division: 'Titre Ier – Dispositions générales', level: 1 },
      { division: 'Chapitre II', level: 2 },
      { num: '1er', heading: 'Champ d\'application', alineas: ['La présente loi est applicable aux entreprises de transport aérien.'] },
      { num: '2', heading: null, alineas: ['I. - Dans les entreprises mentionnées à l\'article 1er, l\'employeur peut engager des négociations.', 'II. - L\'accord-cadre détermine notamment :'] },
      { division: 'Sous-sous-section', level: 4 },
      { num: '2 bis', heading: null, alineas: ['Texte.'] }
    ])
    for (const b of blocks) assert.match(b.id, b.kind === 'article' ? /^art_[0-9a-z]{16}$/ : /^div_[0-9a-z]{16}$/)
    assert.equal(new Set(blocks.map(b => b.id)).size, blocks.length)
  })

  it('makes each list item one alinéa, with French enumeration prefixes for ordered lists', () => {
    const blocks = markdownToBlocks([
      '## Article 1er',
      '',
      'L\'accord-cadre détermine :',
      '',
      '1. Les conditions de la notification ;',
      '2. Le délai de réunion',
      '   des organisations ;',
      '   - premier tiret ;',
      '   - second tiret.',
      '',
      '3) Troisième point.',
      '',
      '- un tiret',
      '- 4° déjà préfixé',
      '',
      'a) Texte avec sa lettre ;',
      '',
      '5. Liste qui commence à cinq',
      '6. puis six.',
      '',
      '> « Art. L. 1114-1. – Cité. »',
      '',
      '    code indenté',
      '    sur deux lignes',
      '',
      '    second paragraphe'
    ].join('\n'))
    assert.deepEqual(shape(blocks), [{
      num: '1er',
      heading: null,
      alineas: [
        'L\'accord-cadre détermine :',
        '1° Les conditions de la notification ;',
        '2° Le délai de réunion des organisations ;',
        'premier tiret ;',
        'second tiret.',
        '3) Troisième point.',
        'un tiret',
        '4° déjà préfixé',
        'a) Texte avec sa lettre ;',
        '5° Liste qui commence à cinq',
        '6° puis six.',
        '« Art. L. 1114-1. – Cité. »',
        'code indenté sur deux lignes',
        'second paragraphe'
      ]
    }])
  })

  it('accepts an article title as a paragraph of its own, or in bold', () => {
    const blocks = markdownToBlocks([
      'Article 1er', '', 'Premier.', '',
      '**Article 2 – Préavis**', '', 'Second.', '', '**Le** texte.', '',
      '**Article 3** : Information', '', 'Troisième.', '',
      'Article 4 est un alinéa de l\'article 3, pas un titre.'
    ].join('\n'))
    assert.deepEqual(shape(blocks), [
      { num: '1er', heading: null, alineas: ['Premier.'] },
      { num: '2', heading: 'Préavis', alineas: ['Second.', 'Le texte.'] },
      { num: '3', heading: 'Information', alineas: ['Troisième.', 'Article 4 est un alinéa de l\'article 3, pas un titre.'] }
    ])
  })

  it('makes one article per item of a document that is an ordered list', () => {
    const blocks = markdownToBlocks([
      '# Titre Ier',
      '',
      '1. La présente loi est applicable.',
      '2. Les salariés informent.',
      '',
      '   Deuxième alinéa de l\'article 2.',
      '   1. un ;',
      '   2. deux.',
      '',
      '# Titre II',
      '',
      '1. Dernier article.'
    ].join('\n'))
    assert.deepEqual(shape(blocks), [
      { division: 'Titre Ier', level: 1 },
      { num: '1er', heading: null, alineas: ['La présente loi est applicable.'] },
      { num: '2', heading: null, alineas: ['Les salariés informent.', 'Deuxième alinéa de l\'article 2.', '1° un ;', '2° deux.'] },
      { division: 'Titre II', level: 1 },
      { num: '3', heading: null, alineas: ['Dernier article.'] }
    ])
  })

  it('normalises alinéas and keeps non-breaking spaces', () => {
    const [block] = markdownToBlocks('## Article 1er\n\n  Les   mots\u00a0: «\u00a0x\u00a0» &amp; `code` [lien](http://x)  ')
    assert.deepEqual(block && block.kind === 'article' && block.alineas, ['Les mots\u00a0: «\u00a0x\u00a0» & code lien'])
  })

  it('gives blocks that make a valid document', () => {
    const blocks = markdownToBlocks('# Titre\n\n## Article 1er\n\nUn.\n\n## Article 2\n\n- a\n- b')
    assert.deepEqual(docToBlocks(blocksToDoc(blocks)), blocks)
  })

  describe('errors', () => {
    it('TextError is a named Error with details', () => {
      const err = textError('')
      assert.ok(err instanceof Error)
      assert.equal(err.name, 'TextError')
      assert.equal(err.details.code, 'no_article')
    })

    it('refuses a text without article', () => {
      assert.equal(textError('').details.code, 'no_article')
      assert.equal(textError('# Titre Ier\n\n## Chapitre Ier').details.code, 'no_article')
      assert.equal(textError('Un paragraphe.').details.code, 'stray_text')
      assert.equal(textError('- une liste à puces').details.code, 'stray_text')
    })

    it('refuses an article without alinéa', () => {
      const err = textError('## Article 1er\n\n## Article 2\n\nTexte.')
      assert.equal(err.details.code, 'empty_article')
      assert.equal(err.details.num, '1er')
      assert.equal(err.details.line, 1)
      assert.equal(textError('## Article 1er\n\nTexte.\n\n## Article 2').details.code, 'empty_article')
      assert.equal(textError('## Article 1er\n\nTexte.\n\n## Article 2\n\n# Titre II').details.code, 'empty_article')
      assert.equal(textError('1. Un.\n2.\n3. Trois.').details.code, 'empty_article')
    })

    it('refuses a preamble before the first article', () => {
      const err = textError('Exposé des motifs : la loi doit changer.\n\n## Article 1er\n\nTexte.')
      assert.equal(err.details.code, 'stray_text')
      assert.equal(err.details.line, 1)
      assert.match(err.message, /before the first article/)
      assert.match(err.message, /Exposé des motifs/)
    })

    it('refuses text under a division heading, outside any article', () => {
      const err = textError('## Article 1er\n\nTexte.\n\n# Titre II\n\nDispositions diverses.\n\n## Article 2\n\nTexte.')
      assert.equal(err.details.code, 'stray_text')
      assert.equal(err.details.line, 7)
      assert.equal(err.details.division, 'Titre II')
      assert.match(err.message, /under the heading "Titre II"/)
      assert.equal(textError('# Exposé des motifs\n\nMesdames, Messieurs,\n\n# Proposition de loi\n\n## Article 1er\n\nTexte.').details.code, 'stray_text')
    })

    it('refuses an article number used twice', () => {
      const err = textError('## Article 1er\n\nUn.\n\n## Article 2\n\nDeux.\n\n## Article 2\n\nEncore.')
      assert.equal(err.details.code, 'duplicate_number')
      assert.equal(err.details.num, '2')
      assert.equal(err.details.line, 9)
      assert.equal(textError('## Article 1\n\nUn.\n\n## Article 1er\n\nDeux.').details.code, 'duplicate_number')
      assert.equal(textError('## Article 2 bis\n\nUn.\n\n## Art. 2-bis\n\nDeux.').details.code, 'duplicate_number')
    })

    it('enforces the limits', () => {
      assert.equal(MAX_ARTICLES, 2000)
      assert.equal(MAX_ALINEA_LENGTH, 20000)
      const many = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. Texte.`).join('\n')
      assert.equal(markdownToBlocks(many(MAX_ARTICLES)).length, MAX_ARTICLES)
      assert.equal(textError(many(MAX_ARTICLES + 1)).details.code, 'too_many_articles')
      const long = `## Article 1er\n\n${'x'.repeat(MAX_ALINEA_LENGTH + 1)}`
      const err = textError(long)
      assert.equal(err.details.code, 'alinea_too_long')
      assert.equal(err.details.line, 3)
      assert.equal(markdownToBlocks(`## Article 1er\n\n${'x'.repeat(MAX_ALINEA_LENGTH)}`).length, 1)
    })
  })
})
