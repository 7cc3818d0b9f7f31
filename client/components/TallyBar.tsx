/**
 * The votes on an article: a thin three-colour bar (decoration only) and
 * the figures written out with their words, so colour is never the only
 * signal. Figures carry `data-value` for tests and styles.
 */
import type { Tally, VoteValue } from '../api.ts'
import { formatNumber, t, tn } from '../i18n/index.ts'

export const VOTE_ORDER: readonly VoteValue[] = ['for', 'mixed', 'against']
const WORD = { for: 'vote.for', mixed: 'vote.mixed', against: 'vote.against' } as const

/** The word for a vote value in the current language ("Pour", "Mixed"...). */
export function voteWord (v: VoteValue): string { return t(WORD[v]) }

/** Bar and written figures of a tally; `label` names the list for assistive technology. */
export function TallyBar ({ tally, label }: { tally: Tally; label: string }) {
  const total = tally.for + tally.mixed + tally.against
  const pct = (n: number) => total === 0 ? 0 : n / total
  return (
    <div class="tally">
      <div class={`tally__bar${total === 0 ? ' tally__bar--empty' : ''}`} aria-hidden="true">
        {total > 0 && VOTE_ORDER.map(v => tally[v] > 0 && (
          <span key={v} class={`tally__seg tally__seg--${v}`} style={{ width: `${pct(tally[v]) * 100}%` }} />
        ))}
      </div>
      <ul class="tally__figures" aria-label={label}>
        {VOTE_ORDER.map(v => (
          <li key={v} class={`tally__fig tally__fig--${v}`} data-value={v}>
            <span class="tally__swatch" aria-hidden="true" />
            <span class="tally__word">{voteWord(v)}</span>{' '}
            <strong class="tally__count">{formatNumber(tally[v])}</strong>
            {total > 0 && <span class="tally__pct"> ({formatNumber(pct(tally[v]), { style: 'percent' })})</span>}
          </li>
        ))}
        <li class="tally__total">{total === 0 ? t('vote.noVotes') : tn('vote.total', total)}</li>
      </ul>
    </div>
  )
}
