/**
 * The printed form of a wording, in French and English: `formatWording` writes
 * operations as text and `parseWording` reads such text back. One table of
 * phrases per language keeps both directions in step.
 *
 * Layout (the same in both languages):
 * - one operation per line; when there are several, lines are numbered
 *   "I. – ", "II. – " (French) or "1. ", "2. " (English);
 * - word operations fit on their line, passages quoted inline:
 *   « À l'alinéa 2, substituer aux mots : « trente jours » les mots : « quinze jours ». »;
 * - operations that bring whole alinéas end with a colon and are followed by
 *   one line per alinéa, as parliaments print them: each alinéa opens with a
 *   quotation mark and only the last one closes
 *   (« Après l'alinéa 3, insérer les alinéas suivants : » / « « Premier » /
 *   « « Second. » »). When every alinéa but the last itself ends with a
 *   closing mark, each line is closed instead, so the reader cannot mistake it.
 *
 * French output puts a no-break space (U+00A0) inside « » and before « : »;
 * the parser accepts any space or none there, and ’ for '. A quote is read as
 * what lies between its marks minus at most one space on each side (French
 * only: English "..." have no padding), so any text round-trips, spaces
 * included. Quotation marks inside quoted text are not escaped: a line's
 * phrase is anchored at both ends, so « » or " " inside a passage only matter
 * in the two phrases with two passages, and `wording.ts` checks each line it
 * writes reads back identically (falling back to rewriting the alinéa).
 * Alinéas must not contain line breaks.
 */

import { WordingError, type WordingOp } from './wording-apply.ts'
import { countWords } from './tokens.ts'
import { readDispositif } from './wording-read.ts'
import { SENAT_PLACE, senatHeader, senatPhrases, type WordingStyle } from './wording-senat.ts'

/** The languages a wording is written in. */
export type WordingLang = 'fr' | 'en'

const NBSP = '\u00a0'
const ROMAN: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']]

function roman (n: number): string {
  let out = ''
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s
  return out
}

interface Lang {
  open: string
  close: string
  pad: string
  closers: string
  number: (i: number) => string
  numbering: RegExp
  /** A line that is an alinéa of a block. */
  blockLine: (line: string) => boolean
  header: (op: WordingOp) => string
  phrases: [RegExp, (m: string[]) => WordingOp | WordingOp[], boolean][]
}

function q (lang: Lang, text: string): string {
  return lang.open + lang.pad + text + lang.pad + lang.close
}

/** Compile a phrase: spaces match any run of spaces, ' matches ’ too, QUOTE captures a passage. */
function phrase (source: string, quote: string): RegExp {
  const body = source
    .replace(/ :/g, '\\s*:')
    .replace(/ /g, '\\s+')
    .replace(/'/g, "['\u2019]")
    .replace(/QUOTE/g, quote)
  return new RegExp('^' + body + '$', 'iu')
}

const FR_QUOTE = '«\\s?(.*?)\\s?»'
const EN_QUOTE = '["\u201c](.*?)["\u201d]'
const int = (s: string): number => Number.parseInt(s, 10)

function range (a: string, how: string, b: string): [number, number] {
  const from = int(a)
  const to = int(b)
  if (/^(et|and)$/i.test(how) && to !== from + 1) throw new WordingError(`"${a} ${how} ${b}" are not two consecutive alinéas`)
  return [from, to]
}

/** « Supprimer les alinéas 3 et 4 » is one range; « 3 et 5 » two deletions. */
function deleteTwo (a: number, b: number): WordingOp[] {
  if (b === a + 1) return [{ op: 'deleteAlineas', from: a, to: b }]
  return [{ op: 'deleteAlineas', from: a, to: a }, { op: 'deleteAlineas', from: b, to: b }]
}

const fr: Lang = {
  open: '«',
  close: '»',
  pad: NBSP,
  closers: '»',
  number: i => `${roman(i)}. – `,
  numbering: /^[IVXLCDM]+\.\s*[-–—]\s*/u,
  blockLine: line => line.startsWith('«'),
  header (op) {
    const al = (n: number): string => `l'alinéa ${n}`
    const als = (a: number, b: number): string => a === b ? al(a) : `les alinéas ${a} ${b === a + 1 ? 'et' : 'à'} ${b}`
    const mots = (text: string, article: 'le' | 'au'): string =>
      countWords(text) <= 1 ? `${article} mot${NBSP}: ` : `${article === 'le' ? 'les' : 'aux'} mots${NBSP}: `
    const suivants = (n: number): string => n === 1 ? `l'alinéa suivant${NBSP}:` : `les alinéas suivants${NBSP}:`
    switch (op.op) {
      case 'deleteArticle': return 'Supprimer cet article.'
      case 'rewriteArticle': return `Rédiger ainsi cet article${NBSP}:`
      case 'deleteAlineas': return `Supprimer ${als(op.from, op.to)}.`
      case 'rewriteAlineas': return `Rédiger ainsi ${als(op.from, op.to)}${NBSP}:`
      case 'insertAlineas': return op.after === 0
        ? `Avant l'alinéa 1, insérer ${suivants(op.alineas.length)}`
        : `Après l'alinéa ${op.after}, insérer ${suivants(op.alineas.length)}`
      case 'replaceWords': return `À ${al(op.alinea)}, substituer ${mots(op.words, 'au')}${q(fr, op.words)} ${mots(op.by, 'le')}${q(fr, op.by)}.`
      case 'deleteWords': return `À ${al(op.alinea)}, supprimer ${mots(op.words, 'le')}${q(fr, op.words)}.`
      case 'insertWords': return `À ${al(op.alinea)}, après ${mots(op.after, 'le')}${q(fr, op.after)}, insérer ${mots(op.words, 'le')}${q(fr, op.words)}.`
      case 'prependWords': return `Au début de ${al(op.alinea)}, insérer ${mots(op.words, 'le')}${q(fr, op.words)}.`
      case 'appendWords': return `Compléter ${al(op.alinea)} par ${mots(op.words, 'le')}${q(fr, op.words)}.`
      default: throw new RangeError(`Alinea does not write the operation ${op.op}`)
    }
  },
  phrases: []
}
{
  const P = (s: string): RegExp => phrase(s, FR_QUOTE)
  const MOTS = '(?:le|les|au|aux) mots?'
  const SUIVANTS = "(?:l'alinéa suivant|les (?:\\S+ )?alinéas suivants) :"
  fr.phrases = [
    [P('supprimer cet article\\.?'), () => ({ op: 'deleteArticle' }), false],
    [P("(?:rédiger ainsi cet article|rétablir (?:cet article|l'article .+?|un article .+?) dans la rédaction suivante) :"), () => ({ op: 'rewriteArticle', alineas: [] }), true],
    [P("supprimer l'alinéa (\\d+)\\.?"), m => ({ op: 'deleteAlineas', from: int(m[1]), to: int(m[1]) }), false],
    [P('supprimer les alinéas (\\d+) (à|et) (\\d+)\\.?'), m => {
      if (m[2].toLowerCase() === 'et') return deleteTwo(int(m[1]), int(m[3]))
      const [from, to] = range(m[1], m[2], m[3])
      return { op: 'deleteAlineas', from, to }
    }, false],
    [P("rédiger ainsi l'alinéa (\\d+) :"), m => ({ op: 'rewriteAlineas', from: int(m[1]), to: int(m[1]), alineas: [] }), true],
    [P('rédiger ainsi les alinéas (\\d+) (à|et) (\\d+) :'), m => {
      const [from, to] = range(m[1], m[2], m[3])
      return { op: 'rewriteAlineas', from, to, alineas: [] }
    }, true],
    [P(`après l'alinéa (\\d+), insérer ${SUIVANTS}`), m => ({ op: 'insertAlineas', after: int(m[1]), alineas: [] }), true],
    [P(`avant l'alinéa (\\d+), insérer ${SUIVANTS}`), m => ({ op: 'insertAlineas', after: int(m[1]) - 1, alineas: [] }), true],
    [P(`l'alinéa (\\d+) est complété par ${SUIVANTS}`), m => ({ op: 'insertAlineas', after: int(m[1]), alineas: [] }), true],
    [P(`[àa] l'alinéa (\\d+), substituer (?:au|aux) mots? : QUOTE ${MOTS} : QUOTE\\.?`),
      m => ({ op: 'replaceWords', alinea: int(m[1]), words: m[2], by: m[3] }), false],
    [P(`[àa] l'alinéa (\\d+), supprimer ${MOTS} : QUOTE\\.?`), m => ({ op: 'deleteWords', alinea: int(m[1]), words: m[2] }), false],
    [P(`[àa] l'alinéa (\\d+), après ${MOTS} : QUOTE, insérer ${MOTS} : QUOTE\\.?`),
      m => ({ op: 'insertWords', alinea: int(m[1]), after: m[2], words: m[3] }), false],
    [P(`au début de l'alinéa (\\d+), insérer ${MOTS} : QUOTE\\.?`), m => ({ op: 'prependWords', alinea: int(m[1]), words: m[2] }), false],
    [P(`compléter l'alinéa (\\d+) par ${MOTS} : QUOTE\\.?`), m => ({ op: 'appendWords', alinea: int(m[1]), words: m[2] }), false],
    ...senatPhrases(P)
  ]
}

const en: Lang = {
  open: '"',
  close: '"',
  pad: '',
  closers: '"\u201d',
  number: i => `${i}. `,
  numbering: /^(?:\d+\.\s+|\(\d+\)\s*|[IVXLCDM]+\.\s*[-–—]\s*)/u,
  blockLine: line => line.startsWith('"') || line.startsWith('\u201c'),
  header (op) {
    const par = (a: number, b: number): string => a === b ? `paragraph ${a}` : `paragraphs ${a} ${b === a + 1 ? 'and' : 'to'} ${b}`
    const words = (text: string): string => countWords(text) <= 1 ? 'the word ' : 'the words '
    const following = (n: number): string => n === 1 ? 'the following paragraph:' : 'the following paragraphs:'
    switch (op.op) {
      case 'deleteArticle': return 'Delete this article.'
      case 'rewriteArticle': return 'Replace this article with the following:'
      case 'deleteAlineas': return `Delete ${par(op.from, op.to)}.`
      case 'rewriteAlineas': return `Replace ${par(op.from, op.to)} with the following:`
      case 'insertAlineas': return op.after === 0
        ? `Before paragraph 1, insert ${following(op.alineas.length)}`
        : `After paragraph ${op.after}, insert ${following(op.alineas.length)}`
      case 'replaceWords': return `Paragraph ${op.alinea}: replace ${words(op.words)}${q(en, op.words)} with ${q(en, op.by)}.`
      case 'deleteWords': return `Paragraph ${op.alinea}: delete ${words(op.words)}${q(en, op.words)}.`
      case 'insertWords': return `Paragraph ${op.alinea}: after ${words(op.after)}${q(en, op.after)}, insert ${q(en, op.words)}.`
      case 'prependWords': return `Paragraph ${op.alinea}: at the beginning, insert ${q(en, op.words)}.`
      case 'appendWords': return `Paragraph ${op.alinea}: at the end, add ${q(en, op.words)}.`
      default: throw new RangeError(`Alinea does not write the operation ${op.op}`)
    }
  },
  phrases: []
}
{
  const P = (s: string): RegExp => phrase(s, EN_QUOTE)
  const WORDS = '(?: the words?)?'
  en.phrases = [
    [P('delete this article\\.?'), () => ({ op: 'deleteArticle' }), false],
    [P('replace this article with the following:'), () => ({ op: 'rewriteArticle', alineas: [] }), true],
    [P('delete paragraph (\\d+)\\.?'), m => ({ op: 'deleteAlineas', from: int(m[1]), to: int(m[1]) }), false],
    [P('delete paragraphs (\\d+) (and|to) (\\d+)\\.?'), m => {
      if (m[2].toLowerCase() === 'and') return deleteTwo(int(m[1]), int(m[3]))
      const [from, to] = range(m[1], m[2], m[3])
      return { op: 'deleteAlineas', from, to }
    }, false],
    [P('replace paragraph (\\d+) with the following:'), m => ({ op: 'rewriteAlineas', from: int(m[1]), to: int(m[1]), alineas: [] }), true],
    [P('replace paragraphs (\\d+) (and|to) (\\d+) with the following:'), m => {
      const [from, to] = range(m[1], m[2], m[3])
      return { op: 'rewriteAlineas', from, to, alineas: [] }
    }, true],
    [P('(after|before) paragraph (\\d+), insert the following paragraphs?:'),
      m => ({ op: 'insertAlineas', after: m[1].toLowerCase() === 'after' ? int(m[2]) : int(m[2]) - 1, alineas: [] }), true],
    [P(`paragraph (\\d+): replace${WORDS} QUOTE with${WORDS} QUOTE\\.?`), m => ({ op: 'replaceWords', alinea: int(m[1]), words: m[2], by: m[3] }), false],
    [P(`paragraph (\\d+): delete${WORDS} QUOTE\\.?`), m => ({ op: 'deleteWords', alinea: int(m[1]), words: m[2] }), false],
    [P(`paragraph (\\d+): after${WORDS} QUOTE, insert${WORDS} QUOTE\\.?`), m => ({ op: 'insertWords', alinea: int(m[1]), after: m[2], words: m[3] }), false],
    [P(`paragraph (\\d+): at the beginning, insert${WORDS} QUOTE\\.?`), m => ({ op: 'prependWords', alinea: int(m[1]), words: m[2] }), false],
    [P(`paragraph (\\d+): at the end, add${WORDS} QUOTE\\.?`), m => ({ op: 'appendWords', alinea: int(m[1]), words: m[2] }), false]
  ]
}

const LANGS: Record<WordingLang, Lang> = { fr, en }

function langOf (lang: WordingLang): Lang {
  const l = LANGS[lang]
  if (l === undefined) throw new RangeError(`Unknown wording language: ${String(lang)}`)
  return l
}

/** The alinéas an operation brings, printed as a block below its header. */
function blockOf (op: WordingOp): string[] | null {
  return op.op === 'rewriteArticle' || op.op === 'rewriteAlineas' || op.op === 'insertAlineas' ? op.alineas : null
}

/** The lines of one operation, without numbering. Throws `RangeError` for an alinéa holding a line break. */
export function formatOp (op: WordingOp, lang: WordingLang, style: WordingStyle = 'assemblee'): string[] {
  const l = langOf(lang)
  const lines = lang === 'fr' && style === 'senat' ? senatHeader(op, t => q(fr, t)) : [l.header(op)]
  if (lines.some(line => /[\n\r\u2028\u2029]/u.test(line))) throw new RangeError('A wording cannot quote text holding a line break')
  const block = blockOf(op)
  if (block === null) return lines
  if (block.length === 0) throw new RangeError(`${op.op} needs at least one alinéa`)
  const closeEach = block.length > 1 && block.slice(0, -1).every(a => a.length > 0 && l.closers.includes(a[a.length - 1]))
  block.forEach((a, i) => {
    if (/[\n\r\u2028\u2029]/u.test(a)) throw new RangeError('A wording cannot quote an alinéa holding a line break')
    lines.push(closeEach || i === block.length - 1 ? q(l, a) : l.open + l.pad + a)
  })
  return lines
}

/**
 * Print wording operations: one per line (two in the Sénat style, the place
 * above the operation), numbered when there are several. `style` is the
 * house style of French wordings (English has one).
 */
export function formatWording (ops: WordingOp[], lang: WordingLang, style: WordingStyle = 'assemblee'): string {
  const l = langOf(lang)
  const out: string[] = []
  ops.forEach((op, i) => {
    const lines = formatOp(op, lang, style)
    if (ops.length > 1) lines[0] = l.number(i + 1) + lines[0]
    out.push(...lines)
  })
  return out.join('\n')
}

/**
 * Read a wording (as written by `wording`, or by a drafter using the same
 * phrases) into operations. Blank lines are ignored; numbering is optional.
 * Throws `WordingError` naming the first line it cannot read.
 */
export function parseWording (text: string, lang: WordingLang): WordingOp[] {
  const l = langOf(lang)
  if (typeof text !== 'string') throw new RangeError('parseWording expects a string')
  try {
    return parseExact(text, l)
  } catch (err) {
    // Real dispositifs (both house styles, as parliaments print them): the reader of wording-read.ts.
    if (!(err instanceof WordingError) || lang !== 'fr') throw err
    return readDispositif(text)
  }
}

/** Read the exact phrases `formatWording` writes (the round trip relies on this reading). */
function parseExact (text: string, l: Lang): WordingOp[] {
  const lines = text.split(/\r\n|\r|\n/u)
  const ops: WordingOp[] = []
  for (let i = 0; i < lines.length; i++) {
    let header = lines[i].replace(l.numbering, '').trim()
    if (header === '') continue
    if (l === fr && SENAT_PLACE.test(header)) {
      // Sénat style: the place stands on its own line; read it with the operation below it.
      let k = i + 1
      while (k < lines.length && lines[k].trim() === '') k++
      if (k < lines.length) { header = header.replace(/\.$/u, '') + ' | ' + lines[k].trim(); i = k }
    }
    let matched = false
    for (const [re, make, hasBlock] of l.phrases) {
      const m = re.exec(header)
      if (m === null) continue
      matched = true
      const made = make(m)
      if (hasBlock) {
        // The alinéas follow, one per line; blank lines and indentation before them are allowed.
        const block: string[] = []
        let j = i + 1
        for (; j < lines.length; j++) {
          const line = lines[j].trimStart()
          if (line === '') continue
          if (!l.blockLine(line)) break
          block.push(line)
        }
        while (j > i + 1 && lines[j - 1].trim() === '') j--
        i = j - 1
        if (block.length === 0) throw new WordingError(`Line ${i + 1}: "${header}" must be followed by the quoted alinéas`, i + 1)
        ;(made as { alineas: string[] }).alineas = readBlock(block, l, i + 1)
      }
      if (Array.isArray(made)) ops.push(...made)
      else ops.push(made)
      break
    }
    if (!matched) throw new WordingError(`Line ${i + 1} is not a wording this parser knows: "${header}"`, i + 1)
  }
  return ops
}

/** The alinéas of a quoted block: opening mark on each line, closing mark on the last or on each. */
function readBlock (block: string[], l: Lang, lastLine: number): string[] {
  // A line is closed when a closing mark follows its opening mark (in English both are ").
  const endsClosed = (s: string): boolean => s.length > 1 && l.closers.includes(s[s.length - 1])
  // After the last closing mark, a period and spaces may follow.
  const lastRaw = block[block.length - 1]
  block[block.length - 1] = endsClosed(lastRaw) ? lastRaw : lastRaw.replace(/(?<=[»"\u201d])\.?\s*$/u, '')
  if (!endsClosed(block[block.length - 1])) throw new WordingError(`Line ${lastLine}: the quotation is not closed`, lastLine)
  const closeEach = block.every(endsClosed)
  return block.map((line, i) => {
    let s = line.slice(1)
    if (l.pad !== '' && /^\s/u.test(s)) s = s.slice(1)
    if (closeEach || i === block.length - 1) {
      s = s.slice(0, -1)
      if (l.pad !== '' && /\s$/u.test(s)) s = s.slice(0, -1)
    }
    return s
  })
}
