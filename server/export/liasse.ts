/** The liasse of a report (DOCX, HTML and so PDF): every amendment in the order of discussion, one line each. */
import type { SynthesisView } from '../../shared/api.ts'
import { wordsOf, type ReportLang } from './words.ts'

/** One line of the liasse, in the report language: « n° 12 — Article 2 — Proposé — Sénat n° COM-3 — Mme X », « (tombe) » when fallen. */
export function liasseLine (e: SynthesisView['discussion'][number], lang: ReportLang = 'fr'): { number: string; place: string; detail: string } {
  const w = wordsOf(lang)
  const place = e.kind === 'addArticle'
    ? w.additionalPlace(e.position === 'before' ? 'before' : 'after', e.articleNum ?? '?')
    : `Article ${e.articleNum ?? '?'}`
  const detail = [w.status[e.status], e.falls ? w.falls : null, e.origin, e.author].filter(Boolean).join(' — ')
  return { number: w.numberShort(e.number), place, detail }
}

/** The title and note of the liasse section (French; `words.ts` has them in each language). */
export const LIASSE_TITLE = wordsOf('fr').liasseTitle
export const LIASSE_NOTE = wordsOf('fr').liasseNote
