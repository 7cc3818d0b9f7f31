/**
 * Bills from Akoma Ntoso XML (the OASIS LegalDocML standard that
 * parliaments publish), parsed with @xmldom/xmldom so that it runs in Node
 * and in the browser. Elements are matched on their local name, so the 2.0
 * namespace (`http://www.akomantoso.org/2.0`), the 3.0 drafts
 * (`.../legaldocml/ns/akn/3.0/WD17`, `CSD..`), the final 3.0 namespace and no
 * namespace at all are read alike.
 *
 * What becomes what:
 * - `<article>`: an article; its `<num>` gives the number without the word
 *   ("Art. 1." gives "1", "Article 1er" gives "1er", "Art. 2-bis" gives
 *   "2 bis"), its `<heading>` the heading, as printed.
 * - Alinéas, in document order: every `<p>` (or loose text) of a
 *   `<content>`, `<intro>` or `<wrapUp>`. A `<paragraph>`'s own number is
 *   dropped (alinéas are counted by position); the number of a `<point>`,
 *   `<item>`, `<indent>`, `<alinea>`, `<subparagraph>`, `<clause>`... is kept
 *   as the prefix of its first alinéa ("a) l'articolo 14 ..."). Quoted text
 *   (`<mod>`, `<quotedStructure>`) stays inside the alinéa that quotes it; its
 *   articles are not articles of the bill. A table row is one alinéa, cells
 *   joined by " | ". Alinéas are normalised with `normaliseAlinea`.
 * - `<part>`, `<book>`, `<title>`, `<chapter>`, `<section>`, their `sub`
 *   forms and `<division>`: divisions titled "num – heading", the level being
 *   their depth among divisions (clamped to 1..4).
 * - The title: the first `<docTitle>`, else the `value` of `<FRBRalias>`.
 *
 * Refused with `TextError`: anything but well-formed XML, a root other than
 * `<akomaNtoso>` or in a foreign namespace, any `<!DOCTYPE` or `<!ENTITY`
 * (no entity expansion at all), nesting deeper than MAX_XML_DEPTH, no
 * article, an article without text, a number used twice, and the limits of
 * text.ts.
 */

import { DOMParser, type Element, type Node as XmlNode } from '@xmldom/xmldom'
import { newId } from './ids.ts'
import { articleOrdinal, normaliseArticleNum } from './numbering.ts'
import { MAX_ARTICLES, TextError, normaliseAlinea, validateBlocks } from './text.ts'
import type { BillBlock } from './types.ts'

/** A bill read from Akoma Ntoso: its title if the document names one, and its blocks. */
export interface AknBill { title: string | null; blocks: BillBlock[] }

/** Deepest element nesting read; deeper documents are refused rather than risk the stack. */
export const MAX_XML_DEPTH = 200

const AKN_NAMESPACE = /^(?:http:\/\/www\.akomantoso\.org\/\d+(?:\.\d+)*|http:\/\/docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0(?:\/[A-Za-z0-9]+)?)$/

const ELEMENT = 1
const TEXT = 3
const CDATA = 4

// Never part of the bill's articles: metadata, front and back matter, annexes,
// and quoted structures (amending text, whose articles belong to another law).
const SKIP = new Set(['meta', 'coverPage', 'preface', 'preamble', 'conclusions', 'attachments', 'attachment',
  'components', 'component', 'documentRef', 'mod', 'quotedStructure', 'embeddedStructure', 'authorialNote'])
const DIVISIONS = new Set(['part', 'subpart', 'book', 'tome', 'title', 'subtitle', 'chapter', 'subchapter',
  'section', 'subsection', 'division', 'subdivision'])
// Units of an article that carry a printed number worth keeping ("a)", "1°", "-").
const NUMBERED_UNITS = new Set(['point', 'indent', 'item', 'li', 'alinea', 'subparagraph', 'clause', 'subclause',
  'level', 'hcontainer', 'blockContainer', 'tblock'])
// Units whose number is dropped or that have none.
const PLAIN_UNITS = new Set(['paragraph', 'list', 'blockList', 'ul', 'ol'])
// Containers that only hold the blocks of their parent unit.
const TRANSPARENT = new Set(['content', 'intro', 'wrapUp', 'wrap', 'listIntroduction', 'listWrapUp', 'container',
  'div', 'table', 'thead', 'tbody', 'tfoot'])
const LEAVES = new Set(['p', 'block', 'crossHeading'])
// Elements read as a word boundary inside inline text.
const BREAKS = new Set(['eol', 'br', 'eop', 'p', 'block', 'num', 'heading', 'content', 'intro', 'wrapUp', 'td', 'th',
  'tr', 'li', 'item', 'point', 'paragraph', 'article', 'list', 'blockList'])
const NOT_TEXT = new Set(['authorialNote', 'noteRef', 'meta'])

function invalid (message: string, code: 'invalid_xml' | 'invalid_format' | 'forbidden_markup' = 'invalid_format'): TextError {
  return new TextError(message, { code })
}

function tooDeep (): TextError {
  return invalid(`The XML is nested deeper than ${MAX_XML_DEPTH} levels.`, 'invalid_xml')
}

function* elements (node: XmlNode): Generator<Element> {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === ELEMENT) yield child as Element
  }
}

function firstChild (node: XmlNode, name: string): Element | null {
  for (const el of elements(node)) if (el.localName === name) return el
  return null
}

/** Depth-first search for the first element of that name, outside skipped parts when `skip` is given. */
function findFirst (node: XmlNode, name: string, depth = 0): Element | null {
  if (depth > MAX_XML_DEPTH) throw tooDeep()
  for (const el of elements(node)) {
    if (el.localName === name) return el
    const found = findFirst(el, name, depth + 1)
    if (found) return found
  }
  return null
}

/** Raw text of a node: text and CDATA, notes left out, line breaks and blocks as spaces. */
function inlineText (node: XmlNode, depth = 0): string {
  if (depth > MAX_XML_DEPTH) throw tooDeep()
  let out = ''
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT || child.nodeType === CDATA) {
      out += (child as unknown as { data: string }).data
    } else if (child.nodeType === ELEMENT) {
      const name = child.localName ?? ''
      if (NOT_TEXT.has(name)) continue
      const text = inlineText(child, depth + 1)
      out += BREAKS.has(name) ? ` ${text} ` : text
    }
  }
  return out
}

function textOf (el: Element | null): string {
  return el ? normaliseAlinea(inlineText(el)) : ''
}

/**
 * Collect the alinéas of a unit of an article into `out`. `prefix` (the
 * number of an enclosing point) goes before the first alinéa found.
 */
function collect (unit: XmlNode, prefix: string, out: string[], depth: number): void {
  if (depth > MAX_XML_DEPTH) throw tooDeep()
  let pending = prefix
  let buffer = ''
  const emit = (raw: string): void => {
    const text = normaliseAlinea(raw)
    if (!text) return
    out.push(normaliseAlinea(pending + text))
    pending = ''
  }
  const flush = (): void => { emit(buffer); buffer = '' }
  const nested = (el: Element, own: string): void => {
    const before = out.length
    collect(el, pending + own, out, depth + 1)
    if (out.length > before) pending = ''
  }
  for (let child = unit.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === TEXT || child.nodeType === CDATA) {
      buffer += (child as unknown as { data: string }).data
      continue
    }
    if (child.nodeType !== ELEMENT) continue
    const el = child as Element
    const name = el.localName ?? ''
    if (name === 'num' || name === 'heading' || name === 'subheading' || NOT_TEXT.has(name)) continue
    if (NUMBERED_UNITS.has(name)) {
      flush()
      const num = textOf(firstChild(el, 'num'))
      nested(el, num ? `${num} ` : '')
    } else if (PLAIN_UNITS.has(name) || TRANSPARENT.has(name)) {
      flush()
      nested(el, '')
    } else if (name === 'tr') {
      flush()
      emit([...elements(el)].map(cell => normaliseAlinea(inlineText(cell, depth + 1))).filter(Boolean).join(' | '))
    } else if (LEAVES.has(name)) {
      flush()
      emit(inlineText(el, depth + 1))
    } else {
      // Inline markup (<i>, <ref>, <mod> ...) between loose text: part of one alinéa.
      buffer += inlineText(el, depth + 1)
    }
  }
  flush()
}

/** "Art. 1." -> "1", "Article 1er" -> "1er", "Articolo 2-bis" -> "2 bis"; as printed when it does not parse. */
function articleNum (raw: string): string {
  const bare = normaliseAlinea(raw)
    .replace(/^(?:article|articolo|artículo|artigo|artikel|art)\b\.?\s*/i, '')
    .replace(/[\s.:–—-]+$/, '')
  return normaliseArticleNum(bare) ?? bare
}

class Reader {
  readonly blocks: BillBlock[] = []
  private articles = 0

  structure (node: XmlNode, level: number, depth: number): void {
    if (depth > MAX_XML_DEPTH) throw tooDeep()
    for (const el of elements(node)) {
      const name = el.localName ?? ''
      if (SKIP.has(name)) continue
      if (name === 'article') {
        this.article(el, depth + 1)
      } else if (DIVISIONS.has(name)) {
        const title = [textOf(firstChild(el, 'num')), textOf(firstChild(el, 'heading'))].filter(Boolean).join(' – ')
        const clamped = Math.min(4, level + 1) as 1 | 2 | 3 | 4
        this.blocks.push({ kind: 'division', id: newId('div'), level: clamped, title })
        this.structure(el, level + 1, depth + 1)
      } else {
        this.structure(el, level, depth + 1)
      }
    }
  }

  article (el: Element, depth: number): void {
    if (++this.articles > MAX_ARTICLES) {
      throw new TextError(`A bill may have at most ${MAX_ARTICLES} articles.`, { code: 'too_many_articles', limit: MAX_ARTICLES })
    }
    const num = articleNum(textOf(firstChild(el, 'num'))) || articleOrdinal(this.articles)
    const heading = textOf(firstChild(el, 'heading')) || null
    const alineas: string[] = []
    collect(el, '', alineas, depth)
    this.blocks.push({ kind: 'article', id: newId('art'), num, heading, alineas })
  }
}

function parse (xml: string): Element {
  if (typeof xml !== 'string' || !xml.trim()) throw invalid('The Akoma Ntoso text is empty.', 'invalid_xml')
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw invalid('Document type declarations and entities are not accepted in Akoma Ntoso input.', 'forbidden_markup')
  }
  let root: Element | null
  try {
    const parser = new DOMParser({
      onError (level, message) { if (level !== 'warning') throw new Error(message) }
    })
    root = parser.parseFromString(xml, 'text/xml').documentElement
  } catch (err) {
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err)
    throw invalid(`Not well-formed XML: ${reason.split('\n')[0]}`, 'invalid_xml')
  }
  if (!root || root.localName !== 'akomaNtoso') {
    throw invalid(`Not an Akoma Ntoso document: the root element is <${root?.nodeName ?? 'none'}>, not <akomaNtoso>.`)
  }
  if (root.namespaceURI !== null && !AKN_NAMESPACE.test(root.namespaceURI)) {
    throw invalid(`Not an Akoma Ntoso namespace: ${root.namespaceURI}.`)
  }
  return root
}

/**
 * Read an Akoma Ntoso bill (see the module comment): its title and its
 * blocks, articles and divisions with fresh ids. Throws `TextError` for input
 * that is not such a bill.
 */
export function aknToBlocks (xml: string): AknBill {
  const root = parse(xml)
  const reader = new Reader()
  reader.structure(root, 0, 0)
  validateBlocks(reader.blocks)
  const docTitle = textOf(findFirst(root, 'docTitle'))
  const alias = findFirst(root, 'FRBRalias')?.getAttribute('value')
  const title = docTitle || (alias ? normaliseAlinea(alias) : '') || null
  return { title, blocks: reader.blocks }
}
