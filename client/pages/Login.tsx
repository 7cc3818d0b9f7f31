/**
 * Sign in: email and password; on success, back to where the reader came
 * from (`?next=`, same-origin paths only). On error its message, in the
 * reader's language, is shown (next to the field it concerns) and the form
 * keeps its content.
 */
import { useState } from 'preact/hooks'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { useFormSubmit } from '../form-submit.ts'
import { navigate, safeReturnPath } from '../router.tsx'
import { signedIn } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Field } from '../components/Field.tsx'
import { FormError } from '../components/FormError.tsx'
import { announce } from '../components/Announcer.tsx'
import { OidcButton } from '../components/OidcButton.tsx'

/** The sign-in page; `next` is where to go afterwards. */
export function LoginPage ({ next }: { next: string | null }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const target = safeReturnPath(next)
  const { pending, errors, form, onSubmit } = useFormSubmit(async () => {
    const user = await api.login({ email: email.trim(), password })
    signedIn(user)
    announce(t('login.done'))
    navigate(target, { replace: true })
  }, {
    fields: ['email', 'password'],
    // A refused sign-in is the wrong address or password (the server does not say which).
    overrides: { unauthenticated: 'login.wrongCredentials' }
  })

  return (
    <div class="page page--narrow">
      <PageHeading title={t('login.title')} />
      <form class="form" ref={form} onSubmit={onSubmit} aria-busy={pending} noValidate>
        <Field id="email" label={t('login.email')} type="email" autoComplete="email" required error={errors.fields.email} value={email} onValue={setEmail} />
        <Field id="password" label={t('login.password')} type="password" autoComplete="current-password" required error={errors.fields.password} value={password} onValue={setPassword} />
        <FormError message={errors.message} />
        <button type="submit" class="button button--primary" aria-disabled={pending}>
          {pending ? t('login.pending') : t('login.submit')}
        </button>
      </form>
      <p class="form-aside"><a href="/forgot-password">{t('login.forgot')}</a></p>
      <OidcButton next={target} />
      <p class="form-aside">
        {t('login.noAccount')}{' '}
        <a href={next ? `/register?next=${encodeURIComponent(target)}` : '/register'}>{t('session.register')}</a>
      </p>
    </div>
  )
}
