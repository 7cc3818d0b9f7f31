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

/**
 * Whole percentages of a tally that add up to 100 (largest remainders), so
 * that "62 % pour, 20 % mitigé, 18 % contre" never reads 101 %.
 */
export function tallyPercents (tally: Tally): Record<VoteValue, number> {
  const total = tally.for + tally.mixed + tally.against
  const out: Record<VoteValue, number> = { for: 0, mixed: 0, against: 0 }
  if (total === 0) return out
  const exact = VOTE_ORDER.map(v => ({ v, x: (tally[v] * 100) / total }))
  for (const e of exact) out[e.v] = Math.floor(e.x)
  let left = 100 - VOTE_ORDER.reduce((n, v) => n + out[v], 0)
  for (const e of [...exact].sort((a, b) => (b.x - Math.floor(b.x)) - (a.x - Math.floor(a.x)))) {
    if (left-- <= 0) break
    out[e.v]++
  }
  return out
}

/**
 * The one plain-language measure of support used everywhere:
 * "62 % pour, 20 % mitigé, 18 % contre — 45 votes" (or "no votes yet").
 */
export function supportSentence (tally: Tally): string {
  const total = tally.for + tally.mixed + tally.against
  if (total === 0) return t('vote.noVotes')
  const p = tallyPercents(tally)
  const pct = (n: number): string => formatNumber(n / 100, { style: 'percent' })
  return t('vote.support', { for: pct(p.for), mixed: pct(p.mixed), against: pct(p.against), votes: tn('vote.total', total) })
}

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
          </li>
        ))}
        <li class="tally__total">{supportSentence(tally)}</li>
      </ul>
    </div>
  )
}
