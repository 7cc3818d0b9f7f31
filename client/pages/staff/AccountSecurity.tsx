/**
 * Address, password, sessions, one's data and erasure: change the address
 * (verified again), change the password (other sessions end), sign out
 * everywhere, download everything as JSON, delete the account (confirmed
 * with the password).
 */
import { useRef, useState } from 'preact/hooks'
import type { User } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { focusFirstInvalid, formErrors, type FormErrors } from '../../errors.ts'
import { identityApi } from '../../identity-api.ts'
import { loadSession, signedIn } from '../../session.ts'
import { navigate } from '../../router.tsx'
import { Field } from '../../components/Field.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { announce } from '../../components/Announcer.tsx'
import { LIMITS_PASSWORD_MIN } from '../../limits.ts'

type Run = (work: () => Promise<string>) => Promise<void>

/** A form's action: its state, the runner, the errors of its fields (`names`: the body's paths; `wrong_password` goes next to `passwordField`). */
function useAction (names: readonly string[] = [], passwordField?: string): [ActionState, Run, FormErrors['fields'], (form: HTMLFormElement | null) => void] {
  const [state, setState] = useState<ActionState>(IDLE)
  const [fields, setFields] = useState<FormErrors['fields']>({})
  const form = useRef<HTMLFormElement | null>(null)
  const run: Run = async work => {
    if (state.kind === 'pending') return
    setState({ kind: 'pending', message: t('common.loading') })
    setFields({})
    try {
      setState({ kind: 'done', message: await work() })
    } catch (err) {
      const e = formErrors(err, names, {}, passwordField ? { wrong_password: passwordField } : {})
      setState({ kind: 'error', message: e.message ?? '' })
      setFields(e.fields)
      focusFirstInvalid(form.current)
    }
  }
  return [state, run, fields, el => { form.current = el }]
}

function EmailForm ({ me }: { me: User }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [state, run, fields, formRef] = useAction(['email', 'password'], 'password')
  return (
    <form class="form" ref={formRef} noValidate onSubmit={e => {
      e.preventDefault()
      void run(async () => {
        signedIn(await identityApi.changeEmail(email.trim(), password))
        setPassword('')
        return t('account.emailChanged', { email: email.trim() })
      })
    }}>
      <h3>{t('account.changeEmail')}</h3>
      <Field id="new-email" label={t('account.newEmail')} type="email" autoComplete="email" required error={fields.email} value={email} onValue={setEmail} />
      {me.hasPassword && <Field id="email-password" label={t('account.currentPassword')} type="password" autoComplete="current-password" required error={fields.password} value={password} onValue={setPassword} />}
      <button type="submit" class="button button--secondary">{t('account.changeEmail')}</button>
      <Feedback state={state} />
    </form>
  )
}

function PasswordForm () {
  const [current, setCurrent] = useState('')
  const [password, setPassword] = useState('')
  const [state, run, fields, formRef] = useAction(['current', 'password'], 'current')
  return (
    <form class="form" ref={formRef} noValidate onSubmit={e => {
      e.preventDefault()
      void run(async () => {
        await identityApi.changePassword(current, password)
        setCurrent(''); setPassword('')
        return t('account.passwordChanged')
      })
    }}>
      <h3>{t('account.changePassword')}</h3>
      <Field id="current-password" label={t('account.currentPassword')} type="password" autoComplete="current-password" required error={fields.current} value={current} onValue={setCurrent} />
      <Field id="account-new-password" label={t('reset.password')} type="password" autoComplete="new-password" required minLength={LIMITS_PASSWORD_MIN}
        hint={t('register.passwordHint', { min: LIMITS_PASSWORD_MIN })} error={fields.password} value={password} onValue={setPassword} />
      <button type="submit" class="button button--secondary">{t('account.changePassword')}</button>
      <Feedback state={state} />
    </form>
  )
}

function DeleteForm ({ me }: { me: User }) {
  const [password, setPassword] = useState('')
  const [sure, setSure] = useState(false)
  const [state, run, fields, formRef] = useAction(['password'], 'password')
  return (
    <form class="form account-delete" ref={formRef} onSubmit={e => {
      e.preventDefault()
      if (!sure) return
      void run(async () => {
        await identityApi.deleteMe(password || undefined)
        await loadSession()
        announce(t('account.deleted'))
        navigate('/')
        return t('account.deleted')
      })
    }}>
      <h3>{t('account.delete')}</h3>
      <p>{t('account.deleteExplain')}</p>
      {me.hasPassword && <Field id="delete-password" label={t('account.currentPassword')} type="password" autoComplete="current-password" required error={fields.password} value={password} onValue={setPassword} />}
      <label class="choice"><input type="checkbox" checked={sure} onChange={e => setSure((e.currentTarget as HTMLInputElement).checked)} required /> {t('account.deleteConfirm')}</label>
      <button type="submit" class="button button--danger" aria-disabled={!sure}>{t('account.delete')}</button>
      <Feedback state={state} />
    </form>
  )
}

/** The section. */
export function AccountSecurity ({ me }: { me: User }) {
  const [state, run] = useAction()
  return (
    <>
      <EmailForm me={me} />
      {me.hasPassword && <PasswordForm />}
      <div class="form">
        <h3>{t('account.sessions')}</h3>
        <p><button type="button" class="button button--secondary" onClick={() => {
          void run(async () => {
            await identityApi.logoutEverywhere()
            await loadSession()
            navigate('/login')
            return t('account.loggedOutEverywhere')
          })
        }}>{t('account.logoutEverywhere')}</button></p>
        <Feedback state={state} />
      </div>
      <div class="form">
        <h3>{t('account.myData')}</h3>
        <p>{t('account.exportExplain')}</p>
        <p><a class="button button--secondary" href="/api/v1/me/export" download="alinea-mes-donnees.json" data-native>{t('account.export')}</a></p>
      </div>
      <DeleteForm me={me} />
    </>
  )
}
