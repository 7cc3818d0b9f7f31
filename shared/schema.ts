/**
 * The ProseMirror schema of a bill: a sequence of divisions (Titre,
 * Chapitre, Section headings) and articles, each article a list of alinéas.
 * Server and browser build the same schema from this module; the collaboration
 * layer binds it to a Yjs `XmlFragment`, so a change here is a change of the
 * stored format: bump `SCHEMA_VERSION` with it.
 *
 * The module uses no DOM API at load time. `toDOM` only returns output
 * specs and the `parseDOM` rules only read the element ProseMirror hands them,
 * so the schema can be imported by Node as well as the browser.
 */

import { Schema, type AttributeSpec, type DOMOutputSpec, type MarkSpec, type NodeSpec, type TagParseRule } from 'prosemirror-model'

/**
 * The version of the document format described here. Client and server
 * compare it before exchanging documents (collaboration socket, stored
 * revisions): a peer with another version must reload rather than sync.
 */
export const SCHEMA_VERSION = 1

/**
 * The little of a DOM element the parse rules read, so that this module needs
 * no DOM types (shared code is checked without them).
 */
interface ParsedElement {
  readonly children: ArrayLike<ParsedElement>
  readonly classList: { contains (token: string): boolean }
}

function checkLevel (value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) {
    throw new RangeError(`Division level must be an integer from 1 to 4, got ${String(value)}`)
  }
}

// Ids default to null so that ProseMirror can build filler nodes (for
// example after "select all, delete"); the editor gives such nodes a fresh id
// at once (see `articleIdFixes` in text.ts), and `dedupeArticleIds` repairs
// whatever reaches the server without one.
const idAttr: AttributeSpec = { default: null, validate: 'string|null' }

function divisionLevelOf (tag: string): 1 | 2 | 3 | 4 {
  // h2..h5 are what toDOM writes; h1 and h6 come from pasted documents.
  switch (tag) {
    case 'h1': case 'h2': return 1
    case 'h3': return 2
    case 'h4': return 3
    default: return 4
  }
}

function divisionRule (tag: string): TagParseRule {
  return {
    tag,
    getAttrs (dom) {
      const level = Number(dom.getAttribute('data-level'))
      return {
        id: dom.getAttribute('data-division-id') || null,
        level: Number.isInteger(level) && level >= 1 && level <= 4 ? level : divisionLevelOf(tag)
      }
    }
  }
}

const nodes: Record<string, NodeSpec> = {
  doc: { content: '(division | article)+' },

  /** A heading of the bill's structure: 1 titre, 2 chapitre, 3 section, 4 sous-section. */
  division: {
    attrs: { id: idAttr, level: { default: 1, validate: checkLevel } },
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map(divisionRule),
    toDOM (node): DOMOutputSpec {
      const { id, level } = node.attrs as { id: string | null; level: number }
      const attrs: Record<string, string> = { class: 'division', 'data-level': String(level) }
      if (id) attrs['data-division-id'] = id
      return [`h${level + 1}`, attrs, 0]
    }
  },

  /**
   * An article. Its number and heading are attributes, not editable text:
   * the heading line is drawn from them, and numbering is the editor's job
   * (see `planNumbers` in numbering.ts). It is isolating, so that deleting across
   * its boundary never merges two articles (and their votes) into one.
   */
  article: {
    attrs: {
      id: idAttr,
      num: { default: '', validate: 'string' },
      heading: { default: null, validate: 'string|null' }
    },
    content: 'alinea+',
    defining: true,
    isolating: true,
    parseDOM: [
      {
        tag: 'section[data-article-id]',
        getAttrs (dom) {
          return {
            id: dom.getAttribute('data-article-id') || null,
            num: dom.getAttribute('data-num') ?? '',
            heading: dom.getAttribute('data-heading') || null
          }
        },
        contentElement<E extends ParsedElement> (dom: E): E {
          for (const child of Array.from(dom.children)) {
            if (child.classList.contains('alineas')) return child as E
          }
          return dom
        }
      },
      // The heading line is derived from attributes: never parse it as text.
      { tag: 'header.article-head', ignore: true }
    ],
    toDOM (node): DOMOutputSpec {
      const { id, num, heading } = node.attrs as { id: string | null; num: string; heading: string | null }
      const attrs: Record<string, string> = { class: 'article', 'data-num': num }
      if (id) attrs['data-article-id'] = id
      if (heading) attrs['data-heading'] = heading
      const head: DOMOutputSpec = heading
        ? ['header', { class: 'article-head', contenteditable: 'false' },
            ['span', { class: 'article-num' }, `Article ${num}`], ' – ',
            ['span', { class: 'article-heading' }, heading]]
        : ['header', { class: 'article-head', contenteditable: 'false' },
            ['span', { class: 'article-num' }, `Article ${num}`]]
      return ['section', attrs, head, ['div', { class: 'alineas' }, 0]]
    }
  },

  /** One alinéa (paragraph) of an article: text with at most `em` and `strong`. */
  alinea: {
    content: 'inline*',
    parseDOM: [{ tag: 'p' }],
    toDOM (): DOMOutputSpec { return ['p', { class: 'alinea' }, 0] }
  },

  text: { group: 'inline' }
}

const marks: Record<string, MarkSpec> = {
  em: {
    parseDOM: [
      { tag: 'i' }, { tag: 'em' },
      { style: 'font-style=italic' },
      { style: 'font-style=normal', clearMark: m => m.type.name === 'em' }
    ],
    toDOM (): DOMOutputSpec { return ['em', 0] }
  },
  strong: {
    parseDOM: [
      { tag: 'strong' },
      // Google Docs wraps whole documents in <b style="font-weight:normal">.
      { tag: 'b', getAttrs: dom => dom.style.fontWeight !== 'normal' && null },
      { style: 'font-weight=400', clearMark: m => m.type.name === 'strong' },
      { style: 'font-weight', getAttrs: value => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null }
    ],
    toDOM (): DOMOutputSpec { return ['strong', 0] }
  }
}

/**
 * The bill schema: `doc` is `(division | article)+`, an article holds
 * `alinea+`, an alinéa holds text marked at most `em` and `strong`.
 */
export const schema = new Schema({ nodes, marks, topNode: 'doc' })
