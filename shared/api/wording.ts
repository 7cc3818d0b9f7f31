/** Dispositifs as services: parse a wording into operations, apply it to a text (server/domain/wording.ts). */
import { z } from 'zod'
import { LIMITS } from './common.ts'

/** Sizes of wording inputs. */
export const WORDING_LIMITS = {
  /** Characters of a dispositif. */
  text: 100_000
} as const

export const WordingLang = z.enum(['fr', 'en']).describe('the language of the dispositif')

export const WordingParseBody = z.strictObject({
  text: z.string().min(1, 'the dispositif is empty').max(WORDING_LIMITS.text).describe('the dispositif, one line per paragraph (HTML once stripped)'),
  lang: WordingLang.default('fr')
}).meta({ id: 'WordingParseBody' })

export const WordingApplyBody = z.strictObject({
  text: z.string().min(1, 'the dispositif is empty').max(WORDING_LIMITS.text).describe('the dispositif, in either house style'),
  lang: WordingLang.default('fr'),
  alineas: z.array(z.string().max(LIMITS.alinea)).max(LIMITS.alineas).describe('the base text of the article, one string per alinéa')
}).meta({ id: 'WordingApplyBody' })

/**
 * One operation of a dispositif (see shared/wording-apply.ts `WordingOp`):
 * `op` names it (deleteArticle, rewriteArticle, deleteAlineas, rewriteAlineas,
 * insertAlineas, appendAlineas, replaceWords, deleteWords, insertWords,
 * insertWordsBefore, prependWords, appendWords, deleteSentences,
 * rewriteSentence, insertSentence, deleteEnd, rewriteEnd, addArticle,
 * content, deleteDivision, rewriteHeading); alinéa numbers are the base
 * text's, 1-based (`alinea: 0`: the alinéa holding the quoted words).
 */
export const WordingOperation = z.looseObject({ op: z.string() }).meta({ id: 'WordingOperation' })

export const WordingParsed = z.object({ operations: z.array(WordingOperation) }).meta({ id: 'WordingParsed' })
export const WordingApplied = z.object({
  alineas: z.array(z.string()),
  operations: z.array(WordingOperation)
}).meta({ id: 'WordingApplied' })

export type WordingParseBody = z.infer<typeof WordingParseBody>
export type WordingApplyBody = z.infer<typeof WordingApplyBody>
