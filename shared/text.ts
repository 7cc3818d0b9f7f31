/**
 * Between the bill document (ProseMirror, see schema.ts) and plain text:
 * blocks of plain alinéas, article numbers as printed ("1er", "2 bis"),
 * normalisation, content hashes and id repair. Every importer (Markdown,
 * Akoma Ntoso, the-law-factory JSON) produces `BillBlock`s checked by
 * `validateBlocks`, and the document is built from them with `blocksToDoc`.
 */

import type { Node } from 'prosemirror-model'
import { digest } from 'lib0/hash/sha256'
import { toHexString } from 'lib0/buffer'
import { encodeUtf8 } from 'lib0/string'
import { schema } from './schema.ts'
import { newId } from './ids.ts'
import { parseArticleNum } from './numbering.ts'
import type { ArticleText, BillBlock, NodeJSON } from './types.ts'

export { articleOrdinal, parseArticleNum, normaliseArticleNum, compareArticleNums, type ArticleNum } from './numbering.ts'

/** Most articles a bill may have; more is refused as invalid input. */
export const MAX_ARTICLES = 2000

/** Longest alinéa, in UTF-16 code units (JavaScript string length), after normalisation. */
export const MAX_ALINEA_LENGTH = 20000

/** Machine-readable reason of a `TextError`, for the HTTP layer and the UI. */
export type TextErrorCode =
  | 'no_article' | 'empty_article' | 'stray_text' | 'duplicate_number'
  | 'too_many_articles' | 'alinea_too_long' | 'invalid_format' | 'invalid_xml' | 'forbidden_markup'

/** What went wrong and where: `code` always, then `line`, `num`, ... as known. */
export interface TextErrorDetails { code: TextErrorCode; [key: string]: unknown }

/**
 * Bill text supplied by a user (Markdown, XML, JSON) that cannot become a
 * bill. Its message is meant for the user; `details` for programs. Programmer
 * misuse (an invalid document built in code) is a `RangeError` instead.
 */
export class TextError extends Error {
  override name = 'TextError'
  readonly details: TextErrorDetails
  constructor (message: string, details: TextErrorDetails) {
    super(message)
    this.details = details
  }
}

// Space-like characters that do not break a line: U+00A0, U+2007, U+202F.
const NBSP = /[\u00a0\u2007\u202f]/
const SPACE_RUN = /[\s\u00a0\u2007\u202f\u200b\ufeff]+/g

/**
 * Normalise one alinéa typed or imported by a user: Unicode NFC, trimmed,
 * and every run of white space collapsed to one character. A run holding a
 * non-breaking space (U+00A0, U+2007 or U+202F, as French typography puts
 * before « : ; ! ? » and inside guillemets) collapses to that non-breaking
 * space, kept as it is; any other run becomes a plain space. No space is
 * added or turned into a non-breaking one: official texts are imported as
 * printed (a comparison that must not care, like a word diff, treats both
 * alike itself). Zero-width spaces vanish.
 */
export function normaliseAlinea (text: string): string {
  return text.normalize('NFC').replace(SPACE_RUN, run => {
    const nb = NBSP.exec(run)
    if (nb) return nb[0]
    return /^[\u200b\ufeff]+$/.test(run) ? '' : ' '
  }).trim()
}

/**
 * The alinéas of an article as a revision freezes them (and as a proposal is
 * stored): each normalised, empty ones dropped. The server publishes with it
 * and the client compares and previews with it, so both agree.
 */
export function frozenAlineas (alineas: readonly string[]): string[] {
  return alineas.map(normaliseAlinea).filter(a => a.length > 0)
}

/**
 * Check blocks built from user input: at least one article, every article
 * with a number and at least one non-empty alinéa, no number twice ("1" and
 * "1er" are the same number), and the size limits. Throws `TextError`.
 */
export function validateBlocks (blocks: readonly BillBlock[]): void {
  const seen = new Map<string, string>()
  let articles = 0
  for (const block of blocks) {
    if (block.kind !== 'article') continue
    if (++articles > MAX_ARTICLES) {
      throw new TextError(`A bill may have at most ${MAX_ARTICLES} articles.`, { code: 'too_many_articles', limit: MAX_ARTICLES })
    }
    if (!block.num.trim()) throw new TextError(`Article #${articles} has no number.`, { code: 'invalid_format', index: articles - 1 })
    if (block.alineas.length === 0 || block.alineas.every(a => !a.trim())) {
      throw new TextError(`Article ${block.num} has no text.`, { code: 'empty_article', num: block.num })
    }
    block.alineas.forEach((alinea, i) => {
      if (alinea.length > MAX_ALINEA_LENGTH) {
        throw new TextError(`Alinéa ${i + 1} of article ${block.num} is longer than ${MAX_ALINEA_LENGTH} characters.`,
          { code: 'alinea_too_long', num: block.num, alinea: i + 1, limit: MAX_ALINEA_LENGTH })
      }
    })
    const parsed = parseArticleNum(block.num)
    const key = parsed ? `${parsed.n} ${parsed.suffix ?? ''}` : block.num.trim().toLowerCase()
    const previous = seen.get(key)
    if (previous !== undefined) {
      throw new TextError(`Article ${block.num} appears twice (see article ${previous}).`, { code: 'duplicate_number', num: block.num })
    }
    seen.set(key, block.num)
  }
  if (articles === 0) throw new TextError('The text has no article.', { code: 'no_article' })
}

/** A node's JSON with one text node, or without `content` for an empty string, as ProseMirror writes it. */
function withText (type: string, attrs: Record<string, unknown> | null, text: string): NodeJSON {
  const node: NodeJSON = attrs ? { type, attrs } : { type }
  if (text) node.content = [{ type: 'text', text }]
  return node
}

/**
 * Build the ProseMirror JSON of a bill from its blocks, as ProseMirror's own
 * `toJSON` writes it. The result is checked against the schema; blocks that
 * cannot make a valid document (none at all, an article without alinéa, a
 * level out of 1..4) are a `RangeError`.
 */
export function blocksToDoc (blocks: readonly BillBlock[]): NodeJSON {
  const content: NodeJSON[] = blocks.map(block => block.kind === 'division'
    ? withText('division', { id: block.id, level: block.level }, block.title)
    : {
        type: 'article',
        attrs: { id: block.id, num: block.num, heading: block.heading },
        content: block.alineas.map(text => withText('alinea', null, text))
      })
  const doc: NodeJSON = { type: 'doc', content }
  checkedNode(doc)
  return doc
}

/** Parse and check ProseMirror JSON, with every failure reported as a `RangeError`. */
function checkedNode (json: NodeJSON): Node {
  try {
    const node = schema.nodeFromJSON(json)
    node.check()
    return node
  } catch (err) {
    if (err instanceof RangeError) throw err
    throw new RangeError(`Invalid bill document: ${(err as Error).message}`, { cause: err })
  }
}

/**
 * Read a bill document back into blocks. The JSON is checked against the
 * schema (`RangeError` when it does not fit). Ids come back as they are: a
 * document from an editor may hold a pasted copy of an article (same id) or
 * a filler node without id (given as ""), so pass the blocks through
 * `dedupeArticleIds` before freezing them into a revision.
 */
export function docToBlocks (doc: NodeJSON): BillBlock[] {
  const node = checkedNode(doc)
  if (node.type !== schema.topNodeType) throw new RangeError(`Expected a doc node, got ${node.type.name}`)
  const blocks: BillBlock[] = []
  node.forEach(child => {
    if (child.type.name === 'division') {
      blocks.push({ kind: 'division', id: (child.attrs.id as string | null) ?? '', level: child.attrs.level as 1 | 2 | 3 | 4, title: child.textContent })
    } else {
      blocks.push({ kind: 'article', ...articleOf(child) })
    }
  })
  return blocks
}

function articleOf (node: Node): ArticleText {
  return {
    id: (node.attrs.id as string | null) ?? '',
    num: node.attrs.num as string,
    heading: node.attrs.heading as string | null,
    alineas: articleAlineas(node)
  }
}

function isPMNode (node: Node | NodeJSON): node is Node {
  return typeof node.type !== 'string'
}

function jsonText (node: NodeJSON): string {
  if (typeof node.text === 'string') return node.text
  return (node.content ?? []).map(jsonText).join('')
}

/**
 * The plain alinéas of an article node (ProseMirror node or JSON), marks
 * dropped, text as it stands (not normalised): what a revision freezes and
 * what amendments are written against.
 */
export function articleAlineas (node: Node | NodeJSON): string[] {
  if (isPMNode(node)) {
    if (node.type.name !== 'article') throw new RangeError(`Expected an article node, got ${node.type.name}`)
    const out: string[] = []
    node.forEach(alinea => { out.push(alinea.textContent) })
    return out
  }
  if (node.type !== 'article') throw new RangeError(`Expected an article node, got ${node.type}`)
  return (node.content ?? []).map(jsonText)
}

/** The article with this id in a document (ProseMirror node or JSON), as plain text, or null. */
export function findArticle (doc: Node | NodeJSON, id: string): ArticleText | null {
  if (isPMNode(doc)) {
    let found: ArticleText | null = null
    doc.forEach(child => {
      if (!found && child.type.name === 'article' && child.attrs.id === id) found = articleOf(child)
    })
    return found
  }
  for (const child of doc.content ?? []) {
    if (child.type === 'article' && child.attrs?.id === id) {
      return {
        id,
        num: String(child.attrs.num ?? ''),
        heading: typeof child.attrs.heading === 'string' ? child.attrs.heading : null,
        alineas: articleAlineas(child)
      }
    }
  }
  return null
}

/**
 * A content hash of an article's alinéas: SHA-256 (lib0, identical in Node
 * and the browser) of the UTF-8 JSON array of the alinéas, as 64 lowercase
 * hex digits. The text is hashed exactly as given (no normalisation), and the
 * JSON framing keeps ["a b"] and ["a", "b"] apart.
 */
export function articleHash (alineas: readonly string[]): string {
  return toHexString(digest(encodeUtf8(JSON.stringify(alineas))))
}

function prefixFor (kind: 'article' | 'division'): string {
  return kind === 'article' ? 'art' : 'div'
}

/**
 * Give a fresh id to every block whose id is empty or already used by an
 * earlier block (articles get `art_...`, divisions `div_...`). The first
 * holder of an id keeps it, so votes and amendments stay with the original
 * article when a copy is pasted after it. Returns new blocks.
 */
export function dedupeArticleIds (blocks: readonly BillBlock[]): BillBlock[] {
  const seen = new Set<string>()
  return blocks.map(block => {
    let id = block.id
    if (!id || seen.has(id)) id = newId(prefixFor(block.kind))
    seen.add(id)
    return { ...block, id }
  })
}

/**
 * `dedupeArticleIds` for ProseMirror JSON: repairs missing and duplicate ids
 * of the doc's articles and divisions. Returns the same object when nothing
 * needed repair, a shallow copy otherwise.
 */
export function dedupeDocIds (doc: NodeJSON): NodeJSON {
  const seen = new Set<string>()
  let changed = false
  const content = (doc.content ?? []).map(child => {
    if (child.type !== 'article' && child.type !== 'division') return child
    const id = child.attrs?.id
    if (typeof id === 'string' && id && !seen.has(id)) {
      seen.add(id)
      return child
    }
    changed = true
    const fresh = newId(prefixFor(child.type))
    seen.add(fresh)
    return { ...child, attrs: { ...child.attrs, id: fresh } }
  })
  return changed ? { ...doc, content } : doc
}

/**
 * For an editor plugin (`appendTransaction`): the positions of the doc's
 * articles and divisions whose id is missing or repeats an earlier one, each
 * with a fresh id to set (`tr.setNodeAttribute(pos, 'id', id)`).
 */
export function articleIdFixes (doc: Node): { pos: number; id: string }[] {
  const seen = new Set<string>()
  const fixes: { pos: number; id: string }[] = []
  doc.forEach((child, pos) => {
    const kind = child.type.name
    if (kind !== 'article' && kind !== 'division') return
    const id = child.attrs.id as string | null
    if (id && !seen.has(id)) {
      seen.add(id)
      return
    }
    const fresh = newId(prefixFor(kind))
    seen.add(fresh)
    fixes.push({ pos, id: fresh })
  })
  return fixes
}

/** Articles of a list of blocks, in order. */
export function articlesOf (blocks: readonly BillBlock[]): ArticleText[] {
  return blocks.flatMap(b => b.kind === 'article' ? [{ id: b.id, num: b.num, heading: b.heading, alineas: b.alineas }] : [])
}

