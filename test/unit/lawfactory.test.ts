import assert from 'node:assert/strict'
import { lawFactoryTitle, lawFactoryToBlocks } from '../../shared/lawfactory.ts'
import { TextError, blocksToDoc, docToBlocks } from '../../shared/text.ts'
import type { BillBlock } from '../../shared/types.ts'
import { fixtureJson } from '../helpers/fixtures.ts'

const fixture = (name: string): unknown => fixtureJson(`bills/${name}`)

/** The alinéas of the bill as tabled, copied from the fixture (article number -> alinéas, in order). */
const DEPOT_ALINEAS: Record<string, string[]> = {
  '1er': [
    'La présente loi est applicable aux entreprises, établissements ou parties d\'établissement qui concourent directement à l\'activité de transport aérien de passagers.'
  ],
  '2': [
    'I. - Dans les entreprises mentionnées à l\'article 1er, l\'employeur et les organisations syndicales représentatives peuvent engager des négociations en vue de la signature d\'un accord-cadre organisant une procédure de prévention des conflits et tendant à développer le dialogue social. En application de cet accord, l\'exercice du droit de grève ne peut intervenir qu\'après une négociation préalable entre l\'employeur et la ou les organisations syndicales représentatives qui envisagent de recourir au droit de grève. L\'accord-cadre fixe les règles d\'organisation et de déroulement de cette négociation. Ces règles doivent être conformes aux conditions posées au II.',
    'II. - L\'accord-cadre détermine notamment :',
    '1° Les conditions dans lesquelles une organisation syndicale représentative procède à la notification à l\'employeur des motifs pour lesquels elle envisage de recourir à l\'exercice du droit de grève ;',
    '2° Le délai dans lequel, à compter de cette notification, l\'employeur est tenu de réunir les organisations syndicales représentatives qui ont procédé à la notification. Ce délai ne peut dépasser trois jours ;',
    '3° La durée dont l\'employeur et les organisations syndicales représentatives qui ont procédé à la notification disposent pour conduire la négociation préalable mentionnée au I. Cette durée ne peut excéder huit jours francs à compter de cette notification ;',
    '4° Les informations qui doivent être transmises par l\'employeur aux organisations syndicales représentatives qui ont procédé à la notification en vue de favoriser la réussite du processus de négociation, ainsi que le délai dans lequel ces informations doivent être fournies ;',
    '5° Les conditions dans lesquelles la négociation préalable entre les organisations syndicales représentatives qui ont procédé à la notification et l\'employeur se déroule ;',
    '6° Les modalités d\'élaboration du relevé de conclusions de la négociation préalable ainsi que les informations qui doivent y figurer ;',
    '7° Les conditions dans lesquelles les salariés sont informés des motifs du conflit, de la position de l\'employeur, de la position des organisations syndicales représentatives qui ont procédé à la notification ainsi que les conditions dans lesquelles ils reçoivent communication du relevé de conclusions de la négociation préalable.'
  ],
  '3': [
    'En cas de grève et pendant toute la durée du mouvement, les salariés dont l\'absence est de nature à affecter directement la réalisation des vols, informent, au plus tard quarante-huit heures avant de participer à la grève, le chef d\'entreprise ou la personne désignée par lui de leur intention d\'y participer.',
    'Les informations issues de ces déclarations individuelles ne peuvent être utilisées que pour l\'organisation de l\'activité durant la grève en vue d\'en informer les passagers. Elles sont couvertes par le secret professionnel. Leur utilisation à d\'autres fins ou leur communication à toute personne autre que celles désignées par l\'employeur comme étant chargées de l\'organisation du service est passible des peines prévues à l\'article 226-13 du code pénal.',
    'Est passible d\'une sanction disciplinaire le salarié qui n\'a pas informé son employeur de son intention de participer à la grève dans les conditions prévues au présent article.'
  ],
  '4': [
    'En cas de perturbation du trafic aérien liée à une grève dans une entreprise mentionnée à l\'article 1, tout passager a le droit de disposer d\'une information gratuite, précise et fiable sur l\'activité assurée. Cette information doit être délivrée aux passagers par l\'entreprise de transport aérien dans la mesure du possible au plus tard vingt-quatre heures avant le début de la perturbation.'
  ]
}

function shape (blocks: BillBlock[]) {
  return blocks.map(b => b.kind === 'division' ? { division: b.title, level: b.level } : { num: b.num, alineas: b.alineas })
}

function code (json: unknown): string {
  try {
    lawFactoryToBlocks(json)
  } catch (err) {
    assert.ok(err instanceof TextError, String(err))
    return err.details.code
  }
  assert.fail('expected a TextError')
}

describe('shared/lawfactory', () => {
  it('reads the tabled bill: 4 articles, their numbers and exact alinéas in order', () => {
    const blocks = lawFactoryToBlocks(fixture('fr-ppl11-290-depot.json'))
    assert.equal(blocks.length, 4)
    assert.deepEqual(blocks.map(b => b.kind), ['article', 'article', 'article', 'article'])
    assert.deepEqual(blocks.map(b => b.kind === 'article' && b.num), ['1er', '2', '3', '4'])
    assert.deepEqual(blocks.map(b => b.kind === 'article' && b.alineas.length), [1, 9, 3, 1])
    for (const b of blocks) {
      assert.ok(b.kind === 'article')
      assert.deepEqual(b.alineas, DEPOT_ALINEAS[b.num], `article ${b.num}`)
      assert.equal(b.heading, null)
      assert.match(b.id, /^art_[0-9a-z]{16}$/)
    }
    assert.equal(new Set(blocks.map(b => b.id)).size, 4)
    assert.deepEqual(docToBlocks(blocksToDoc(blocks)), blocks)
  })

  it('skips the articles deleted in committee', () => {
    const blocks = lawFactoryToBlocks(fixture('fr-ppl11-290-commission.json'))
    assert.equal(blocks.length, 1)
    const [article] = blocks
    assert.ok(article?.kind === 'article')
    assert.equal(article.num, '2')
    assert.equal(article.alineas.length, 27)
    assert.equal(article.alineas[0], 'Le titre Ier du livre Ier de la première partie du code des transports est complété par un chapitre IV ainsi rédigé :')
    assert.equal(article.alineas[1], '"Chapitre IV')
    assert.equal(article.alineas[26], '"Art. L. 1114-5. - En cas de perturbation du trafic aérien liée à une grève dans une entreprise, un établissement ou une partie d\'établissement entrant dans le champ d\'application du présent chapitre, tout passager a le droit de disposer d\'une information gratuite, précise et fiable sur l\'activité assurée. Cette information doit être délivrée aux passagers par l\'entreprise de transport aérien au plus tard vingt-quatre heures avant le début de la perturbation."')
  })

  it('gives the title', () => {
    assert.equal(lawFactoryTitle(fixture('fr-ppl11-290-depot.json')),
      'N°\u00a03991 - Proposition de loi de M. Éric Diard relative à l\'organisation du service et à l\'information des passagers dans les entreprises de transport aérien de passagers')
    assert.match(lawFactoryTitle(fixture('fr-ppl11-290-commission.json'))!, /^N°\u00a04157 annexe 0 - Rapport sur la proposition de loi/)
    assert.equal(lawFactoryTitle({ articles: [] }), null)
    assert.equal(lawFactoryTitle({ titre: '  ' }), null)
    assert.equal(lawFactoryTitle(null), null)
    assert.equal(lawFactoryTitle([{ type: 'texte', titre: 'Projet de loi' }, { type: 'article' }]), 'Projet de loi')
  })

  it('orders alinéas by key and articles by order', () => {
    const blocks = lawFactoryToBlocks({
      articles: [
        { type: 'article', titre: '2', order: 2, statut: 'none', alineas: { '002': 'b', '001': 'a', '010': 'c' } },
        { type: 'article', titre: '1er', order: 1, statut: 'none', alineas: { 10: 'z', 9: 'y' } }
      ]
    })
    assert.deepEqual(shape(blocks), [{ num: '1er', alineas: ['y', 'z'] }, { num: '2', alineas: ['a', 'b', 'c'] }])
  })

  it('opens the sections of the older layout before their first article', () => {
    const blocks = lawFactoryToBlocks({
      titre: 'projet de loi de modernisation',
      articles: [
        { type: 'article', titre: '1er', order: 1, section: 'T1', statut: 'none', alineas: { '001': 'Un.' } },
        { type: 'article', titre: '2', order: 2, section: 'T1C1', statut: 'none', alineas: { '001': 'Deux.' } },
        { type: 'article', titre: '3', order: 3, section: 'T1C1', statut: 'none', alineas: { '001': 'Trois.' } },
        { type: 'article', titre: '4', order: 4, section: 'T10C2S1', statut: 'none', alineas: { '001': 'Quatre.' } },
        { type: 'article', titre: '5', order: 5, section: 'T11', statut: 'supprimé', alineas: { '001': '(Supprimé)' } },
        { type: 'article', titre: '6', order: 6, section: 'TL', statut: 'none', alineas: { '001': 'Six.' } }
      ],
      sections: [
        { type: 'section', id: 'T1', titre: 'Définir une politique publique de l\'alimentation', type_section: 'titre' },
        { type: 'section', id: 'T1C1', titre: 'Dispositions générales', type_section: 'chapitre' },
        { type: 'section', id: 'T10', titre: 'Dispositions finales', type_section: 'titre' },
        { type: 'section', id: 'T10C2', titre: 'Outre-mer' },
        { type: 'section', id: 'T10C2S1', titre: 'Mayotte', type_section: 'section' },
        { type: 'section', id: 'T11', titre: 'Jamais ouvert', type_section: 'titre' },
        { type: 'section', id: 'TL', titre: 'Dispositions liminaires', type_section: 'titre' }
      ]
    })
    assert.deepEqual(shape(blocks), [
      { division: 'Titre Ier – Définir une politique publique de l\'alimentation', level: 1 },
      { num: '1er', alineas: ['Un.'] },
      { division: 'Chapitre Ier – Dispositions générales', level: 2 },
      { num: '2', alineas: ['Deux.'] },
      { num: '3', alineas: ['Trois.'] },
      { division: 'Titre X – Dispositions finales', level: 1 },
      { division: 'Chapitre II – Outre-mer', level: 2 },
      { division: 'Section 1 – Mayotte', level: 3 },
      { num: '4', alineas: ['Quatre.'] },
      { division: 'Titre préliminaire – Dispositions liminaires', level: 1 },
      { num: '6', alineas: ['Six.'] }
    ])
  })

  it('reads sections given inline, and a bare array of entries', () => {
    const entries = [
      { type: 'texte', titre: 'Projet de loi', id: 'S09-l200' },
      { type: 'section', id: 'T1', titre: 'Premier titre', type_section: 'titre' },
      { type: 'article', titre: '1er', order: 1, section: 'T1', statut: 'none', alineas: { '001': 'Un.' } },
      { type: 'dots' },
      { type: 'section', id: 'T1C2', titre: 'Chapitre vide', type_section: 'chapitre' },
      { type: 'section', id: 'T2', titre: 'Second titre', type_section: 'titre' },
      { type: 'article', titre: '2 bis', order: 2, section: 'T2', statut: 'none', alineas: { '001': '  Deux  bis. ' } }
    ]
    const expected = [
      { division: 'Titre Ier – Premier titre', level: 1 },
      { num: '1er', alineas: ['Un.'] },
      { division: 'Chapitre II – Chapitre vide', level: 2 },
      { division: 'Titre II – Second titre', level: 1 },
      { num: '2 bis', alineas: ['Deux bis.'] }
    ]
    assert.deepEqual(shape(lawFactoryToBlocks(entries)), expected)
    assert.deepEqual(shape(lawFactoryToBlocks({ articles: entries.slice(1), sections: [] })), expected)
  })

  it('keeps a deleted article that still has text, skips placeholders', () => {
    const blocks = lawFactoryToBlocks({
      articles: [
        { type: 'article', titre: '1er', statut: 'supprimé', alineas: {} },
        { type: 'article', titre: '2', statut: 'supprimés', alineas: { '001': '' } },
        { type: 'article', titre: '3', statut: 'supprimé', alineas: { '001': '(Censuré)' } },
        { type: 'article', titre: '4', statut: 'supprimé', alineas: { '001': 'Texte maintenu.' } },
        { type: 'article', titre: '5', statut: 'conforme', alineas: { '001': '(Non modifié)' } }
      ]
    })
    assert.deepEqual(shape(blocks), [{ num: '4', alineas: ['Texte maintenu.'] }, { num: '5', alineas: ['(Non modifié)'] }])
  })

  it('refuses anything not in that shape with a TextError', () => {
    const article = { type: 'article', titre: '1er', statut: 'none', alineas: { '001': 'Un.' } }
    for (const json of [
      null, 'texte', 42, {}, { articles: {} }, { articles: [article], sections: {} },
      { articles: [null] }, { articles: [article, 'x'] }, { articles: [{ ...article, type: 'chapitre' }] },
      { articles: [{ ...article, type: 3 }] }, { articles: [{ ...article, titre: '' }] }, { articles: [{ ...article, titre: 2 }] },
      { articles: [{ ...article, alineas: ['Un.'] }] }, { articles: [{ ...article, alineas: { '001': 1 } }] },
      { articles: [{ ...article, order: '1' }] }, { articles: [{ ...article, statut: false }] },
      { articles: [article], sections: [{ titre: 'sans id' }] }, { articles: [article], sections: ['T1'] }
    ]) {
      assert.equal(code(json), 'invalid_format', JSON.stringify(json))
    }
    assert.equal(code({ articles: [] }), 'no_article')
    assert.equal(code({ articles: [{ ...article, statut: 'supprimé', alineas: {} }] }), 'no_article')
    assert.equal(code({ articles: [{ ...article, alineas: {} }] }), 'empty_article')
    assert.equal(code({ articles: [article, { ...article }] }), 'duplicate_number')
  })
})
