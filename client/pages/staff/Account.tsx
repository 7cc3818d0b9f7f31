/**
 * The reader's account (`/account`): their profile (display name, email,
 * role, profile type), what moderation did to their contributions and why
 * (`GET /me/notifications`, with "voir plus"; there is no list of one's own
 * contributions in the API yet), and signing out.
 */
import { useState } from 'preact/hooks'
import type { User } from '../../api.ts'
import { formatDate, t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { signOut, type SessionState } from '../../session.ts'
import { navigate } from '../../router.tsx'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Loading, LoadError } from '../../components/LoadError.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'
import { announce } from '../../components/Announcer.tsx'
import { reasonWord } from '../../components/ReportButton.tsx'
import { staffApi, type NotificationView } from './staff-api.ts'
import { NotAllowed } from './common.tsx'

const ROLE_KEY = {
  citizen: 'account.role.citizen', author: 'account.role.author', staff: 'account.role.staff', moderator: 'account.role.moderator', admin: 'account.role.admin'
} as const
const PROFILE_KEY = { citizen: 'synthesis.profile.citizen', organisation: 'synthesis.profile.organisation', institution: 'synthesis.profile.institution' } as const

/** "Votre argument a été masqué par la modération : hors sujet." */
function notificationText (n: NotificationView): string {
  const key = n.target.type === 'amendment'
    ? (n.action === 'hide' ? 'account.notif.amendmentHidden' : 'account.notif.amendmentRestored')
    : (n.action === 'hide' ? 'account.notif.argumentHidden' : 'account.notif.argumentRestored')
  return t(key, { reason: reasonWord(n.reason).toLocaleLowerCase() })
}

function Notifications () {
  const first = useResource(signal => staffApi.notifications(null, signal), [])
  const [more, setMore] = useState<{ items: NotificationView[]; next: string | null } | null>(null)
  const [state, setState] = useState<ActionState>(IDLE)
  if (first.data === undefined) return first.error ? <LoadError error={first.error} onRetry={first.reload} /> : <Loading />
  const items = [...first.data.items, ...(more?.items ?? [])]
  const next = more ? more.next : first.data.next

  async function loadMore () {
    if (!next || state.kind === 'pending') return
    setState({ kind: 'pending', message: t('common.loading') })
    try {
      const page = await staffApi.notifications(next)
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next })
      setState(IDLE)
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  return (
    <>
      {items.length === 0 && <p class="empty">{t('account.noNotifications')}</p>}
      <ul class="notifications">
        {items.map(n => (
          <li key={n.id} class={`notification notification--${n.action}`} data-action={n.action} data-reason={n.reason}>
            <p class="notification__text"><span aria-hidden="true">{n.action === 'hide' ? '⊘ ' : '↺ '}</span>{notificationText(n)}</p>
            <p class="notification__meta">
              <time dateTime={n.at}>{formatDate(n.at, true)}</time>
              <span aria-hidden="true"> · </span>
              <a href={n.target.type === 'amendment' ? `/amendments/${encodeURIComponent(n.target.id)}` : `/bills/${encodeURIComponent(n.billId)}`}>
                {n.target.type === 'amendment' ? t('account.seeAmendment') : t('account.seeBill')}
              </a>
            </p>
          </li>
        ))}
      </ul>
      {next && <p><button type="button" class="button button--secondary" onClick={() => { void loadMore() }}>{t('common.more')}</button></p>}
      <Feedback state={state} />
    </>
  )
}

function Profile ({ me }: { me: User }) {
  return (
    <dl class="profile">
      <div><dt>{t('register.displayName')}</dt><dd data-field="displayName">{me.displayName}</dd></div>
      <div><dt>{t('register.email')}</dt><dd data-field="email">{me.email}</dd></div>
      <div><dt>{t('account.role')}</dt><dd data-field="role">{t(ROLE_KEY[me.role])}</dd></div>
      <div><dt>{t('account.profileType')}</dt><dd data-field="profileType">{t(PROFILE_KEY[me.profileType])}</dd></div>
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
        <Profile me={me} />
        {moderator && <p><a href="/moderation">{t('moderation.title')}</a></p>}
        <p>
          <button type="button" class="button button--secondary" onClick={() => { void onSignOut() }} aria-busy={state.kind === 'pending'}>{t('session.signOut')}</button>
        </p>
        <Feedback state={state} />
      </section>
      <section aria-labelledby="notifications-title" class="account-section">
        <h2 id="notifications-title">{t('account.notifications')}</h2>
        <p class="field__hint">{t('account.notificationsHint')}</p>
        <Notifications />
      </section>
    </div>
  )
}
