/**
 * Posting an argument on one side: a button opens a plain-text field; on
 * success the field empties and the argument joins the list; on failure the
 * reason is shown in words (client/contribution-errors.ts), the field marked
 * invalid and described by it, and the text stays where it was.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { api, type ArgumentSide, type ArgumentTargetRef, type ArgumentView } from '../api.ts'
import { ARGUMENT_MAX } from '../limits.ts'
import { t } from '../i18n/index.ts'
import { contributionError } from '../contribution-errors.ts'
import { FormError } from './FormError.tsx'
import { announce } from './Announcer.tsx'

const SIDE_KEY = {
  open: { for: 'argument.addFor', against: 'argument.addAgainst' },
  label: { for: 'argument.labelFor', against: 'argument.labelAgainst' },
  submit: { for: 'argument.submitFor', against: 'argument.submitAgainst' }
} as const

/** The form of one side; `onPosted` receives the new argument. */
export function ArgumentForm ({ target, side, onPosted }: { target: ArgumentTargetRef; side: ArgumentSide; onPosted: (a: ArgumentView) => void }) {
  const [open, setOpen] = useState(false)
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  const area = useRef<HTMLTextAreaElement>(null)
  const id = `argument-form-${target.id}-${side}`
  const wasOpen = useRef(false)
  const opener = useRef<HTMLButtonElement>(null)
  const posted = useRef(false)

  useEffect(() => {
    if (open && !wasOpen.current) area.current?.focus()
    // Published: the form closes and focus returns to the button that opens it.
    if (!open && wasOpen.current && posted.current) { posted.current = false; opener.current?.focus() }
    wasOpen.current = open
  }, [open])

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending) return
    if (!body.trim()) { setError(t('argument.empty')); area.current?.focus(); return }
    setPending(true)
    setError(null)
    try {
      const created = await api.postArgument(target, side, body.trim())
      setBody('')
      onPosted(created)
      announce(t('argument.posted'))
      posted.current = true
      setOpen(false)
    } catch (err) {
      setError(contributionError(err))
      area.current?.focus()
    } finally {
      setPending(false)
    }
  }

  if (!open) {
    return (
      <button ref={opener} type="button" class={`button button--secondary argument-form__open argument-form__open--${side}`} aria-expanded="false" aria-controls={id} onClick={() => setOpen(true)}>
        {t(SIDE_KEY.open[side])}
      </button>
    )
  }
  return (
    <form class="argument-form" id={id} onSubmit={onSubmit} aria-busy={pending}>
      <div class="field">
        <label class="field__label" for={`${id}-body`}>{t(SIDE_KEY.label[side])}</label>
        <textarea
          ref={area} id={`${id}-body`} class="field__input" rows={4} maxLength={ARGUMENT_MAX}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} aria-invalid={error ? 'true' : undefined} value={body} onInput={e => setBody((e.currentTarget as HTMLTextAreaElement).value)}
        />
        <p class="field__hint" id={`${id}-hint`}>{t('argument.hint', { max: ARGUMENT_MAX, n: body.length })}</p>
      </div>
      <FormError id={`${id}-error`} message={error} />
      <div class="argument-form__actions">
        <button type="submit" class="button button--primary" aria-disabled={pending}>{pending ? t('argument.posting') : t(SIDE_KEY.submit[side])}</button>
        <button type="button" class="button button--link" onClick={() => { setOpen(false); setError(null) }}>{t('common.cancel')}</button>
      </div>
    </form>
  )
}
