/** The liasse of a report (DOCX, HTML and so PDF): every amendment in the order of discussion, one line each. */
import type { SynthesisView } from '../../shared/api.ts'
import { STATUS_FR } from './report.ts'

/** One line of the liasse, in French: « n° 12 — Article 2 — Proposé — Sénat n° COM-3 — Mme X », « (tombe) » when fallen. */
export function liasseLine (e: SynthesisView['discussion'][number]): { number: string; place: string; detail: string } {
  const place = e.kind === 'addArticle'
    ? `Article additionnel ${e.position === 'before' ? 'avant' : 'après'} l'article ${e.articleNum ?? '?'}`
    : `Article ${e.articleNum ?? '?'}`
  const detail = [STATUS_FR[e.status], e.falls ? 'tombe' : null, e.origin, e.author].filter(Boolean).join(' — ')
  return { number: `n° ${e.number}`, place, detail }
}

/** The title and note of the liasse section. */
export const LIASSE_TITLE = 'Liasse : les amendements dans l\'ordre de la discussion'
export const LIASSE_NOTE = 'Dans l\'ordre du texte (articles additionnels à leur place) ; dans un article, la suppression, puis la réécriture, puis dans l\'ordre des alinéas et des mots, le plus éloigné du texte d\'abord. « Tombe » : un amendement adopté a déjà modifié le même passage.'
