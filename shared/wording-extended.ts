/**
 * How the operations of real dispositifs that Alinea does not write itself
 * (sentences, « la fin de la phrase », occurrences, passages named without
 * their alinéa, « Compléter cet article par un alinéa ») apply to a base
 * article: `lowerOps` turns them into the plain operations of
 * `wording-apply.ts`, computed on the base text.
 *
 * Plain operations are located in the base text; an alinéa touched by an
 * extended operation is instead rewritten by applying its operations one after
 * the other, in the order of the dispositif (that is how a reader follows
 * « I. – Supprimer le mot … II. – Après le mot …, rédiger ainsi la fin de la
 * phrase »).
 */

import { applyWordOps, isWordOp, needsSpace, PassageIndex, WordingError, type WordingOp, type WordOp } from './wording-apply.ts'

type Op = WordingOp
const NOT_APPLICABLE = new Set(['addArticle', 'content', 'deleteDivision', 'rewriteHeading'])
const SENTENCE_OPS = new Set(['insertWordsBefore', 'deleteSentences', 'rewriteSentence', 'insertSentence', 'deleteEnd', 'rewriteEnd'])

/** Whether an operation needs lowering (it is not one `wording.ts` writes, or names no alinéa). */
export function isExtended (op: Op): boolean {
  if (isWordOp(op)) return op.alinea === 0 || op.sentence !== undefined || op.occurrence !== undefined
  return SENTENCE_OPS.has(op.op) || NOT_APPLICABLE.has(op.op) || op.op === 'appendAlineas'
}

/**
 * The sentences of an alinéa as [start, end) offsets (end includes the
 * closing punctuation, not the following space). A sentence ends on . ! ? or …
 * followed by a space and a capital letter, an opening quote or a bracket;
 * « L. 32-1 » does not end one (a digit follows).
 */
export function sentences (text: string): [number, number][] {
  const out: [number, number][] = []
  const re = /[.!?…](?=\s+[«"“(\p{Lu}])/gu
  let start = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const end = m.index + 1
    // "M. Dupont", "L. 32" and single capitals are abbreviations, not ends.
    if (/(?:^|\s)(?:\p{Lu}|M|MM|Mme|art|Art|cf|p)$/u.test(text.slice(start, m.index))) continue
    out.push([start, end])
    start = end
    while (start < text.length && /\s/u.test(text[start])) start++
  }
  if (start < text.length) out.push([start, text.length])
  return out
}

function sentenceAt (text: string, n: number, alinea: number): [number, number] {
  const all = sentences(text)
  const i = n < 0 ? all.length + n : n - 1
  if (i < 0 || i >= all.length) throw new WordingError(`Alinéa ${alinea}: no sentence ${n} (it has ${all.length})`)
  return all[i]
}

/** Apply one operation to one alinéa's current text (for alinéas rewritten step by step). */
function applyOne (text: string, op: Op, alinea: number): string {
  if (isWordOp(op)) {
    const plain = { ...op } as WordOp
    delete plain.sentence
    delete plain.occurrence
    if (op.occurrence === 'all' && op.op === 'replaceWords') return replaceAll(text, op.words, op.by, alinea)
    if (op.sentence === undefined && op.occurrence === undefined) return applyWordOps(text, [plain], alinea)
    const [s, e] = op.sentence === undefined ? [0, text.length] : sentenceAt(text, op.sentence, alinea)
    const part = text.slice(s, e)
    let done: string
    if (typeof op.occurrence === 'number') done = nthOccurrence(part, plain, op.occurrence, alinea)
    else done = applyWordOps(part, [plain], alinea)
    return text.slice(0, s) + done + text.slice(e)
  }
  switch (op.op) {
    case 'insertWordsBefore': {
      const [s, e] = op.sentence === undefined ? [0, text.length] : sentenceAt(text, op.sentence, alinea)
      const part = text.slice(s, e)
      const at = s + new PassageIndex(part, alinea).locate(op.before)[0]
      const words = op.words.trim()
      const before = needsSpace(text[at - 1], words[0]) ? ' ' : ''
      return text.slice(0, at) + before + words + (/['\u2019]$/u.test(words) ? '' : ' ') + text.slice(at)
    }
    case 'deleteSentences': {
      const all = sentences(text)
      const from = op.from < 0 ? all.length + op.from + 1 : op.from
      const to = op.to < 0 ? all.length + op.to + 1 : op.to
      if (from < 1 || to > all.length || to < from) throw new WordingError(`Alinéa ${alinea}: no sentences ${op.from} to ${op.to} (it has ${all.length})`)
      const start = all[from - 1][0]
      const end = to < all.length ? all[to][0] : all[to - 1][1]
      const out = text.slice(0, start) + text.slice(end)
      return to === all.length ? out.trimEnd() : out
    }
    case 'rewriteSentence': {
      const [s, e] = sentenceAt(text, op.sentence, alinea)
      return text.slice(0, s) + op.text + text.slice(e)
    }
    case 'insertSentence': {
      const all = sentences(text)
      if (op.after < 0 || op.after > all.length) throw new WordingError(`Alinéa ${alinea}: no sentence ${op.after} (it has ${all.length})`)
      if (op.after === 0) return op.text + ' ' + text
      const end = all[op.after - 1][1]
      return text.slice(0, end) + ' ' + op.text + text.slice(end)
    }
    case 'deleteEnd':
    case 'rewriteEnd': {
      const [s, e] = op.sentence === undefined ? [0, text.length] : op.sentence === 0 ? holding(text, op.after, alinea) : sentenceAt(text, op.sentence, alinea)
      const part = text.slice(s, e)
      const cut = new PassageIndex(part, alinea).locate(op.after)[1]
      const closing = /[.;:!?…]$/u.test(part) ? part[part.length - 1] : ''
      const tail = op.op === 'rewriteEnd' ? ' ' + op.text.trim() : closing
      const rewritten = part.slice(0, cut) + (op.op === 'rewriteEnd' && /^[,.;:]/u.test(op.text.trim()) ? op.text.trim() : tail)
      return text.slice(0, s) + rewritten + text.slice(e)
    }
    default:
      throw new WordingError(`The operation ${op.op} cannot apply to one alinéa`)
  }
}

/** The sentence holding the single occurrence of `passage`. */
function holding (text: string, passage: string, alinea: number): [number, number] {
  const at = new PassageIndex(text, alinea).locate(passage)[0]
  return sentences(text).find(([s, e]) => at >= s && at < e) ?? [0, text.length]
}

function replaceAll (text: string, words: string, by: string, alinea: number): string {
  const at = new PassageIndex(text, alinea).every(words)
  if (at.length === 0) throw new WordingError(`Alinéa ${alinea}: the words « ${words} » are not in the text`)
  let out = ''
  let last = 0
  for (const i of at) { out += text.slice(last, i) + by; last = i + words.length }
  return out + text.slice(last)
}

function nthOccurrence (text: string, op: WordOp, n: number, alinea: number): string {
  const anchor = op.op === 'insertWords' ? op.after : op.op === 'replaceWords' || op.op === 'deleteWords' ? op.words : null
  if (anchor === null) return applyWordOps(text, [op], alinea)
  const at = new PassageIndex(text, alinea).every(anchor)
  if (n < 1 || n > at.length) throw new WordingError(`Alinéa ${alinea}: the words « ${anchor} » do not occur ${n} times`)
  // Cut the text so that the n-th occurrence is the only one in the piece worked on.
  const start = n === 1 ? 0 : at[n - 2] + anchor.length
  const end = n === at.length ? text.length : at[n]
  return text.slice(0, start) + applyWordOps(text.slice(start, end), [op], alinea) + text.slice(end)
}

/**
 * Apply several operations to one alinéa, each located in the base text (as
 * parliaments number sentences and quote words of the text as it stands):
 * each operation is applied alone to the base, reduced to the smallest edit
 * (common beginning and end kept), and the edits are put together. Two
 * operations changing the same words are refused.
 */
function combine (text: string, ops: Op[], alinea: number): string {
  const edits = ops.map((op, order) => {
    const out = applyOne(text, op, alinea)
    let start = 0
    while (start < text.length && start < out.length && text[start] === out[start]) start++
    let end = 0
    while (end < text.length - start && end < out.length - start && text[text.length - 1 - end] === out[out.length - 1 - end]) end++
    return { start, end: text.length - end, text: out.slice(start, out.length - end), order }
  })
  edits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order)
  let result = ''
  let at = 0
  for (const e of edits) {
    if (e.start < at) throw new WordingError(`Alinéa ${alinea}: two operations change the same words`)
    result += text.slice(at, e.start) + e.text
    at = e.end
  }
  return result + text.slice(at)
}

/** The passage that locates an operation naming no alinéa. */
function anchorOf (op: Op): string | null {
  switch (op.op) {
    case 'replaceWords': case 'deleteWords': return op.words
    case 'insertWords': return op.after
    case 'insertWordsBefore': return op.before
    case 'deleteEnd': case 'rewriteEnd': return op.after
    default: return null
  }
}

/** The alinéa an operation names, or the one holding its passage when it names none. */
function alineaOf (op: Op, base: string[]): number {
  const named = (op as { alinea?: number }).alinea
  if (named === undefined || named !== 0) return named ?? -1
  if (base.length === 1) return 1
  const anchor = anchorOf(op)
  if (anchor === null) throw new WordingError(`${op.op}: the dispositif does not say which alinéa`)
  const holding = base.flatMap((text, i) => new PassageIndex(text, i + 1).every(anchor).length > 0 ? [i + 1] : [])
  if (holding.length === 0) throw new WordingError(`The words « ${anchor} » are not in the article`)
  if (holding.length > 1) throw new WordingError(`The words « ${anchor} » are in several alinéas (${holding.join(', ')}): the dispositif must say which`)
  return holding[0]
}

/**
 * Plain operations equivalent to `ops` on `base`: operations that do not apply
 * to an article's alinéas throw `WordingError` (with what they are), the others
 * are resolved and alinéas touched by extended operations are rewritten.
 */
export function lowerOps (ops: Op[], base: string[]): Op[] {
  const odd = ops.find(o => NOT_APPLICABLE.has(o.op))
  if (odd !== undefined) throw new WordingError(`The operation ${odd.op} does not change an article's alinéas: it ${describe(odd)}`)
  const out: Op[] = []
  const perAlinea = new Map<number, Op[]>()
  const stepwise = new Set<number>()
  for (const op of ops) {
    if (op.op === 'appendAlineas') { out.push({ op: 'insertAlineas', after: base.length, alineas: op.alineas }); continue }
    if (!isWordOp(op) && !SENTENCE_OPS.has(op.op)) { out.push(op); continue }
    const alinea = alineaOf(op, base)
    if (alinea < 1 || alinea > base.length) throw new WordingError(`No alinéa ${alinea} in the base text, which has ${base.length}`)
    const resolved = { ...op, alinea } as Op
    const list = perAlinea.get(alinea)
    if (list === undefined) perAlinea.set(alinea, [resolved])
    else list.push(resolved)
    if (isExtended(resolved)) stepwise.add(alinea)
  }
  for (const [alinea, list] of perAlinea) {
    if (!stepwise.has(alinea)) { out.push(...list); continue }
    out.push({ op: 'rewriteAlineas', from: alinea, to: alinea, alineas: [combine(base[alinea - 1], list, alinea)] })
  }
  return out
}

function describe (op: Op): string {
  switch (op.op) {
    case 'addArticle': return `inserts an additional article ${'after' in op.position ? 'after' : 'before'} article ${'after' in op.position ? op.position.after : op.position.before}`
    case 'content': return 'is the text of an article (the place comes from the amendment)'
    case 'deleteDivision': return 'deletes a division'
    case 'rewriteHeading': return 'rewrites a heading'
    default: return op.op
  }
}
