/**
 * The line the reports print under an article's tally when some of its
 * votes were cast on an earlier text (issue 16): the votes on the current
 * text and, apart, those on an earlier one, in the report's language.
 */
import type { SynthesisArticleView } from '../../shared/api.ts'
import type { ReportLang } from './words.ts'

/** "Sur le texte actuel (révision 2) : …; sur un texte antérieur : …", or null when every vote is on the current text. */
export function revisionNote (a: Pick<SynthesisArticleView, 'tally'>, lang: ReportLang = 'fr'): string | null {
  const split = a.tally.byRevision
  if (!split) return null
  const { current: c, earlier: e } = split
  if (e.for + e.mixed + e.against === 0) return null
  const n = (x: number): string => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB')
  if (lang === 'en') {
    return `On the current text (revision ${split.since}): for ${n(c.for)} · mixed ${n(c.mixed)} · against ${n(c.against)}; ` +
      `on an earlier text, not confirmed: for ${n(e.for)} · mixed ${n(e.mixed)} · against ${n(e.against)}.`
  }
  return `Sur le texte actuel (révision ${split.since}) : pour ${n(c.for)} · mitigé ${n(c.mixed)} · contre ${n(c.against)} ; ` +
    `sur un texte antérieur, non confirmés : pour ${n(e.for)} · mitigé ${n(e.mixed)} · contre ${n(e.against)}.`
}
