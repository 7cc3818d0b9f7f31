/**
 * The submit of an account form (sign in, register, forgotten and new
 * password): one request at a time, the form busy meanwhile; a refusal is
 * placed next to the fields it concerns (`formErrors`) and focus goes to the
 * first one marked, the form keeping its content. After a success the page
 * moves on or shows its result, so the form stays busy.
 */
import { useRef, useState } from 'preact/hooks'
import { NO_FORM_ERRORS, focusFirstInvalid, formErrors, type ErrorOverrides, type FormErrors } from './errors.ts'
import type { ErrorCode } from '../shared/error-codes.ts'

/** How a form words and places the server's refusals (see `formErrors`). */
export interface FormRefusals {
  /** The body's paths the form has a field for. */
  fields: readonly string[]
  overrides?: ErrorOverrides
  /** Codes that concern one field, e.g. `email_taken` -> `email`. */
  codeFields?: Partial<Record<ErrorCode, string>>
  /** The errors shown before any submit (a reset link without its token). */
  initial?: FormErrors
}

/** Submits with `send` (null while the form cannot be sent): the page binds the busy state, errors, form ref and `onSubmit`. */
export function useFormSubmit (send: (() => Promise<void>) | null, refusals: FormRefusals) {
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(refusals.initial ?? NO_FORM_ERRORS)
  const form = useRef<HTMLFormElement>(null)

  async function onSubmit (e: Event): Promise<void> {
    e.preventDefault()
    if (pending || !send) return
    setPending(true)
    setErrors(NO_FORM_ERRORS)
    try {
      await send()
    } catch (err) {
      setErrors(formErrors(err, refusals.fields, refusals.overrides, refusals.codeFields))
      focusFirstInvalid(form.current)
      setPending(false)
    }
  }

  return { pending, errors, form, onSubmit }
}
