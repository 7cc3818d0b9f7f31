/**
 * Create an account: display name, email, password (with its minimum
 * length) and the profile type the participant takes part as. Signs in
 * on success and goes back to `?next=`.
 */
import { useState } from 'preact/hooks'
import { api } from '../api.ts'
import { LIMITS_PASSWORD_MIN, PROFILE_TYPES, type ProfileType } from '../limits.ts'
import { getLocale, t } from '../i18n/index.ts'
import { useFormSubmit } from '../form-submit.ts'
import { navigate, safeReturnPath } from '../router.tsx'
import { signedIn } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Field } from '../components/Field.tsx'
import { FormError } from '../components/FormError.tsx'
import { announce } from '../components/Announcer.tsx'

const PROFILE_KEY = {
  citizen: 'register.profile.citizen',
  organisation: 'register.profile.organisation',
  institution: 'register.profile.institution'
} as const

/** The registration page; `next` is where to go afterwards. */
export function RegisterPage ({ next }: { next: string | null }) {
  const [displayName, setDisplayName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [profileType, setProfileType] = useState<ProfileType>('citizen')
  const target = safeReturnPath(next)
  const { pending, errors, form, onSubmit } = useFormSubmit(async () => {
    const user = await api.register({ displayName: displayName.trim(), email: email.trim(), password, profileType, locale: getLocale() })
    signedIn(user)
    announce(t('register.done'))
    navigate(target, { replace: true })
  }, {
    fields: ['displayName', 'email', 'password', 'profileType'],
    codeFields: { email_taken: 'email', display_name_taken: 'displayName' }
  })

  return (
    <div class="page page--narrow">
      <PageHeading title={t('register.title')} />
      <form class="form" ref={form} onSubmit={onSubmit} aria-busy={pending} noValidate>
        <Field id="displayName" label={t('register.displayName')} hint={t('register.displayNameHint')} autoComplete="nickname" required maxLength={80} error={errors.fields.displayName} value={displayName} onValue={setDisplayName} />
        <Field id="email" label={t('register.email')} hint={t('register.emailHint')} type="email" autoComplete="email" required error={errors.fields.email} value={email} onValue={setEmail} />
        <Field
          id="password" label={t('register.password')} hint={t('register.passwordHint', { min: LIMITS_PASSWORD_MIN })}
          type="password" autoComplete="new-password" required minLength={LIMITS_PASSWORD_MIN} error={errors.fields.password} value={password} onValue={setPassword}
        />
        <fieldset class="field field--choices">
          <legend class="field__label">{t('register.profileType')}</legend>
          {PROFILE_TYPES.map(p => (
            <label key={p} class="choice">
              <input type="radio" name="profileType" value={p} checked={profileType === p} onChange={() => setProfileType(p)} />
              <span>{t(PROFILE_KEY[p])}</span>
            </label>
          ))}
        </fieldset>
        <FormError message={errors.message} />
        <button type="submit" class="button button--primary" aria-disabled={pending}>
          {pending ? t('register.pending') : t('register.submit')}
        </button>
      </form>
      <p class="form-aside">
        {t('register.haveAccount')}{' '}
        <a href={next ? `/login?next=${encodeURIComponent(target)}` : '/login'}>{t('session.signIn')}</a>
      </p>
    </div>
  )
}
