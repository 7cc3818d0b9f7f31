/**
 * `/reset-password?token=...`: choose a new password with the link of the
 * reset mail (one hour, once). Every session ends: the reader signs in
 * again with the new password.
 */
import { useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { useFormSubmit } from '../../form-submit.ts'
import { identityApi } from '../../identity-api.ts'
import { loadSession } from '../../session.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Field } from '../../components/Field.tsx'
import { FormError } from '../../components/FormError.tsx'
import { LIMITS_PASSWORD_MIN } from '../../limits.ts'

/** The new-password page. */
export function ResetPasswordPage ({ token }: { token: string | null }) {
  const [password, setPassword] = useState('')
  const [done, setDone] = useState(false)
  // Without its token the link cannot reset anything: the form says so and sends nothing.
  const reset = token
    ? async () => {
      await identityApi.confirmReset(token, password)
      setDone(true)
      void loadSession()
    }
    : null
  const { pending, errors, form, onSubmit } = useFormSubmit(reset, {
    fields: ['password'],
    initial: token ? undefined : { message: t('verify.noToken'), fields: {} }
  })

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
