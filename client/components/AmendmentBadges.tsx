/**
 * What sets an amendment apart, in one line: its number (« n° 12 »), its
 * place when it adds an article, its official origin (chamber and number),
 * and whether it has fallen or cannot apply to the text.
 */
import type { AmendmentView } from '../api.ts'
import { t } from '../i18n/index.ts'

/** « n° 12 », as an amendment is called in a meeting. */
export function amendmentNumber (a: Pick<AmendmentView, 'number'>): string {
  return t('amendment.number', { n: String(a.number) })
}

/** "Additional article after article 2" (the number of the anchor given by the caller when known). */
export function additionTitle (a: Pick<AmendmentView, 'position'>, anchorNum: string | undefined): string {
  if (!a.position || !anchorNum) return t('addArticle.placeUnknown')
  return 'after' in a.position ? t('addArticle.after', { num: anchorNum }) : t('addArticle.before', { num: anchorNum })
}

/** The badges of an amendment (number, origin, fallen, not applicable). */
export function AmendmentBadges ({ amendment: a }: { amendment: AmendmentView }) {
  return (
    <span class="amendment-badges">
      <span class="amendment-badge amendment-badge--number" data-number={a.number}>{amendmentNumber(a)}</span>
      {a.origin && (
        <span class="amendment-badge amendment-badge--origin" data-chamber={a.origin.chamber}>
          {t(a.origin.chamber === 'an' ? 'amendment.origin.an' : 'amendment.origin.senat', { number: a.origin.number })}
        </span>
      )}
      {a.falls && <span class="amendment-badge amendment-badge--falls">{t('amendment.falls')}</span>}
      {!a.applies && <span class="amendment-badge amendment-badge--inapplicable">{t('amendment.notApplicable', { reason: a.appliesReason ?? '' })}</span>}
    </span>
  )
}
