/**
 * The site header: the Alinea name (home link), the language switch and
 * the sign-in state (name and sign out, or sign in / create an account
 * links that come back to the current page).
 */
import { useState } from 'preact/hooks'
import { t, type Locale } from '../i18n/index.ts'
import { signOut, type SessionState } from '../session.ts'
import { currentPath, useLocation } from '../router.tsx'
import { errorMessage } from '../errors.ts'
import { announce } from './Announcer.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { NotificationCount } from './NotificationCount.tsx'

/** The header shown on every page. */
export function Header ({ me, locale }: { me: SessionState; locale: Locale }) {
  const loc = useLocation()
  const [pending, setPending] = useState(false)
  const onAuthPage = loc.path === '/login' || loc.path === '/register'
  const next = onAuthPage ? (loc.query.get('next') ?? '/') : currentPath()
  const withNext = (path: string) => next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path

  async function onSignOut () {
    setPending(true)
    try {
      await signOut()
      announce(t('session.signedOut'))
    } catch (err) {
      announce(errorMessage(err))
    } finally {
      setPending(false)
    }
  }

  return (
    <header class="site-header">
      <div class="wrap site-header__inner">
        <a class="brand" href="/">
          <span class="brand__mark" aria-hidden="true">¶</span>
          <span class="brand__name">{t('app.name')}</span>
        </a>
        <nav class="site-nav" aria-label={t('nav.main')}>
          <LanguageSwitch locale={locale} />
          {me === undefined
            ? null
            : me
              ? (
                <div class="session">
                  {(me.role === 'author' || me.role === 'staff' || me.role === 'admin') && (
                    <a href="/workspace" aria-current={loc.path === '/workspace' ? 'page' : undefined}>{t('nav.workspace')}</a>
                  )}
                  {(me.role === 'moderator' || me.role === 'admin') && (
                    <a href="/moderation" aria-current={loc.path === '/moderation' ? 'page' : undefined}>{t('nav.moderation')}</a>
                  )}
                  <NotificationCount userId={me.id} />
                  <a class="session__name" href="/account" aria-current={loc.path === '/account' ? 'page' : undefined}>{t('session.signedInAs', { name: me.displayName })}</a>
                  <button type="button" class="button button--link" onClick={onSignOut} disabled={pending} aria-busy={pending}>
                    {pending ? t('session.signingOut') : t('session.signOut')}
                  </button>
                </div>
                )
              : (
                <div class="session">
                  <a href={withNext('/login')} aria-current={loc.path === '/login' ? 'page' : undefined}>{t('session.signIn')}</a>
                  <a href={withNext('/register')} aria-current={loc.path === '/register' ? 'page' : undefined}>{t('session.register')}</a>
                </div>
                )}
        </nav>
      </div>
    </header>
  )
}
