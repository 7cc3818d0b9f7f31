/**
 * A tally in one dense line for the staff pages: "Pour 3 · Mitigé 1 ·
 * Contre 0", words and figures (colour is only a second signal).
 */
import type { Tally } from '../../api.ts'
import { formatNumber } from '../../i18n/index.ts'
import { supportSentence, VOTE_ORDER, voteWord } from '../../components/TallyBar.tsx'

/** The three figures of `tally` with their words; `label` names the list. */
export function TallyLine ({ tally, label }: { tally: Tally; label: string }) {
  return (
    <ul class="tally-line" aria-label={label}>
      {VOTE_ORDER.map(v => (
        <li key={v} class={`tally-line__fig tally-line__fig--${v}`} data-value={v}>
          {voteWord(v)} <strong>{formatNumber(tally[v])}</strong>
        </li>
      ))}
      <li class="tally-line__total">{supportSentence(tally)}</li>
    </ul>
  )
}
