/**
 * `/verify?token=...`: the page a verification link opens. It confirms the
 * address once (the token is single-use), says so, and refreshes the
 * session so banners disappear; a wrong or used link says what to do.
 */
import { useEffect, useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { identityApi } from '../../identity-api.ts'
import { loadSession } from '../../session.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Loading } from '../../components/LoadError.tsx'

/** The verification page. */
export function VerifyPage ({ token }: { token: string | null }) {
  const [state, setState] = useState<{ kind: 'pending' } | { kind: 'done' } | { kind: 'error'; message: string }>({ kind: 'pending' })
  useEffect(() => {
    if (!token) { setState({ kind: 'error', message: t('verify.noToken') }); return }
    identityApi.verify(token).then(
      () => { setState({ kind: 'done' }); void loadSession() },
      err => setState({ kind: 'error', message: errorMessage(err) })
    )
  }, [token])
  return (
    <div class="page page--narrow">
      <PageHeading title={t('verify.title')} />
      {state.kind === 'pending' && <Loading />}
      {state.kind === 'done' && <p role="status" class="notice-box" data-verified="true">{t('verify.done')}</p>}
      {state.kind === 'error' && (
        <div role="alert" class="notice-box">
          <p><span aria-hidden="true">⚠ </span>{state.message}</p>
          <p>{t('verify.errorHelp')} <a href="/account">{t('account.title')}</a></p>
        </div>
      )}
      <p><a href="/">{t('notFound.home')}</a></p>
    </div>
  )
}
