/**
 * `/reset-password?token=...`: choose a new password with the link of the
 * reset mail (one hour, once). Every session ends: the reader signs in
 * again with the new password.
 */
import { useRef, useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { NO_FORM_ERRORS, focusFirstInvalid, formErrors, type FormErrors } from '../../errors.ts'
import { identityApi } from '../../identity-api.ts'
import { loadSession } from '../../session.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Field } from '../../components/Field.tsx'
import { FormError } from '../../components/FormError.tsx'
import { LIMITS_PASSWORD_MIN } from '../../limits.ts'

/** The new-password page. */
export function ResetPasswordPage ({ token }: { token: string | null }) {
  const [password, setPassword] = useState('')
  const [pending, setPending] = useState(false)
  const [done, setDone] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(token ? NO_FORM_ERRORS : { message: t('verify.noToken'), fields: {} })
  const form = useRef<HTMLFormElement>(null)

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending || !token) return
    setPending(true)
    setErrors(NO_FORM_ERRORS)
    try {
      await identityApi.confirmReset(token, password)
      setDone(true)
      void loadSession()
    } catch (err) {
      setErrors(formErrors(err, ['password']))
      focusFirstInvalid(form.current)
    } finally {
      setPending(false)
    }
  }

  return (
    <div class="page page--narrow">
      <PageHeading title={t('reset.title')} />
      {done
        ? <p role="status" class="notice-box" data-reset="true">{t('reset.done')} <a href="/login">{t('session.signIn')}</a></p>
        : (
          <form class="form" ref={form} onSubmit={onSubmit} aria-busy={pending} noValidate>
            <Field id="new-password" label={t('reset.password')} type="password" autoComplete="new-password" required
              minLength={LIMITS_PASSWORD_MIN} hint={t('register.passwordHint', { min: LIMITS_PASSWORD_MIN })} error={errors.fields.password} value={password} onValue={setPassword} />
            <FormError message={errors.message} />
            <button type="submit" class="button button--primary" aria-disabled={pending}>{t('reset.submit')}</button>
          </form>
          )}
    </div>
  )
}
