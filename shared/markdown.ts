/**
 * Bill text from Markdown (markdown-it, CommonMark, raw HTML off), as
 * plain blocks ready for `blocksToDoc`. The rules:
 *
 * - A top-level heading whose text starts "Article" or "Art." and a number
 *   ("Article 1er", "Article 2 bis", "ART. 3", "Article premier") starts an
 *   article. What follows " – ", " — ", " - ", ":" or "." is its heading
 *   ("Article 2 – Préavis"); so is any text after the number. A paragraph
 *   that is only such a title, or opens with it in bold, starts an article too.
 * - Every other heading is a division: level = heading depth clamped to
 *   1..4, title = its text as written ("Titre Ier – Dispositions générales").
 * - Inside an article, every paragraph is an alinéa, and every list item is
 *   one alinéa (its paragraphs joined; nested lists give further alinéas).
 *   Items of an ordered list written "1." get the French enumeration prefix
 *   "1° "; "1)" keeps "1) "; bullets are dropped. Prefixes typed in the text
 *   ("a) ", "2° ") stay as they are. Block quotes and code blocks inside an
 *   article give alinéas too. Emphasis is dropped: blocks are plain text.
 * - A document with no article title whose text is a top-level ordered list
 *   gets one article per item, numbered 1er, 2, 3, ...; the item's paragraphs
 *   (and nested list items) are its alinéas.
 * - Text outside any article (a preamble, an "exposé des motifs", text under
 *   a division heading) is refused rather than silently dropped: `TextError`
 *   with code `stray_text` and the line. So are: no article (`no_article`),
 *   an article with no text (`empty_article`), a number used twice
 *   (`duplicate_number`), more than MAX_ARTICLES articles, an alinéa longer
 *   than MAX_ALINEA_LENGTH.
 */

import MarkdownIt, { type Token } from 'markdown-it'
import { newId } from './ids.ts'
import { articleOrdinal, normaliseArticleNum, parseArticleNum } from './numbering.ts'
import { MAX_ALINEA_LENGTH, MAX_ARTICLES, TextError, normaliseAlinea, validateBlocks } from './text.ts'
import type { ArticleText, BillBlock } from './types.ts'

export { MAX_ALINEA_LENGTH, MAX_ARTICLES, TextError, type TextErrorCode, type TextErrorDetails } from './text.ts'

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })

/** An article title split into number and heading, as `markdownToBlocks` reads it. */
export interface ArticleTitle { num: string; heading: string | null }

const TITLE_PREFIX = /^(?:article|art\.?)(?=[\s\d])\s*(.*)$/is
const HEADING_SEPARATOR = /\s+[-–—]\s+|\s*[–—]\s*|\s*:\s*|\.(?:\s+|$)/

/**
 * Read "Article 2 bis – Préavis" as `{ num: '2 bis', heading: 'Préavis' }`,
 * or null when the text is not an article title. The number is normalised
 * ("Article premier" gives "1er"); the heading is null when absent.
 */
export function parseArticleTitle (text: string): ArticleTitle | null {
  const m = TITLE_PREFIX.exec(normaliseAlinea(text))
  if (!m) return null
  const rest = m[1]!
  const sep = HEADING_SEPARATOR.exec(rest)
  const numPart = sep ? rest.slice(0, sep.index) : rest
  let heading = sep ? rest.slice(sep.index + sep[0].length) : ''
  // Without separator ("Article 2 Préavis"), the longest leading run of words
  // that is a number is the number.
  const words = numPart.split(' ')
  for (let k = words.length; k > 0; k--) {
    const num = normaliseArticleNum(words.slice(0, k).join(' '))
    if (num === null) continue
    heading = [...words.slice(k), heading].filter(Boolean).join(' ')
    return { num, heading: heading.trim() || null }
  }
  return null
}

/** Plain text of an inline token: marks dropped, line breaks as spaces, images by their alt text. */
function inlineText (token: Token | undefined): string {
  let out = ''
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text': case 'code_inline': case 'html_inline': case 'image': out += child.content; break
      case 'softbreak': case 'hardbreak': out += ' '; break
    }
  }
  return out
}

/** Index of the token closing the block opened at `open`. */
function closeOf (tokens: Token[], open: number): number {
  let depth = 0
  for (let i = open; i < tokens.length; i++) {
    depth += tokens[i]!.nesting
    if (depth === 0) return i
  }
  return tokens.length - 1
}

function lineOf (token: Token | undefined): number | undefined {
  return token?.map ? token.map[0] + 1 : undefined
}

/** The paragraphs of a code block or fence, each with its lines joined. */
function codeParagraphs (content: string): string[] {
  return content.split(/\n\s*\n/)
}

/** Text of the alinéas in tokens [from, to), appended to `out` (raw, normalised later). */
function alineasIn (tokens: Token[], from: number, to: number, out: string[]): void {
  for (let i = from; i < to;) {
    const t = tokens[i]!
    if (t.type === 'paragraph_open' || t.type === 'heading_open') {
      out.push(inlineText(tokens[i + 1]))
      i += 3
    } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      const end = closeOf(tokens, i)
      listAlineas(tokens, i, end, out)
      i = end + 1
    } else if (t.type === 'blockquote_open') {
      const end = closeOf(tokens, i)
      alineasIn(tokens, i + 1, end, out)
      i = end + 1
    } else {
      if (t.type === 'code_block' || t.type === 'fence') out.push(...codeParagraphs(t.content))
      i++
    }
  }
}

/** One alinéa per item of the list opened at `open`, with its enumeration prefix. */
function listAlineas (tokens: Token[], open: number, close: number, out: string[]): void {
  const list = tokens[open]!
  const ordered = list.type === 'ordered_list_open'
  const start = Number(list.attrGet('start') ?? 1)
  let k = 0
  for (let i = open + 1; i < close;) {
    if (tokens[i]!.type !== 'list_item_open') { i++; continue }
    const end = closeOf(tokens, i)
    const prefix = ordered ? `${start + k}${list.markup === ')' ? ')' : '°'} ` : ''
    const own: string[] = []
    const nested: string[] = []
    for (let j = i + 1; j < end;) {
      const t = tokens[j]!
      if (t.type === 'paragraph_open' || t.type === 'heading_open') {
        own.push(inlineText(tokens[j + 1]))
        j += 3
      } else if (t.nesting === 1) {
        const blockEnd = closeOf(tokens, j)
        alineasIn(tokens, j, blockEnd + 1, nested)
        j = blockEnd + 1
      } else {
        alineasIn(tokens, j, j + 1, nested)
        j++
      }
    }
    const text = own.join(' ')
    if (text.trim()) out.push(prefix + text)
    out.push(...nested)
    k++
    i = end + 1
  }
}

interface Open { article: ArticleText; line: number | undefined }

/** Accumulates blocks, checking each rule where the line is still known. */
class Builder {
  readonly blocks: BillBlock[] = []
  private open: Open | null = null
  private lastDivision: string | null = null
  private readonly nums = new Map<string, number | undefined>()
  private count = 0

  get inArticle (): boolean { return this.open !== null }

  article (num: string, heading: string | null, line: number | undefined): void {
    this.close()
    if (++this.count > MAX_ARTICLES) {
      throw new TextError(`A bill may have at most ${MAX_ARTICLES} articles.`, { code: 'too_many_articles', limit: MAX_ARTICLES, line })
    }
    const parsed = parseArticleNum(num)
    const key = parsed ? `${parsed.n} ${parsed.suffix ?? ''}` : num
    if (this.nums.has(key)) {
      throw new TextError(`Line ${line}: article ${num} appears twice (first on line ${this.nums.get(key)}).`,
        { code: 'duplicate_number', num, line })
    }
    this.nums.set(key, line)
    const article: ArticleText = { id: newId('art'), num, heading, alineas: [] }
    this.blocks.push({ kind: 'article', ...article })
    this.open = { article: this.blocks[this.blocks.length - 1] as ArticleText, line }
  }

  division (level: number, title: string): void {
    this.close()
    const clamped = Math.min(4, Math.max(1, level)) as 1 | 2 | 3 | 4
    this.blocks.push({ kind: 'division', id: newId('div'), level: clamped, title })
    this.lastDivision = title
  }

  alineas (texts: string[], line: number | undefined): void {
    if (!this.open) {
      const first = texts.map(normaliseAlinea).find(Boolean)
      if (first === undefined) return
      const excerpt = first.length > 60 ? `${first.slice(0, 60)}…` : first
      const where = this.lastDivision === null
        ? 'before the first article'
        : `under the heading "${this.lastDivision}", outside any article`
      throw new TextError(
        `Line ${line}: text ${where} ("${excerpt}"). Every paragraph must belong to an article ` +
        'introduced by a heading such as "## Article 1er"; remove any preamble or exposé des motifs.',
        { code: 'stray_text', line, text: excerpt, division: this.lastDivision })
    }
    for (const raw of texts) {
      const text = normaliseAlinea(raw)
      if (!text) continue
      if (text.length > MAX_ALINEA_LENGTH) {
        throw new TextError(`Line ${line}: an alinéa of article ${this.open.article.num} is longer than ${MAX_ALINEA_LENGTH} characters.`,
          { code: 'alinea_too_long', num: this.open.article.num, line, limit: MAX_ALINEA_LENGTH })
      }
      this.open.article.alineas.push(text)
    }
  }

  close (): void {
    if (this.open && this.open.article.alineas.length === 0) {
      const { num } = this.open.article
      throw new TextError(`Line ${this.open.line}: article ${num} has no text.`, { code: 'empty_article', num, line: this.open.line })
    }
    this.open = null
  }
}

/**
 * Whether a top-level paragraph is an article title: the title alone
 * ("Article 1er"), or a paragraph that opens with the title in bold
 * ("**Article 2** – Préavis", "**Article 2 – Préavis**").
 */
function paragraphTitle (inline: Token | undefined): ArticleTitle | null {
  const title = parseArticleTitle(inlineText(inline))
  if (!title) return null
  if (title.heading === null) return title
  const children = (inline?.children ?? []).filter(c => c.type !== 'text' || c.content !== '')
  if (children[0]?.type !== 'strong_open') return null
  const close = children.findIndex(c => c.type === 'strong_close')
  const bold = children.slice(1, close < 0 ? children.length : close).map(c => c.content).join('')
  return parseArticleTitle(bold) ? title : null
}

function hasArticleTitles (tokens: Token[]): boolean {
  return tokens.some((t, i) => t.level === 0 && (
    (t.type === 'heading_open' && parseArticleTitle(inlineText(tokens[i + 1])) !== null) ||
    (t.type === 'paragraph_open' && paragraphTitle(tokens[i + 1]) !== null)))
}

/**
 * Read a bill written in Markdown (see the module comment for the rules).
 * Article ids are fresh (`art_...`), division ids too (`div_...`); alinéas
 * are normalised with `normaliseAlinea`. Throws `TextError` on a text that
 * cannot be a bill.
 */
export function markdownToBlocks (source: string): BillBlock[] {
  const tokens = md.parse(source, {})
  const listMode = !hasArticleTitles(tokens)
  const b = new Builder()
  let listArticles = 0
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i]!
    const line = lineOf(t)
    if (t.type === 'heading_open') {
      const text = normaliseAlinea(inlineText(tokens[i + 1]))
      const title = parseArticleTitle(text)
      if (title) b.article(title.num, title.heading, line)
      else if (text) b.division(Number(t.tag.slice(1)), text)
      i += 3
    } else if (t.type === 'paragraph_open') {
      const title = paragraphTitle(tokens[i + 1])
      if (title) b.article(title.num, title.heading, line)
      else b.alineas([inlineText(tokens[i + 1])], line)
      i += 3
    } else if (t.nesting === 1) {
      const end = closeOf(tokens, i)
      if (listMode && t.type === 'ordered_list_open') {
        for (let j = i + 1; j < end;) {
          const itemEnd = closeOf(tokens, j)
          if (tokens[j]!.type === 'list_item_open') {
            b.article(articleOrdinal(++listArticles), null, lineOf(tokens[j]))
            const texts: string[] = []
            alineasIn(tokens, j + 1, itemEnd, texts)
            b.alineas(texts, lineOf(tokens[j]))
          }
          j = itemEnd + 1
        }
        b.close()
      } else {
        const texts: string[] = []
        alineasIn(tokens, i, end + 1, texts)
        b.alineas(texts, line)
      }
      i = end + 1
    } else {
      if (t.type === 'code_block' || t.type === 'fence') b.alineas(codeParagraphs(t.content), line)
      i++
    }
  }
  b.close()
  validateBlocks(b.blocks)
  return b.blocks
}
