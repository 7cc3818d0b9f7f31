/**
 * The structure of a bill typed in a word processor, read from its paragraphs
 * (a .docx's text, one paragraph per entry): what a parliamentary office
 * types. « TITRE Ier », « CHAPITRE II », « Section 1 », « Sous-section 2 » are
 * divisions (a following paragraph in capitals, or after a dash, is their
 * name); « Article 1er », « Article 2 bis » open articles (a heading after a
 * dash or a colon is kept), and the paragraphs after them are their alinéas;
 * « EXPOSÉ DES MOTIFS » opens the summary, which runs until the dispositif
 * (« PROPOSITION DE LOI », « PROJET DE LOI », « Article unique », a division
 * or an article). The title is the first paragraph naming a bill (« Proposition
 * de loi visant à … »), else the first paragraph. Every paragraph that is none
 * of these is reported as not recognised, with its number.
 */
import type { BillBlock } from './types.ts'
import { newId } from './ids.ts'
import { parseArticleTitle } from './markdown.ts'
import { normaliseAlinea } from './text.ts'

/** A paragraph left out, with its 1-based number in the document and why. */
export interface Unrecognised { paragraph: number; text: string; reason: string }

/** What was read from the paragraphs. */
export interface WordBill {
  title: string | null
  summary: string
  blocks: BillBlock[]
  notRecognised: Unrecognised[]
}

const DIVISIONS: [RegExp, 1 | 2 | 3 | 4][] = [
  [/^(?:livre)\s+\S+/iu, 1],
  [/^titre\s+(?:[IVXLC]+(?:er)?|premier|préliminaire|\d+)\b/iu, 1],
  [/^chapitre\s+(?:[IVXLC]+(?:er)?|premier|préliminaire|\d+)\b/iu, 2],
  [/^section\s+(?:\d+|[IVXLC]+|première|unique)\b/iu, 3],
  [/^sous-section\s+\S+/iu, 4]
]
const EXPOSE = /^expos[ée] des motifs\s*:?$/iu
const DISPOSITIF = /^(?:proposition|projet) de loi(?: organique| constitutionnelle)?\s*$|^(?:proposition|projet) de loi\b/iu
const BILL_TITLE = /\b(?:proposition|projet) de loi\b/iu
const UPPER = /^[^a-zà-ÿ]*[A-ZÀ-Ý][^a-zà-ÿ]*$/u

function divisionLevel (text: string): 1 | 2 | 3 | 4 | null {
  for (const [re, level] of DIVISIONS) if (re.test(text)) return level
  return null
}

function articleTitle (text: string): { num: string; heading: string | null } | null {
  if (/^article unique\b/iu.test(text)) return { num: 'unique', heading: null }
  if (!/^(?:article|art\.)\s/iu.test(text)) return null
  return parseArticleTitle(text)
}

/** Read the structure of a bill from its paragraphs (see the module comment). */
export function readWordBill (paragraphs: string[]): WordBill {
  const paras = paragraphs.map(p => normaliseAlinea(p))
  const blocks: BillBlock[] = []
  const notRecognised: Unrecognised[] = []
  const summary: string[] = []
  let title: string | null = null
  let inExpose = false
  let article: Extract<BillBlock, { kind: 'article' }> | null = null
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]
    if (p === '') continue
    const level = divisionLevel(p)
    const art = level === null ? articleTitle(p) : null
    if (EXPOSE.test(p)) { inExpose = true; article = null; continue }
    if (level !== null) {
      inExpose = false
      article = null
      let name = p
      const next = paras[i + 1] ?? ''
      if (next !== '' && UPPER.test(next) && divisionLevel(next) === null && articleTitle(next) === null) { name = `${p} – ${next}`; i++ }
      blocks.push({ kind: 'division', id: newId('div'), level, title: name })
      continue
    }
    if (art !== null) {
      inExpose = false
      article = { kind: 'article', id: newId('art'), num: art.num, heading: art.heading, alineas: [] }
      blocks.push(article)
      continue
    }
    if (DISPOSITIF.test(p) && (inExpose || title !== null)) {
      // « PROPOSITION DE LOI » between the exposé and the dispositif.
      inExpose = false
      if (title === null) title = p
      continue
    }
    if (inExpose) { summary.push(p); continue }
    if (article !== null) { article.alineas.push(p); continue }
    if (title === null && (BILL_TITLE.test(p) || blocks.length === 0)) {
      title = p
      // « PROPOSITION DE LOI » then « visant à … » on the next paragraph: one title.
      const next = paras[i + 1] ?? ''
      if (/^(?:proposition|projet) de loi/iu.test(p) && /^(?:visant|relative?|portant|tendant|pour|sur|ratifiant|autorisant)\b/iu.test(next)) { title = `${p} ${next}`; i++ }
      continue
    }
    notRecognised.push({ paragraph: i + 1, text: p.slice(0, 200), reason: blocks.length === 0 ? 'before the first article, outside the exposé des motifs' : 'between a division and its first article' })
  }
  for (const b of blocks) {
    if (b.kind !== 'article' || b.alineas.length > 0) continue
    notRecognised.push({ paragraph: 0, text: `Article ${b.num}`, reason: 'an article without any alinéa (kept with an empty one)' })
    b.alineas.push('')
  }
  return { title, summary: summary.join('\n\n'), blocks, notRecognised }
}
