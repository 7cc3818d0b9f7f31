import assert from 'node:assert/strict'
import { MAX_XML_DEPTH, aknToBlocks } from '../../shared/akn-import.ts'
import { TextError, blocksToDoc, docToBlocks } from '../../shared/text.ts'
import type { ArticleText, BillBlock } from '../../shared/types.ts'
import { IT_SENATO_DDL_ARTICLES, fixtureText } from '../helpers/fixtures.ts'

function articles (blocks: BillBlock[]): ArticleText[] {
  return blocks.filter((b): b is BillBlock & ArticleText => b.kind === 'article')
}

function shape (blocks: BillBlock[]) {
  return blocks.map(b => b.kind === 'division' ? { division: b.title, level: b.level } : { num: b.num, heading: b.heading, alineas: b.alineas })
}

function code (xml: string): string {
  try {
    aknToBlocks(xml)
  } catch (err) {
    assert.ok(err instanceof TextError, String(err))
    return err.details.code
  }
  assert.fail('expected a TextError')
}

const FINAL = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** A small bill in the given namespace (null: none), `an:` prefixed when `prefix` is set. */
function akn (body: string, ns: string | null = FINAL, prefix = false): string {
  const p = prefix ? 'an:' : ''
  const xmlns = ns === null ? '' : prefix ? ` xmlns:an="${ns}"` : ` xmlns="${ns}"`
  const tagged = prefix ? body.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : body
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${p}akomaNtoso${xmlns}><${p}bill name="test"><${p}body>${tagged}</${p}body></${p}bill></${p}akomaNtoso>`
}

const SIMPLE = '<article eId="art_1"><num>Article 1er</num><heading>Objet</heading><paragraph eId="art_1__para_1"><content><p>La présente loi   s\'applique.</p></content></paragraph></article>'

describe('shared/akn-import', () => {
  describe('the Italian Senate bill (draft 3.0 namespace)', () => {
    const { title, blocks } = aknToBlocks(fixtureText('akn/it-senato-ddl-2013-bill.xml'))
    const arts = articles(blocks)

    it('reads the title from docTitle', () => {
      assert.equal(title, 'Modifiche al testo unico di cui al decreto del Presidente della Repubblica 30 marzo 1957, n.\u00a0361, in materia di elezione della Camera dei deputati, e al testo unico di cui al decreto legislativo 20 dicembre 1993, n.\u00a0533, in materia di elezione del Senato della Repubblica, nonché delega al Governo per la determinazione dei collegi uninominali')
    })

    it('reads its six articles, numbers and headings, and none of the quoted ones', () => {
      assert.equal(blocks.length, 6)
      assert.deepEqual(arts.map(a => a.num), IT_SENATO_DDL_ARTICLES.nums)
      assert.deepEqual(arts.map(a => a.heading), IT_SENATO_DDL_ARTICLES.headings)
      assert.deepEqual(arts.map(a => a.alineas.length), IT_SENATO_DDL_ARTICLES.alineaCounts)
      for (const a of arts) assert.match(a.id, /^art_[0-9a-z]{16}$/)
    })

    // The source writes "n.\u00a0361" with a non-breaking space; normalisation keeps it.
    it('reads paragraphs, list intros and points with their letters', () => {
      const [art1, , art3, art4, , art6] = arts
      assert.deepEqual(art1!.alineas.slice(0, 6), [
        'Al testo unico delle leggi recanti norme per la elezione della Camera dei deputati, di cui al decreto del Presidente della Repubblica 30 marzo 1957, n.\u00a0361, sono apportate le seguenti modificazioni:',
        'a) l\'articolo 1 è sostituito dal seguente: «Art. 1. -- 1. La Camera dei deputati è eletta a suffragio universale, con voto diretto ed uguale, libero e segreto, espresso in favore di candidati in collegi uninominali, collegati a liste concorrenti nelle circoscrizioni. 2. Il territorio nazionale è diviso nelle circoscrizioni elettorali indicate nella tabella A allegata al presente testo unico. In queste circoscrizioni i seggi sono attribuiti, con metodo maggioritario ed eventuale secondo turno di votazione, a candidati concorrenti nei collegi uninominali e, in ragione proporzionale, a candidati concorrenti in liste circoscrizionali e nel collegio unico nazionale»;',
        art1!.alineas[2]!,
        'c) il comma 2 dell\'articolo 4 è sostituito dal seguente:',
        '«2. Ogni elettore dispone di un voto per l\'elezione del candidato nel collegio uninominale, che vale anche per la lista circoscrizionale cui è collegato il candidato uninominale prescelto»;',
        'd) all\'articolo 14:'
      ])
      assert.match(art1!.alineas[2]!, /^b\) l'articolo 3 è sostituito dal seguente: «Art\. 3\. -- 1\. L'assegnazione/)
      assert.match(art1!.alineas[6]!, /^1\) al primo comma, primo periodo, sono aggiunte in fine le seguenti parole:/)
      assert.equal(art1!.alineas.at(-1), '2. Si applicano, quando ne ricorrono le circostanze, le disposizioni di cui all\'articolo 83».')
      assert.equal(art3!.alineas[0], 'Il Governo è delegato ad adottare, entro quattro mesi dalla data di entrata in vigore della presente legge, ai sensi dell\'articolo 14 della legge 23 agosto 1988, n.\u00a0400, un decreto legislativo per la determinazione dei collegi uninominali per l\'elezione della Camera dei deputati e del Senato della Repubblica, nell\'ambito di ciascuna circoscrizione, sulla base dei seguenti princìpi e criteri direttivi:')
      assert.match(art3!.alineas[1]!, /^a\) i collegi sono costituiti garantendo la coerenza del relativo bacino territoriale/)
      assert.match(art3!.alineas[2]!, /^b\) la popolazione di ciascun collegio può scostarsi/)
      assert.equal(art3!.alineas[5], 'Si prescinde dai pareri di cui al comma 3 qualora gli stessi non siano espressi entro i termini ivi assegnati.')
      assert.deepEqual(art4!.alineas, ['Entro quattro mesi dalla data di entrata in vigore della presente legge, il Governo, con regolamento ai sensi dell\'articolo 17, comma 1, lettera b), della legge 23 agosto 1988, n.\u00a0400, provvede a modificare il regolamento di cui al decreto del Presidente della Repubblica 5 gennaio 1994, n.\u00a014, al fine di adeguarlo a quanto disposto dalla presente legge.'])
      assert.deepEqual(art6!.alineas, ['La presente legge entra in vigore il giorno successivo a quello della sua pubblicazione nella Gazzetta Ufficiale.'])
    })

    it('gives blocks that make a valid document', () => {
      assert.deepEqual(docToBlocks(blocksToDoc(blocks)), blocks)
    })
  })

  describe('namespaces', () => {
    const expected = [{ num: '1er', heading: 'Objet', alineas: ['La présente loi s\'applique.'] }]
    for (const [label, ns, prefix] of [
      ['final 3.0', FINAL, false], ['final 3.0, prefixed', FINAL, true],
      ['2.0', 'http://www.akomantoso.org/2.0', false], ['draft 3.0', `${FINAL}/WD17`, true],
      ['no namespace', null, false]
    ] as const) {
      it(`reads the ${label} namespace`, () => {
        assert.deepEqual(shape(aknToBlocks(akn(SIMPLE, ns, prefix)).blocks), expected)
      })
    }

    it('refuses a foreign namespace or root', () => {
      assert.equal(code(akn(SIMPLE, 'http://www.w3.org/1999/xhtml')), 'invalid_format')
      assert.equal(code(`<html><body>${SIMPLE}</body></html>`), 'invalid_format')
    })
  })

  it('reads divisions, points, lists and tables', () => {
    const { title, blocks } = aknToBlocks(akn(`
      <part><num>Titre Ier</num><heading>Dispositions générales</heading>
        <chapter><num>Chapitre Ier</num>
          <article><num>Art. 1.</num>
            <paragraph><num>1.</num><content><p>Premier <i>alinéa</i>.</p><p>Deuxième<eol/>ligne.</p></content></paragraph>
            <paragraph><num>2.</num>
              <list><intro><p>Sont applicables :</p></intro>
                <point><num>1°</num><content><p>Un ;</p></content></point>
                <point><num>2°</num><list><intro><p>Deux :</p></intro>
                  <point><num>a)</num><content><p>deux a<authorialNote><p>note</p></authorialNote> ;</p></content></point>
                </list></point>
                <wrapUp><p>Fin de la liste.</p></wrapUp>
              </list>
            </paragraph>
          </article>
        </chapter>
      </part>
      <chapter><heading>Sans numéro</heading>
        <section><num>Section 1</num>
          <subsection><num>Sous-section 1</num>
            <subsection><num>Paragraphe 1</num>
              <article><num>Article 2 bis</num><content><p>Texte <b>direct</b>.</p></content></article>
            </subsection>
          </subsection>
        </section>
      </chapter>
      <article><num>Article 3</num><content><table><tr><th>Col A</th><th>Col B</th></tr><tr><td>1</td><td>2</td></tr></table><p>Après</p></content></article>
      <article><content><p>Sans numéro.</p></content></article>`))
    assert.equal(title, null)
    assert.deepEqual(shape(blocks), [
      { division: 'Titre Ier – Dispositions générales', level: 1 },
      { division: 'Chapitre Ier', level: 2 },
      { num: '1', heading: null, alineas: ['Premier alinéa.', 'Deuxième ligne.', 'Sont applicables :', '1° Un ;', '2° Deux :', 'a) deux a ;', 'Fin de la liste.'] },
      { division: 'Sans numéro', level: 1 },
      { division: 'Section 1', level: 2 },
      { division: 'Sous-section 1', level: 3 },
      { division: 'Paragraphe 1', level: 4 },
      { num: '2 bis', heading: null, alineas: ['Texte direct.'] },
      { num: '3', heading: null, alineas: ['Col A | Col B', '1 | 2', 'Après'] },
      { num: '4', heading: null, alineas: ['Sans numéro.'] }
    ])
  })

  it('skips metadata, front matter, quoted structures and attachments', () => {
    const xml = akn(`
      <article><num>Article 1er</num><content><p>L'article 5 est ainsi rédigé : <mod><quotedStructure><article><num>Art. 5</num><content><p>« Nouveau texte. »</p></content></article></quotedStructure></mod></p></content></article>`)
      .replace('<bill name="test">', '<bill name="test"><meta><identification><FRBRWork><FRBRalias value="Loi  sur les essais" name="short"/></FRBRWork></identification></meta><preface><p><article><num>Art. 9</num><content><p>x</p></content></article></p></preface>')
      .replace('</body>', '</body><attachments><attachment><doc name="annex"><mainBody><article><num>Art. 1</num><content><p>annexe</p></content></article></mainBody></doc></attachment></attachments>')
    const { title, blocks } = aknToBlocks(xml)
    assert.equal(title, 'Loi sur les essais')
    assert.deepEqual(shape(blocks), [{ num: '1er', heading: null, alineas: ['L\'article 5 est ainsi rédigé : Art. 5 « Nouveau texte. »'] }])
  })

  describe('errors', () => {
    it('refuses what is not XML', () => {
      for (const text of ['', '   ', 'Article 1er : texte', '{"articles": []}', '<akomaNtoso><bill>', '<a><b></a>', '<akomaNtoso>&nbsp;</akomaNtoso>']) {
        assert.equal(code(text), 'invalid_xml', text)
      }
    })

    it('refuses document type declarations and entities', () => {
      const bomb = '<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><akomaNtoso><bill><body><article><num>1</num><content><p>&b;</p></content></article></body></bill></akomaNtoso>'
      assert.equal(code(bomb), 'forbidden_markup')
      assert.equal(code('<!doctype akomaNtoso SYSTEM "file:///etc/passwd"><akomaNtoso/>'), 'forbidden_markup')
      assert.equal(code(akn(SIMPLE).replace('<bill', '<!ENTITY x "y"><bill')), 'forbidden_markup')
    })

    it('refuses XML without any article', () => {
      assert.equal(code(fixtureText('akn/ep-amendment-AM1.xml')), 'no_article')
      assert.equal(code(akn('<chapter><num>I</num></chapter>')), 'no_article')
      assert.equal(code('<akomaNtoso/>'), 'no_article')
    })

    it('refuses an article without text and a number used twice', () => {
      assert.equal(code(akn('<article><num>Art. 1</num><heading>Vide</heading></article>')), 'empty_article')
      assert.equal(code(akn(SIMPLE + SIMPLE)), 'duplicate_number')
    })

    it('refuses nesting deeper than MAX_XML_DEPTH', () => {
      const deep = (n: number) => akn(`<article><num>1</num>${'<hcontainer>'.repeat(n)}<p>x</p>${'</hcontainer>'.repeat(n)}</article>`)
      assert.equal(articles(aknToBlocks(deep(50)).blocks)[0]!.alineas[0], 'x')
      assert.equal(code(deep(MAX_XML_DEPTH + 10)), 'invalid_xml')
    })
  })
})
