/**
 * The reader's account (`/account`): profile and settings (name, profile
 * type, language, notification e-mails, address confirmation), their
 * notifications, their contributions, and address, password, sessions,
 * their data (download) and erasure; and signing out.
 */
import { useState } from 'preact/hooks'
import type { User } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { signOut, type SessionState } from '../../session.ts'
import { navigate } from '../../router.tsx'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Loading } from '../../components/LoadError.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { announce } from '../../components/Announcer.tsx'
import { NotAllowed } from './common.tsx'
import { AccountSettings } from './AccountSettings.tsx'
import { AccountNotifications } from './AccountNotifications.tsx'
import { AccountContributions } from './AccountContributions.tsx'
import { AccountSecurity } from './AccountSecurity.tsx'

const ROLE_KEY = {
  citizen: 'account.role.citizen', author: 'account.role.author', staff: 'account.role.staff', moderator: 'account.role.moderator', admin: 'account.role.admin'
} as const

function Role ({ me }: { me: User }) {
  return (
    <dl class="profile">
      <div><dt>{t('register.displayName')}</dt><dd data-field="displayName">{me.displayName}</dd></div>
      <div><dt>{t('account.role')}</dt><dd data-field="role">{t(ROLE_KEY[me.role])}</dd></div>
    </dl>
  )
}

/** The page; signed out, it asks to sign in. */
export function AccountPage ({ me }: { me: SessionState; epoch: number }) {
  const [state, setState] = useState<ActionState>(IDLE)
  if (me === undefined) return <div class="page"><Loading /></div>
  if (me === null) return <NotAllowed status={401} />

  async function onSignOut () {
    setState({ kind: 'pending', message: t('session.signingOut') })
    try {
      await signOut()
      announce(t('session.signedOut'))
      navigate('/')
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  const moderator = me.role === 'moderator' || me.role === 'admin'
  return (
    <div class="page page--staff page--account">
      <PageHeading title={t('account.title')} />
      <section aria-labelledby="profile-title" class="account-section">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <Role me={me} />
        <AccountSettings me={me} key={me.id} />
        {moderator && <p><a href="/moderation">{t('moderation.title')}</a></p>}
        <p>
          <button type="button" class="button button--secondary" onClick={() => { void onSignOut() }} aria-busy={state.kind === 'pending'}>{t('session.signOut')}</button>
        </p>
        <Feedback state={state} />
      </section>
      <section aria-labelledby="notifications-title" class="account-section" id="notifications">
        <h2 id="notifications-title">{t('notif.title')}</h2>
        <p class="field__hint">{t('notif.hint')}</p>
        <AccountNotifications />
      </section>
      <section aria-labelledby="contributions-title" class="account-section">
        <h2 id="contributions-title">{t('account.contributions')}</h2>
        <AccountContributions />
      </section>
      <section aria-labelledby="security-title" class="account-section">
        <h2 id="security-title">{t('account.security')}</h2>
        <AccountSecurity me={me} />
      </section>
    </div>
  )
}
