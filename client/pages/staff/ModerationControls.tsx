/**
 * Hide or restore a contribution: a category from the short list (spam,
 * offensive, off topic, error, other), which the public placeholder names,
 * and the reason in the moderator's own words, which the author reads
 * (required). Pending, done and errors are said in a live region; what was
 * typed stays after an error.
 */
import { useState } from 'preact/hooks'
import type { ReportReason } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { reasonWord } from '../../components/ReportButton.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { staffApi, type ModerationActionView, type ModerationTargetRef } from './staff-api.ts'

/** The reasons a moderator may give, in the order of the report form. */
export const MODERATION_REASONS: readonly ReportReason[] = ['spam', 'offensive', 'off_topic', 'error', 'other']

/**
 * The reason select and the buttons: "Masquer" (or "Confirmer le masquage"
 * for content hidden automatically after reports) and, when hidden,
 * "Rétablir". `onDone` gets the action the server logged.
 */
export function ModerationControls ({ target, hidden, autoHidden, initialReason, idPrefix, onDone, hideButton = true }: {
  target: ModerationTargetRef
  hidden: boolean
  /** Hidden by the system after reports, pending a moderator's review. */
  autoHidden?: boolean
  initialReason: ReportReason
  idPrefix: string
  onDone: (action: ModerationActionView) => void
  /** Whether to offer "Masquer" (the log only offers "Rétablir"). */
  hideButton?: boolean
}) {
  const [reason, setReason] = useState<ReportReason>(initialReason)
  const [note, setNote] = useState('')
  const [state, setState] = useState<ActionState>(IDLE)
  const pending = state.kind === 'pending'
  const selectId = `${idPrefix}-reason`
  const noteId = `${idPrefix}-note`

  async function act (action: 'hide' | 'restore') {
    if (pending) return
    if (!note.trim()) {
      setState({ kind: 'error', message: t('moderation.noteMissing') })
      document.getElementById(noteId)?.focus()
      return
    }
    setState({ kind: 'pending', message: action === 'hide' ? t('moderation.hiding') : t('moderation.restoring') })
    try {
      const done = await staffApi.moderate(target, action, note.trim(), reason)
      setState({ kind: 'done', message: action === 'hide' ? t('moderation.hiddenDone', { reason: reasonWord(reason) }) : t('moderation.restoredDone') })
      onDone(done)
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  return (
    <form class="moderate" onSubmit={e => { e.preventDefault(); void act('hide') }} aria-busy={pending}>
      <div class="moderate__note">
        <label for={noteId} class="moderate__label">{hideButton ? t('moderation.note') : t('moderation.restoreReason')}</label>
        <textarea id={noteId} rows={2} maxLength={500} aria-required="true" value={note}
          aria-invalid={state.kind === 'error' && !note.trim() ? 'true' : undefined} aria-describedby={state.kind === 'error' ? `${idPrefix}-feedback` : undefined} onInput={e => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
      </div>
      <div class="moderate__row">
        {hideButton && (
          <>
            <label for={selectId} class="moderate__label">{t('moderation.reason')}</label>
            <select id={selectId} value={reason} onChange={e => setReason((e.currentTarget as HTMLSelectElement).value as ReportReason)}>
              {MODERATION_REASONS.map(r => <option key={r} value={r}>{reasonWord(r)}</option>)}
            </select>
          </>
        )}
        {hideButton && (!hidden || autoHidden) && (
          <button type="submit" class="button button--reject button--small" data-action="hide" aria-disabled={pending}>
            {hidden ? t('moderation.confirmHide') : t('moderation.hide')}
          </button>
        )}
        {hidden && (
          <button type="button" class="button button--secondary button--small" data-action="restore" aria-disabled={pending} onClick={() => { void act('restore') }}>
            {t('moderation.restore')}
          </button>
        )}
      </div>
      <Feedback state={state} id={`${idPrefix}-feedback`} />
    </form>
  )
}
