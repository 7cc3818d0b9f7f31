/** The council on the synthesis page: composition against quotas and pool (table and chart), and its opinions. */
import './council.css'
import { t, tn } from '../i18n/index.ts'
import type { CouncilSynthesisView } from '../../shared/api.ts'
import { Composition } from './Composition.tsx'
import { councilPath } from './council-api.ts'
import { formatDate } from '../i18n/index.ts'

/** The council section of a synthesis (nothing without a council). */
export function SynthesisCouncil ({ billId, council }: { billId: string; council: CouncilSynthesisView | null | undefined }) {
  if (!council) return null
  return (
    <section class="synthesis-council" aria-labelledby="synthesis-council-title" data-synthesis-council>
      <h2 id="synthesis-council-title">{t('council.title')}</h2>
      <p>{t(`council.status.${council.status}`)} · {tn(council.status === 'recruiting' ? 'council.volunteers' : 'council.pool', council.volunteersCount)} · <a href={councilPath(billId)}>{t('council.box.more')}</a></p>
      <Composition idPrefix="synthesis-council" categories={council.categories} size={council.size} volunteers={council.volunteersCount} headingLevel={3} />
      {council.opinions.length > 0 && (
        <>
          <h3>{t('council.opinions')}</h3>
          {council.opinions.map(o => (
            <article class="council-opinion" key={`${o.target.type}-${o.target.id}`}>
              <h4>{t(`council.target.${o.target.type}`)} — {o.title}</h4>
              <p>{o.text}</p>
              <p class="muted">{t('council.opinionVote', { for: o.vote.for, mixed: o.vote.mixed, against: o.vote.against })} · {formatDate(o.publishedAt)}</p>
            </article>
          ))}
        </>
      )}
    </section>
  )
}
