/** Published opinions of the council, each with the members' vote. */
import { formatDate, t } from '../i18n/index.ts'
import type { OpinionView } from './council-api.ts'

/** The opinions, headed at `level`. */
export function OpinionList ({ opinions, level, titles }: { opinions: OpinionView[]; level: 2 | 3; titles?: Map<string, string> }) {
  const H = level === 2 ? 'h2' : 'h3'
  const h4 = level === 2 ? 'h3' : 'h4'
  const Sub = h4 as 'h3' | 'h4'
  return (
    <div class="council-opinions">
      <H class="council-opinions__title">{t('council.opinions')}</H>
      {opinions.map(o => (
        <article class="council-opinion" key={o.itemId} data-opinion={o.itemId}>
          <Sub>{t(`council.target.${o.target.type}`)}{titles?.get(o.itemId) ? ` — ${titles.get(o.itemId)}` : ''}</Sub>
          <p class="council-opinion__text">{o.text}</p>
          <p class="muted">{t('council.opinionVote', { for: o.vote.for, mixed: o.vote.mixed, against: o.vote.against })} · {formatDate(o.publishedAt)}</p>
        </article>
      ))}
    </div>
  )
}
