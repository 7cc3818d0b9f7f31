/**
 * One argument: its text (as text: only http(s) addresses become links),
 * its author and date, its upvotes with a toggle button (aria-pressed), and
 * "Signaler". A hidden argument keeps its place and says why; its author
 * still reads their text, with the notice.
 */
import { useRef, useState } from 'preact/hooks'
import { api, type ArgumentView } from '../api.ts'
import { formatDate, t, tn } from '../i18n/index.ts'
import { contributionError } from '../contribution-errors.ts'
import type { SessionState } from '../session.ts'
import { LinkedText } from './LinkedText.tsx'
import { ReportButton, hiddenNotice } from './ReportButton.tsx'
import { AuthorName } from './AuthorName.tsx'

export interface ArgumentItemProps {
  argument: ArgumentView
  me: SessionState
  /** Whether the consultation takes upvotes now. */
  open: boolean
  /** Called with the argument as changed here (the viewer's upvote). */
  onChange: (a: ArgumentView) => void
}

/** An argument in a list. */
export function ArgumentItem ({ argument: a, me, open, onChange }: ArgumentItemProps) {
  const [error, setError] = useState<string | null>(null)
  const inFlight = useRef(false)
  const mine = !!me && me.id === a.author.id
  const canUpvote = open && !!me && !mine && !a.hidden

  async function toggle () {
    if (inFlight.current || !canUpvote) return
    inFlight.current = true
    setError(null)
    try {
      const { upvotes } = a.myUpvote ? await api.unupvote(a.id) : await api.upvote(a.id)
      onChange({ ...a, upvotes, myUpvote: !a.myUpvote })
    } catch (err) {
      setError(contributionError(err))
    } finally {
      inFlight.current = false
    }
  }

  const notice = a.hidden ? hiddenNotice(a.hiddenReason) : null
  return (
    <li class={`argument argument--${a.side}${a.hidden ? ' argument--hidden' : ''}`} id={`argument-${a.id}`} data-argument-id={a.id}>
      {a.hidden && !mine
        ? <p class="argument__body argument__body--hidden">{notice}</p>
        : <p class="argument__body"><LinkedText text={a.body} /></p>}
      {a.hidden && mine && <p class="argument__notice">{t('moderation.hiddenOwn', { notice: notice ?? '' })}</p>}
      <p class="argument__meta">
        <AuthorName author={a.author} />
        <span aria-hidden="true"> · </span>
        <time dateTime={a.createdAt}>{formatDate(a.createdAt)}</time>
      </p>
      <div class="argument__actions">
        {me && !mine && !a.hidden
          ? (
            <button type="button" class="upvote" aria-pressed={a.myUpvote} disabled={!open} onClick={() => { void toggle() }}>
              <span class="upvote__icon" aria-hidden="true">▲</span>
              <span class="upvote__word">{t('argument.upvote')}</span>
              <span class="upvote__count" data-count={a.upvotes}>{a.upvotes}</span>
            </button>
            )
          : <span class="upvote-count" data-count={a.upvotes}>{tn('argument.upvotes', a.upvotes)}</span>}
        {me && !mine && !a.hidden && <ReportButton target={{ type: 'argument', id: a.id }} what={t('report.whatArgument', { name: a.author.displayName })} />}
      </div>
      {error && <p class="feedback feedback--error" role="alert">{error}</p>}
    </li>
  )
}
