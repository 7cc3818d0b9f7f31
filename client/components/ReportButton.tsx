/**
 * "Signaler": a small modal dialog to report an argument or an amendment to
 * the moderators, with a reason from the short list and optional words.
 * The native <dialog> keeps the focus inside and closes on Escape; the
 * focus goes back to the button afterwards.
 */
import { useRef, useState } from 'preact/hooks'
import { api, type ReportReason, type ReportTargetRef } from '../api.ts'
import { getLocale, t } from '../i18n/index.ts'
import { contributionError } from '../contribution-errors.ts'
import { FormError } from './FormError.tsx'
import { FieldError } from './Field.tsx'
import { formErrors } from '../errors.ts'
import { REPORT_BODY_MAX } from '../limits.ts'

const REASONS: ReportReason[] = ['spam', 'offensive', 'off_topic', 'error', 'other']
const REASON_KEY = {
  spam: 'report.reason.spam', offensive: 'report.reason.offensive', off_topic: 'report.reason.off_topic',
  error: 'report.reason.error', other: 'report.reason.other'
} as const

/** The word for a moderation reason ("reported": hidden automatically after reports). */
export function reasonWord (reason: ReportReason | 'reported' | null): string {
  return reason === 'reported' ? t('report.reason.reported') : t(REASON_KEY[reason ?? 'other'])
}

/** "Masqué par la modération : hors sujet": what replaces hidden content. */
export function hiddenNotice (reason: ReportReason | 'reported' | null): string {
  return t('moderation.hidden', { reason: reasonWord(reason).toLocaleLowerCase(getLocale()) })
}

/** The report button and its dialog; `what` names the content ("cet argument"). */
export function ReportButton ({ target, what }: { target: ReportTargetRef; what: string }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [reason, setReason] = useState<ReportReason | null>(null)
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [pending, setPending] = useState(false)
  const [done, setDone] = useState(false)
  const base = `report-${target.type}-${target.id}`

  function open () {
    setError(null)
    setFields({})
    setDone(false)
    dialog.current?.showModal()
  }

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending) return
    if (!reason) { setError(t('error.fieldsSummary')); setFields({ reason: t('report.chooseReason') }); return }
    setPending(true)
    setError(null)
    setFields({})
    try {
      await api.report(target, reason, body.trim() || undefined)
      setDone(true)
      setReason(null)
      setBody('')
    } catch (err) {
      setError(contributionError(err))
      setFields(formErrors(err, ['reason', 'body']).fields)
    } finally {
      setPending(false)
    }
  }

  return (
    <>
      <button type="button" class="button button--link report-button" aria-haspopup="dialog" onClick={open}>
        {t('report.button')}<span class="sr-only"> {what}</span>
      </button>
      <dialog ref={dialog} class="dialog report-dialog" aria-labelledby={`${base}-title`}>
        {done
          ? (
            <div class="dialog__body">
              <h2 id={`${base}-title`} class="dialog__title">{t('report.title')}</h2>
              <p role="status">{t('report.done')}</p>
              <form method="dialog"><button class="button button--primary" autoFocus>{t('common.close')}</button></form>
            </div>
            )
          : (
            <form class="dialog__body form" onSubmit={onSubmit} aria-busy={pending}>
              <h2 id={`${base}-title`} class="dialog__title">{t('report.title')}</h2>
              <fieldset class="field field--choices" aria-describedby={fields.reason ? `${base}-reason-error` : undefined}>
                <legend class="field__label">{t('report.reason')}</legend>
                <FieldError id={`${base}-reason`} message={fields.reason} />
                {REASONS.map(r => (
                  <label key={r} class="choice">
                    <input type="radio" name={`${base}-reason`} value={r} checked={reason === r} onChange={() => setReason(r)} />
                    <span>{t(REASON_KEY[r])}</span>
                  </label>
                ))}
              </fieldset>
              <div class="field">
                <label class="field__label" for={`${base}-body`}>{t('report.body')}</label>
                <textarea id={`${base}-body`} class="field__input" rows={3} maxLength={REPORT_BODY_MAX} value={body}
                  aria-describedby={fields.body ? `${base}-body-error` : undefined} aria-invalid={fields.body ? 'true' : undefined}
                  onInput={e => setBody((e.currentTarget as HTMLTextAreaElement).value)} />
                <FieldError id={`${base}-body`} message={fields.body} />
              </div>
              <FormError message={error} />
              <div class="dialog__actions">
                <button type="submit" class="button button--primary" aria-disabled={pending}>{t('report.submit')}</button>
                <button type="button" class="button button--secondary" onClick={() => dialog.current?.close()}>{t('common.cancel')}</button>
              </div>
            </form>
            )}
      </dialog>
    </>
  )
}
