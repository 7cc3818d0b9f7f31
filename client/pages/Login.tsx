/**
 * Sign in: email and password; on success, back to where the reader came
 * from (`?next=`, same-origin paths only). On error its message, in the
 * reader's language, is shown (next to the field it concerns) and the form
 * keeps its content.
 */
import { useRef, useState } from 'preact/hooks'
import { api } from '../api.ts'
import { t } from '../i18n/index.ts'
import { NO_FORM_ERRORS, focusFirstInvalid, formErrors, type FormErrors } from '../errors.ts'
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
  const [pending, setPending] = useState(false)
  const [errors, setErrors] = useState<FormErrors>(NO_FORM_ERRORS)
  const form = useRef<HTMLFormElement>(null)
  const target = safeReturnPath(next)

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending) return
    setPending(true)
    setErrors(NO_FORM_ERRORS)
    try {
      const user = await api.login({ email: email.trim(), password })
      signedIn(user)
      announce(t('login.done'))
      navigate(target, { replace: true })
    } catch (err) {
      // A refused sign-in is the wrong address or password (the server does not say which).
      setErrors(formErrors(err, ['email', 'password'], { unauthenticated: 'login.wrongCredentials' }))
      focusFirstInvalid(form.current)
      setPending(false)
    }
  }

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
