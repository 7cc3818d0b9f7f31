/**
 * One amendment to decide, as a dense row: reference, author, status,
 * tally, the dispositif, the diff (re-applied on the latest text when
 * stale, see DecisionText.tsx) and the exposé sommaire; for the bill's
 * editors, the response field (required) and "Adopter" / "Rejeter"; once
 * decided, the decision with its response. Every action says pending,
 * done or what went wrong, and keeps what was typed on error.
 */
import { useRef, useState } from 'preact/hooks'
import { api, ApiError, type AmendmentView } from '../../api.ts'
import { formatDate, t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { AmendmentStatus, statusWord } from '../../components/AmendmentStatus.tsx'
import { AuthorName } from '../../components/AuthorName.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { hiddenNotice } from '../../components/ReportButton.tsx'
import { TallyLine } from './TallyLine.tsx'
import { AmendmentBadges, additionTitle, amendmentNumber } from '../../components/AmendmentBadges.tsx'
import { staffApi } from './staff-api.ts'
import { DecisionText } from './DecisionText.tsx'

/** The decision already taken: status, response, who and when. */
function DecisionDone ({ a, focusRef }: { a: AmendmentView; focusRef?: { current: HTMLDivElement | null } }) {
  if (!a.decision) return <p class="decision__none">{a.status === 'withdrawn' ? t('decisions.withdrawnNote') : t('decisions.noDecision')}</p>
  return (
    <div class="decision__done" ref={focusRef} tabIndex={-1} data-decided={a.status}>
      <p class="decision__done-title"><strong>{t('amendment.decisionTitle', { status: statusWord(a.status) })}</strong></p>
      <p class="decision__response">{a.decision.response}</p>
      <p class="decision__by">{t('amendment.decidedBy', { name: a.decision.by.displayName, date: formatDate(a.decision.at) })}</p>
    </div>
  )
}

/** The response field and the two decisions. */
function DecisionForm ({ a, onDecided }: { a: AmendmentView; onDecided: (a: AmendmentView, message: string) => void }) {
  const [response, setResponse] = useState('')
  const [state, setState] = useState<ActionState>(IDLE)
  const [invalid, setInvalid] = useState(false)
  const field = useRef<HTMLTextAreaElement>(null)
  const pending = state.kind === 'pending'
  const fieldId = `response-${a.id}`

  async function decide (status: 'accepted' | 'rejected') {
    if (pending) return
    if (!response.trim()) {
      setInvalid(true)
      setState({ kind: 'error', message: t('decisions.responseMissing') })
      field.current?.focus()
      return
    }
    setInvalid(false)
    setState({ kind: 'pending', message: status === 'accepted' ? t('decisions.accepting') : t('decisions.rejecting') })
    try {
      const decided = await staffApi.decide(a.id, status, response.trim())
      onDecided(decided, status === 'accepted' ? t('decisions.accepted') : t('decisions.rejected'))
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Decided (or withdrawn) meanwhile: show what it is now.
        try { onDecided(await api.amendment(a.id), t('decisions.alreadyDecided')) } catch { setState({ kind: 'error', message: errorMessage(err) }) }
        return
      }
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  return (
    <form class="decision__form" onSubmit={e => { e.preventDefault(); void decide('accepted') }} aria-busy={pending}>
      <label class="field__label" for={fieldId}>{t('decisions.response')} <span class="field__required">{t('common.required')}</span></label>
      <textarea
        id={fieldId}
        ref={field}
        class="field__input decision__textarea"
        rows={3}
        value={response}
        aria-invalid={invalid}
        aria-describedby={`${fieldId}-hint`}
        onInput={e => { setResponse((e.currentTarget as HTMLTextAreaElement).value); if (invalid) setInvalid(false) }}
      />
      <p id={`${fieldId}-hint`} class="field__hint">{t('decisions.responseHint')}</p>
      <div class="decision__buttons">
        <button type="button" class="button button--accept" data-decision="accepted" aria-disabled={pending} onClick={() => { void decide('accepted') }}>
          <span aria-hidden="true">✓ </span>{t('decisions.accept')}
        </button>
        <button type="button" class="button button--reject" data-decision="rejected" aria-disabled={pending} onClick={() => { void decide('rejected') }}>
          <span aria-hidden="true">✗ </span>{t('decisions.reject')}
        </button>
      </div>
      <Feedback state={state} />
    </form>
  )
}

/** One amendment of the list; `canDecide` shows the form on proposed amendments. */
export function DecisionRow ({ amendment: a, num, canDecide, onChange }: {
  amendment: AmendmentView
  /** The article's number, for labels. */
  num: string
  canDecide: boolean
  onChange: (a: AmendmentView) => void
}) {
  const [done, setDone] = useState<string | null>(null)
  const doneRef = useRef<HTMLDivElement>(null)
  const name = a.author.displayName
  const titleId = `amendment-title-${a.id}`

  function onDecided (next: AmendmentView, message: string) {
    setDone(message)
    onChange(next)
    requestAnimationFrame(() => doneRef.current?.focus())
  }

  return (
    <article class={`decision decision--${a.status}`} id={`amendment-${a.id}`} data-amendment-id={a.id} data-status={a.status} tabIndex={-1} aria-labelledby={titleId}>
      <header class="decision__head">
        <h3 class="decision__title" id={titleId}>
          <a href={`/amendments/${encodeURIComponent(a.id)}`}>{amendmentNumber(a)} · {a.kind === 'addArticle' ? additionTitle(a, num) : t('amendment.titleOf', { num })}</a>
        </h3>
        <p class="decision__meta">
          <AmendmentBadges amendment={a} />
          <AmendmentStatus status={a.status} />
          <span>{t('decisions.byOn', { date: formatDate(a.createdAt) })} <AuthorName author={a.author} /></span>
          {a.stale && <span class="badge badge--stale">{t('decisions.stale')}</span>}
          {a.hidden && <span class="badge badge--hidden">{hiddenNotice(a.hiddenReason)}</span>}
        </p>
        <TallyLine tally={a.tally} label={t('amendment.tally', { name })} />
      </header>
      <div class="decision__body">
        <div class="decision__text">
          <DecisionText amendment={a} name={name} onLoaded={onChange} />
          <h4 class="decision__label">{t('amendment.explanation')}</h4>
          <p class="decision__explanation">{a.explanation}</p>
        </div>
        <div class="decision__action">
          {a.status === 'proposed' && canDecide
            ? <DecisionForm a={a} onDecided={onDecided} />
            : <DecisionDone a={a} focusRef={doneRef} />}
          {done && <p class="feedback feedback--done" role="status">{done}</p>}
        </div>
      </div>
    </article>
  )
}
