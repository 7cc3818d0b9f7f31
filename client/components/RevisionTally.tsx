/**
 * An article's tally when its text changed after some votes were cast
 * (issue 16): the bar and figures count the votes on the current text, and
 * the votes cast on an earlier text are written apart; with
 * « Confirmer mon vote sur le nouveau texte » for a viewer whose own vote is
 * one of them (the same choice cast again, on the current revision).
 */
import { useRef, useState } from 'preact/hooks'
import { api, type ArticleView, type Tally, type VoteValue } from '../api.ts'
import { formatNumber, t } from '../i18n/index.ts'
import { contributionError } from '../contribution-errors.ts'
import type { Phase } from '../../shared/phase.ts'
import { Feedback, IDLE, type ActionState } from './Feedback.tsx'
import { TallyBar, voteWord } from './TallyBar.tsx'

/** The tally of an article: split by text when some votes are on an earlier one, whole otherwise. */
export function RevisionTally ({ tally, num }: { tally: Tally; num: string }) {
  const split = tally.byRevision
  const e = split?.earlier
  if (!split || !e || e.for + e.mixed + e.against === 0) return <TallyBar tally={tally} label={t('vote.tally', { num })} />
  return (
    <div class="revision-tally" data-since={split.since}>
      <TallyBar tally={split.current} label={t('revision.currentTally', { num, n: split.since })} />
      <p class="revision-tally__earlier" data-earlier={e.for + e.mixed + e.against}>
        {t('revision.earlier', { for: formatNumber(e.for), mixed: formatNumber(e.mixed), against: formatNumber(e.against) })}
      </p>
    </div>
  )
}

export interface ConfirmVoteProps {
  article: Pick<ArticleView, 'id' | 'changedIn'>
  myVote: VoteValue | null
  myVoteRevision: number | null
  phase: Phase | undefined
  signedIn: boolean | undefined
  /** Called with the new tally once the vote is on the current text. */
  onConfirmed: (tally: Tally) => void
}

/** The note and button for a viewer whose vote was cast on an earlier text; only while the consultation is open. */
export function ConfirmVote ({ article, myVote, myVoteRevision, phase, signedIn, onConfirmed }: ConfirmVoteProps) {
  const [state, setState] = useState<ActionState>(IDLE)
  const inFlight = useRef(false)
  const since = article.changedIn?.revision
  const earlier = phase === 'open' && signedIn === true && myVote !== null && myVoteRevision !== null && since !== undefined && myVoteRevision < since
  if (!earlier) return state.kind === 'done' ? <Feedback state={state} /> : null

  async function confirm (value: VoteValue) {
    if (inFlight.current) return
    inFlight.current = true
    setState({ kind: 'pending', message: t('vote.pending') })
    try {
      const tally = await api.voteArticle(article.id, value)
      setState({ kind: 'done', message: t('revision.confirmed', { value: voteWord(value) }) })
      onConfirmed(tally)
    } catch (err) {
      setState({ kind: 'error', message: contributionError(err) })
    } finally {
      inFlight.current = false
    }
  }

  return (
    <div class="confirm-vote">
      <p class="confirm-vote__note">{t('revision.myVoteEarlier', { value: voteWord(myVote), n: myVoteRevision })}</p>
      <button type="button" class="button button--secondary confirm-vote__button" disabled={state.kind === 'pending'} onClick={() => { void confirm(myVote) }}>
        {t('revision.confirm')}
      </button>
      <Feedback state={state} />
    </div>
  )
}
