/**
 * "Mot de passe oublié ?": asks for the address and says that a link is on
 * its way if an account uses it (the server answers the same either way).
 */
import { useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { useFormSubmit } from '../../form-submit.ts'
import { identityApi } from '../../identity-api.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Field } from '../../components/Field.tsx'
import { FormError } from '../../components/FormError.tsx'

/** The page asking for a reset link. */
export function ForgotPasswordPage () {
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const { pending, errors, form, onSubmit } = useFormSubmit(async () => {
    await identityApi.requestReset(email.trim())
    setSent(true)
  }, { fields: ['email'] })

  return (
    <div class="page page--narrow">
      <PageHeading title={t('forgot.title')} />
      {sent
        ? <p role="status" class="notice-box" data-sent="true">{t('forgot.sent', { email: email.trim() })}</p>
        : (
          <form class="form" ref={form} onSubmit={onSubmit} aria-busy={pending} noValidate>
            <p>{t('forgot.intro')}</p>
            <Field id="email" label={t('login.email')} type="email" autoComplete="email" required error={errors.fields.email} value={email} onValue={setEmail} />
            <FormError message={errors.message} />
            <button type="submit" class="button button--primary" aria-disabled={pending}>{t('forgot.submit')}</button>
          </form>
          )}
      <p class="form-aside"><a href="/login">{t('forgot.back')}</a></p>
    </div>
  )
}
