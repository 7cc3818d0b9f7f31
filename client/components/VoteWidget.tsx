/**
 * The vote on an article: three toggle buttons "Pour", "Mitigé", "Contre".
 * aria-pressed shows the viewer's own vote; choosing another value changes
 * it (PUT), choosing the same one again withdraws it (DELETE). When voting
 * is not possible the buttons are disabled and the reason is written out,
 * with a sign-in link that comes back here for a signed-out reader.
 */
import { useRef, useState } from 'preact/hooks'
import { api, type Tally, type VoteValue } from '../api.ts'
import { t } from '../i18n/index.ts'
import { contributionError } from '../contribution-errors.ts'
import type { Phase } from '../../shared/phase.ts'
import { Feedback, IDLE, type ActionState } from './Feedback.tsx'
import { VOTE_ORDER, voteWord } from './TallyBar.tsx'

const ICON: Record<VoteValue, string> = { for: '+', mixed: '~', against: '−' }

export interface VoteWidgetProps {
  articleId: string
  articleNum: string
  myVote: VoteValue | null
  phase: Phase
  /** undefined while the session is not known yet: disabled, without a reason. */
  signedIn: boolean | undefined
  /** Where the sign-in link should bring the reader back to. */
  returnTo: string
  /** Called with the server's new tally and the viewer's vote after a change. */
  onVoted: (tally: Tally, myVote: VoteValue | null) => void
  /** What is voted on: an article (default) or an amendment, `articleId` being then the amendment's id. */
  target?: 'article' | 'amendment'
  /** The group's label (default "Votre avis sur l'article {num}"). */
  legend?: string
  /** Why voting is not possible beyond the consultation's phase (e.g. an amendment already decided). */
  unavailable?: string | null
}

/** The three vote buttons of an article, with feedback and the reason when disabled. */
export function VoteWidget (props: VoteWidgetProps) {
  const { articleId, articleNum, phase, signedIn } = props
  // A signed-out reader has no vote of their own, even before the page has reloaded.
  const myVote = signedIn === false ? null : props.myVote
  const [state, setState] = useState<ActionState>(IDLE)
  const pending = state.kind === 'pending'
  // Set synchronously: two quick clicks must not send two requests before the re-render.
  const inFlight = useRef(false)
  const reason = props.unavailable ? props.unavailable : phase === 'closed'
    ? t('vote.closed')
    : phase === 'upcoming'
      ? t('vote.notOpenYet')
      : phase === 'draft'
        ? t('vote.draft')
        : signedIn === false ? t('vote.signedOut') : null
  const labelId = `vote-label-${articleId}`
  const reasonId = `vote-reason-${articleId}`

  async function choose (value: VoteValue) {
    if (inFlight.current || reason || !signedIn) return
    inFlight.current = true
    const withdraw = myVote === value
    setState({ kind: 'pending', message: t('vote.pending') })
    try {
      const tally = props.target === 'amendment'
        ? withdraw ? await api.unvoteAmendment(articleId) : await api.voteAmendment(articleId, value)
        : withdraw ? await api.unvoteArticle(articleId) : await api.voteArticle(articleId, value)
      props.onVoted(tally, withdraw ? null : value)
      setState({ kind: 'done', message: withdraw ? t('vote.withdrawn') : t('vote.saved', { value: voteWord(value) }) })
    } catch (err) {
      setState({ kind: 'error', message: contributionError(err) })
    } finally {
      inFlight.current = false
    }
  }

  return (
    <div class="vote">
      <p class="vote__label" id={labelId}>{props.legend ?? t('vote.legend', { num: articleNum })}</p>
      <div class="vote__buttons" role="group" aria-labelledby={labelId} aria-describedby={reason ? reasonId : undefined} aria-busy={pending}>
        {VOTE_ORDER.map(v => (
          <button
            key={v}
            type="button"
            class={`vote__button vote__button--${v}`}
            data-value={v}
            aria-pressed={myVote === v}
            disabled={reason !== null || signedIn === undefined}
            onClick={() => { void choose(v) }}
          >
            <span class="vote__icon" aria-hidden="true">{myVote === v ? '✓' : ICON[v]}</span>
            <span class="vote__word">{voteWord(v)}</span>
          </button>
        ))}
      </div>
      {reason && (
        <p class="vote__reason" id={reasonId}>
          {reason}
          {signedIn === false && phase === 'open' && !props.unavailable && (
            <> <a href={`/login?next=${encodeURIComponent(props.returnTo)}`} class="vote__signin">{t('vote.signInLink')}</a></>
          )}
        </p>
      )}
      {!reason && myVote && state.kind !== 'pending' && (
        <p class="vote__mine">{t('vote.yourVote', { value: voteWord(myVote) })}</p>
      )}
      <Feedback state={state} />
    </div>
  )
}
