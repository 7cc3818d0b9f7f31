/**
 * The Sénat house style, as Alinea writes it: the place on its own line, then
 * the operation on « cet alinéa » / « ces alinéas »:
 *
 *   Alinéa 3
 *   Remplacer le mot : « modération » par le mot : « maîtrise ».
 *
 *   Alinéas 30 à 33
 *   Supprimer ces alinéas.
 *
 *   Après l'alinéa 1
 *   Insérer un alinéa ainsi rédigé :
 *   « … »
 *
 * `senatHeader` gives the two lines of an operation (or one, for the whole
 * article); `senatPhrases` reads them back, the place and the operation joined
 * by « | » by `parseWording` (which does that for every place line it meets).
 * The Assemblée style (« À l'alinéa 3, substituer au mot : … ») is the default;
 * a bill's `wordingStyle` chooses. English has one style.
 */

import type { WordingOp } from './wording-apply.ts'
import { COUNT, countWord } from './wording-places.ts'
import { countWords } from './tokens.ts'

/** The house styles Alinea writes: the Assemblée nationale's (default) or the Sénat's. */
export type WordingStyle = 'assemblee' | 'senat'

/** The styles, for validation. */
export const WORDING_STYLES: readonly WordingStyle[] = ['assemblee', 'senat']

const NBSP = '\u00a0'

/** A place line of the Sénat style, as `parseWording` recognises it before joining it to the next line. */
export const SENAT_PLACE = /^(?:alinéas? \d+(?: (?:à|et) \d+)?|(?:après|avant) l['\u2019]alinéa \d+)\.?$/iu

/** The lines of an operation's header in the Sénat style; `quote` quotes a passage the French way. */
export function senatHeader (op: WordingOp, quote: (text: string) => string): string[] {
  const place = (a: number, b: number): string => a === b ? `Alinéa ${a}` : `Alinéas ${a} ${b === a + 1 ? 'et' : 'à'} ${b}`
  const mots = (text: string, article: 'le' | 'par le'): string =>
    countWords(text) <= 1 ? `${article} mot${NBSP}: ` : `${article === 'le' ? 'les' : 'par les'} mots${NBSP}: `
  switch (op.op) {
    case 'deleteArticle': return ['Supprimer cet article.']
    case 'rewriteArticle': return [`Rédiger ainsi cet article${NBSP}:`]
    case 'deleteAlineas': return [place(op.from, op.to), op.from === op.to ? 'Supprimer cet alinéa.' : 'Supprimer ces alinéas.']
    case 'rewriteAlineas': return [place(op.from, op.to), `Rédiger ainsi ${op.from === op.to ? 'cet alinéa' : 'ces alinéas'}${NBSP}:`]
    case 'insertAlineas': return [
      op.after === 0 ? "Avant l'alinéa 1" : `Après l'alinéa ${op.after}`,
      op.alineas.length === 1 ? `Insérer un alinéa ainsi rédigé${NBSP}:` : `Insérer ${countWord(op.alineas.length)} alinéas ainsi rédigés${NBSP}:`
    ]
    case 'replaceWords': return [place(op.alinea, op.alinea), `Remplacer ${mots(op.words, 'le')}${quote(op.words)} ${mots(op.by, 'par le')}${quote(op.by)}.`]
    case 'deleteWords': return [place(op.alinea, op.alinea), `Supprimer ${mots(op.words, 'le')}${quote(op.words)}.`]
    case 'insertWords': return [place(op.alinea, op.alinea), `Après ${mots(op.after, 'le')}${quote(op.after)}, insérer ${mots(op.words, 'le')}${quote(op.words)}.`]
    case 'prependWords': return [place(op.alinea, op.alinea), `Au début de cet alinéa, insérer ${mots(op.words, 'le')}${quote(op.words)}.`]
    case 'appendWords': return [place(op.alinea, op.alinea), `Compléter cet alinéa par ${mots(op.words, 'le')}${quote(op.words)}.`]
    default: throw new RangeError(`Alinea does not write the operation ${op.op}`)
  }
}

type Phrase = [RegExp, (m: string[]) => WordingOp | WordingOp[], boolean]

/**
 * The Sénat phrases as `parseWording` reads them (place and operation joined by
 * « | »). `P` compiles a phrase the way the French table does (QUOTE is a passage).
 */
export function senatPhrases (P: (s: string) => RegExp): Phrase[] {
  const int = (s: string): number => Number.parseInt(s, 10)
  const MOTS = '(?:le|les) mots?'
  const PAR = 'par (?:le|les) mots?'
  const span = (a: string, how: string, b: string): WordingOp[] => {
    const from = int(a); const to = int(b)
    if (how.toLowerCase() === 'et' && to !== from + 1) return [{ op: 'deleteAlineas', from, to: from }, { op: 'deleteAlineas', from: to, to }]
    return [{ op: 'deleteAlineas', from, to }]
  }
  return [
    [P('alinéa (\\d+) \\| supprimer cet alinéa\\.?'), m => ({ op: 'deleteAlineas', from: int(m[1]), to: int(m[1]) }), false],
    [P('alinéas (\\d+) (à|et) (\\d+) \\| supprimer ces alinéas\\.?'), m => span(m[1], m[2], m[3]), false],
    [P('alinéa (\\d+) \\| rédiger ainsi cet alinéa :'), m => ({ op: 'rewriteAlineas', from: int(m[1]), to: int(m[1]), alineas: [] }), true],
    [P('alinéas (\\d+) (?:à|et) (\\d+) \\| rédiger ainsi ces alinéas :'), m => ({ op: 'rewriteAlineas', from: int(m[1]), to: int(m[2]), alineas: [] }), true],
    [P(`(après|avant) l'alinéa (\\d+) \\| insérer (?:un alinéa ainsi rédigé|(${COUNT}) alinéas ainsi rédigés) :`),
      m => ({ op: 'insertAlineas', after: m[1].toLowerCase() === 'après' ? int(m[2]) : int(m[2]) - 1, alineas: [] }), true],
    [P(`alinéa (\\d+) \\| remplacer ${MOTS} : QUOTE ${PAR} : QUOTE\\.?`), m => ({ op: 'replaceWords', alinea: int(m[1]), words: m[2], by: m[3] }), false],
    [P(`alinéa (\\d+) \\| supprimer ${MOTS} : QUOTE\\.?`), m => ({ op: 'deleteWords', alinea: int(m[1]), words: m[2] }), false],
    [P(`alinéa (\\d+) \\| après ${MOTS} : QUOTE, insérer ${MOTS} : QUOTE\\.?`), m => ({ op: 'insertWords', alinea: int(m[1]), after: m[2], words: m[3] }), false],
    [P(`alinéa (\\d+) \\| au début de cet alinéa, insérer ${MOTS} : QUOTE\\.?`), m => ({ op: 'prependWords', alinea: int(m[1]), words: m[2] }), false],
    [P(`alinéa (\\d+) \\| compléter cet alinéa par ${MOTS} : QUOTE\\.?`), m => ({ op: 'appendWords', alinea: int(m[1]), words: m[2] }), false]
  ]
}
