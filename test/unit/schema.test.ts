import assert from 'node:assert/strict'
import { DOMImplementation, XMLSerializer } from '@xmldom/xmldom'
import { DOMSerializer, type TagParseRule } from 'prosemirror-model'
import { schema, SCHEMA_VERSION } from '../../shared/schema.ts'

const { doc, division, article, alinea } = schema.nodes

function sampleDoc () {
  return doc.create(null, [
    division.create({ id: 'div_1', level: 1 }, schema.text('Titre Ier')),
    article.create({ id: 'art_1', num: '1er', heading: 'Préavis' }, [
      alinea.create(null, [schema.text('Les '), schema.text('salariés', [schema.marks.em.create()]), schema.text(' informent.')]),
      alinea.create(null, schema.text('Deuxième alinéa.'))
    ]),
    article.create({ id: 'art_2', num: '2', heading: null }, alinea.create(null, schema.text('Texte.')))
  ])
}

/** Serialise a node to HTML with xmldom standing in for the browser's document. */
function toHTML (node: ReturnType<typeof sampleDoc>): string {
  const document = new DOMImplementation().createDocument(null, 'root')
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(node.content, { document: document as never })
  return new XMLSerializer().serializeToString(fragment as never)
}

/** A stand-in for the element ProseMirror passes to `getAttrs`. */
function fakeElement (attrs: Record<string, string>) {
  return { getAttribute: (name: string) => attrs[name] ?? null } as unknown as HTMLElement
}

function ruleFor (node: string, tag: string): TagParseRule {
  const rule = (schema.nodes[node]!.spec.parseDOM ?? []).find(r => 'tag' in r && r.tag === tag)
  assert.ok(rule, `no rule for ${tag}`)
  return rule as TagParseRule
}

describe('shared/schema', () => {
  it('exports a numeric SCHEMA_VERSION', () => {
    assert.equal(typeof SCHEMA_VERSION, 'number')
    assert.ok(Number.isInteger(SCHEMA_VERSION) && SCHEMA_VERSION >= 1)
  })

  it('has the node and mark types of the design', () => {
    assert.deepEqual(Object.keys(schema.nodes).sort(), ['alinea', 'article', 'division', 'doc', 'text'])
    assert.deepEqual(Object.keys(schema.marks).sort(), ['em', 'strong'])
    assert.equal(schema.topNodeType, doc)
  })

  it('accepts a well-formed bill', () => {
    assert.doesNotThrow(() => sampleDoc().check())
  })

  it('requires at least one block in a doc and one alinéa in an article', () => {
    assert.throws(() => doc.create(null, []).check(), RangeError)
    assert.throws(() => article.create({ id: 'a', num: '1' }, []).check(), RangeError)
    // ProseMirror can still build a filler document (ids left null for the editor to assign).
    const filler = doc.createAndFill()
    assert.ok(filler)
    assert.doesNotThrow(() => filler.check())
  })

  it('forbids marks in division titles and alinéas directly in the doc', () => {
    assert.throws(() => division.create({ id: 'd', level: 1 }, schema.text('T', [schema.marks.strong.create()])).check(), RangeError)
    assert.throws(() => doc.create(null, alinea.create(null, schema.text('x'))).check(), RangeError)
  })

  it('validates attributes: level 1..4, num a string, heading a string or null', () => {
    assert.throws(() => division.create({ id: 'd', level: 5 }), RangeError)
    assert.throws(() => division.create({ id: 'd', level: 1.5 }), RangeError)
    assert.throws(() => article.create({ id: 'a', num: 2 }, alinea.create()), RangeError)
    assert.throws(() => article.create({ id: 'a', num: '2', heading: 3 }, alinea.create()), RangeError)
    assert.throws(() => article.create({ id: 7, num: '2' }, alinea.create()), RangeError)
    const filler = article.createAndFill()
    assert.ok(filler)
    assert.equal(filler.attrs.id, null)
    assert.equal(filler.attrs.num, '')
  })

  it('keeps articles isolating and headings defining', () => {
    assert.equal(article.spec.isolating, true)
    assert.equal(article.spec.defining, true)
    assert.equal(division.spec.defining, true)
  })

  it('renders articles as sections with a heading line from attrs, alinéas as <p>', () => {
    const html = toHTML(sampleDoc())
    assert.match(html, /^<h2 class="division" data-level="1" data-division-id="div_1">Titre Ier<\/h2>/)
    assert.match(html, /<section class="article" data-num="1er" data-article-id="art_1" data-heading="Préavis">/)
    assert.match(html, /<header class="article-head" contenteditable="false"><span class="article-num">Article 1er<\/span> – <span class="article-heading">Préavis<\/span><\/header>/)
    assert.match(html, /<div class="alineas"><p class="alinea">Les <em>salariés<\/em> informent\.<\/p><p class="alinea">Deuxième alinéa\.<\/p><\/div><\/section>/)
    assert.match(html, /<section class="article" data-num="2" data-article-id="art_2"><header class="article-head" contenteditable="false"><span class="article-num">Article 2<\/span><\/header>/)
  })

  it('renders division levels 1..4 as h2..h5', () => {
    for (const level of [1, 2, 3, 4]) {
      const d = doc.create(null, division.create({ id: `d${level}`, level }, schema.text('T')))
      assert.match(toHTML(d), new RegExp(`^<h${level + 1} `))
    }
  })

  it('parses attributes back from the rendered DOM', () => {
    const section = ruleFor('article', 'section[data-article-id]')
    assert.deepEqual(section.getAttrs!(fakeElement({ 'data-article-id': 'art_1', 'data-num': '2 bis', 'data-heading': 'Préavis' })),
      { id: 'art_1', num: '2 bis', heading: 'Préavis' })
    assert.deepEqual(section.getAttrs!(fakeElement({ 'data-article-id': 'art_1' })), { id: 'art_1', num: '', heading: null })
    const h3 = ruleFor('division', 'h3')
    assert.deepEqual(h3.getAttrs!(fakeElement({ 'data-division-id': 'div_1', 'data-level': '2' })), { id: 'div_1', level: 2 })
    // A pasted heading without our attributes: level from the tag, id to be assigned.
    assert.deepEqual(ruleFor('division', 'h4').getAttrs!(fakeElement({})), { id: null, level: 3 })
    assert.deepEqual(ruleFor('division', 'h1').getAttrs!(fakeElement({ 'data-level': '9' })), { id: null, level: 1 })
    const ignored = ruleFor('article', 'header.article-head')
    assert.equal(ignored.ignore, true)
  })

  it('round-trips through JSON', () => {
    const node = sampleDoc()
    const again = schema.nodeFromJSON(node.toJSON())
    assert.ok(again.eq(node))
  })
})
