/**
 * Dispositifs as services: parse one into operations, apply it to a base
 * text. Anyone may use them (they read nothing stored); the refusals name
 * where the dispositif fails: 422 `wording_unreadable` with `{ line, message }`
 * (the first line the parser cannot read) and 422 `wording_not_applicable`
 * with `{ operation, index, reason }` (the first operation that does not apply
 * to the text: passage not found or not unique, alinéa out of range, or an
 * operation that adds an article or is itself legislative text).
 */
import { applyWording, parseWording, WordingError, type WordingLang, type WordingOp } from '../../shared/wording.ts'
import { normaliseAlinea } from '../../shared/text.ts'
import { RuleBroken } from './errors.ts'

/** The operations of a dispositif; 422 `wording_unreadable` when a line cannot be read. */
export function parseDispositif (text: string, lang: WordingLang): WordingOp[] {
  let ops: WordingOp[]
  try {
    ops = parseWording(text, lang)
  } catch (err) {
    if (!(err instanceof WordingError)) throw err
    throw new RuleBroken('wording_unreadable', err.message, { line: err.line ?? null, message: err.message })
  }
  if (ops.length === 0) throw new RuleBroken('wording_unreadable', 'the dispositif holds no operation', { line: 1, message: 'the dispositif holds no operation' })
  return ops
}

/**
 * The text `ops` make of `base`; 422 `wording_not_applicable` naming the
 * first operation that does not apply (each is tried alone first, so the
 * answer points at it; if each applies alone, they clash together).
 */
export function applyOperations (ops: WordingOp[], base: string[]): string[] {
  try {
    return applyWording(ops, base)
  } catch (err) {
    if (!(err instanceof WordingError)) throw err
    for (let i = 0; i < ops.length; i++) {
      try {
        applyWording([ops[i]], base)
      } catch (one) {
        if (!(one instanceof WordingError)) throw one
        throw new RuleBroken('wording_not_applicable', one.message, { operation: ops[i], index: i, reason: one.message })
      }
    }
    throw new RuleBroken('wording_not_applicable', err.message, { operation: null, index: null, reason: err.message })
  }
}

/** The alinéas a dispositif makes of a base text (normalised as stored alinéas are); the refusals above. */
export function applyDispositif (text: string, lang: WordingLang, base: string[]): { alineas: string[]; operations: WordingOp[] } {
  const operations = parseDispositif(text, lang)
  const alineas = applyOperations(operations, base).map(normaliseAlinea)
  const empty = alineas.findIndex(a => a.length === 0)
  if (empty >= 0) {
    const reason = `the dispositif leaves alinéa ${empty + 1} empty`
    throw new RuleBroken('wording_not_applicable', reason, { operation: null, index: null, reason })
  }
  return { alineas, operations }
}
