/**
 * « 2 amendements modifient déjà ce passage »: while a citizen edits an
 * article, the proposed amendments of the same article that change an
 * overlapping passage (`shared/overlap.ts`), each with a link and its
 * support, so they can support one instead of filing a near-copy. Shown
 * only when there is at least one; announced politely as it changes.
 */
import type { AmendmentView } from '../api.ts'
import { t, tn } from '../i18n/index.ts'
import { amendmentPath } from './AmendmentCard.tsx'
import { amendmentNumber } from './AmendmentBadges.tsx'

/** The hint; `items` are the overlapping amendments, most supported first. */
export function SimilarAmendments ({ items }: { items: AmendmentView[] }) {
  return (
    <section class="similar" aria-labelledby={items.length > 0 ? 'similar-title' : undefined} data-similar={items.length}>
      <div role="status">
        {items.length > 0 && <h3 id="similar-title" class="similar__title">{tn('similar.count', items.length)}</h3>}
      </div>
      {items.length > 0 && (
        <>
          <p class="similar__hint">{t('similar.hint')}</p>
          <ul class="similar__list">
            {items.map(a => (
              <li key={a.id} class="similar__item">
                <a href={amendmentPath(a.id)}>{amendmentNumber(a)} · {t('similar.by', { name: a.author.displayName })}</a>
                {' '}<span class="similar__support">{t('similar.support', { for: String(a.tally.for), mixed: String(a.tally.mixed), against: String(a.tally.against) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
