/**
 * The account's profile and settings: display name, profile type,
 * language of mails and notification e-mails (at once, daily, never), and
 * whether the address is confirmed (with "renvoyer le lien").
 */
import { useRef, useState } from 'preact/hooks'
import type { User } from '../../api.ts'
import { setLocale, t } from '../../i18n/index.ts'
import { errorMessage, focusFirstInvalid, formErrors } from '../../errors.ts'
import { identityApi } from '../../identity-api.ts'
import { signedIn } from '../../session.ts'
import { Field } from '../../components/Field.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { DISPLAY_NAME_MAX } from '../../limits.ts'

const PROFILES = ['citizen', 'organisation', 'institution'] as const
const PROFILE_KEY = { citizen: 'synthesis.profile.citizen', organisation: 'synthesis.profile.organisation', institution: 'synthesis.profile.institution' } as const
const NOTIFY = ['immediate', 'daily', 'off'] as const

/** The settings form. */
export function AccountSettings ({ me }: { me: User }) {
  const [name, setName] = useState(me.displayName)
  const [profileType, setProfileType] = useState(me.profileType)
  const [locale, setMailLocale] = useState(me.locale)
  const [notify, setNotify] = useState(me.notify)
  const [state, setState] = useState<ActionState>(IDLE)
  const [resend, setResend] = useState<ActionState>(IDLE)
  const [nameError, setNameError] = useState<string | undefined>(undefined)
  const form = useRef<HTMLFormElement>(null)

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (state.kind === 'pending') return
    setState({ kind: 'pending', message: t('common.loading') })
    setNameError(undefined)
    try {
      const user = await identityApi.patchMe({ displayName: name.trim(), profileType, locale, notify })
      signedIn(user)
      if (locale !== me.locale) setLocale(locale)
      setState({ kind: 'done', message: t('account.saved') })
    } catch (err) {
      const e = formErrors(err, ['displayName'], {}, { display_name_taken: 'displayName' })
      setState({ kind: 'error', message: e.message ?? '' })
      setNameError(e.fields.displayName)
      focusFirstInvalid(form.current)
    }
  }

  async function onResend () {
    setResend({ kind: 'pending', message: t('verify.sending') })
    try {
      await identityApi.resendVerification()
      setResend({ kind: 'done', message: t('verify.sent', { email: me.email }) })
    } catch (err) {
      setResend({ kind: 'error', message: errorMessage(err) })
    }
  }

  return (
    <>
      <dl class="profile">
        <div><dt>{t('register.email')}</dt><dd data-field="email">{me.email}{' '}
          <span class="email-status" data-verified={me.emailVerified ? 'true' : 'false'}>
            ({me.emailVerified ? t('account.emailVerified') : t('account.emailUnverified')})
          </span></dd></div>
      </dl>
      {!me.emailVerified && (
        <p><button type="button" class="button button--secondary" onClick={() => { void onResend() }}>{t('verify.resend')}</button></p>
      )}
      <Feedback state={resend} />
      <form class="form account-settings" ref={form} noValidate onSubmit={onSubmit} aria-busy={state.kind === 'pending'}>
        <Field id="displayName" label={t('register.displayName')} required maxLength={DISPLAY_NAME_MAX} error={nameError} value={name} onValue={setName} autoComplete="nickname" />
        <fieldset class="field">
          <legend class="field__label">{t('account.profileType')}</legend>
          {PROFILES.map(p => (
            <label key={p} class="choice"><input type="radio" name="profileType" value={p} checked={profileType === p} onChange={() => setProfileType(p)} /> {t(PROFILE_KEY[p])}</label>
          ))}
        </fieldset>
        <fieldset class="field">
          <legend class="field__label">{t('account.mailLanguage')}</legend>
          <label class="choice"><input type="radio" name="locale" value="fr" checked={locale === 'fr'} onChange={() => setMailLocale('fr')} /> Français</label>
          <label class="choice"><input type="radio" name="locale" value="en" checked={locale === 'en'} onChange={() => setMailLocale('en')} /> English</label>
        </fieldset>
        <fieldset class="field">
          <legend class="field__label">{t('account.notify')}</legend>
          {NOTIFY.map(n => (
            <label key={n} class="choice"><input type="radio" name="notify" value={n} checked={notify === n} onChange={() => setNotify(n)} /> {t(`account.notify.${n}`)}</label>
          ))}
        </fieldset>
        <button type="submit" class="button button--primary">{t('account.save')}</button>
        <Feedback state={state} />
      </form>
    </>
  )
}
