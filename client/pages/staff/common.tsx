/**
 * Pieces shared by the editors', moderators' and clerks' pages: the bill's
 * tools (a small navigation between its text, the editors' space, the
 * amendments to decide, the consolidated text and the synthesis), a page
 * that could not load, and the "not allowed" page (401 or 403).
 */
import type { ComponentChildren } from 'preact'
import { ApiError } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { currentPath } from '../../router.tsx'
import { PageHeading } from '../../components/PageHeading.tsx'
import { PageLoadState } from '../PageLoadState.tsx'

/** The pages of a bill the tools link to. */
export type BillToolPage = 'bill' | 'edit' | 'amendments' | 'consolidated' | 'synthesis'

/** The path of one of a bill's pages. */
export function billPath (billId: string, page: BillToolPage = 'bill'): string {
  const base = `/bills/${encodeURIComponent(billId)}`
  return page === 'bill' ? base : `${base}/${page}`
}

/**
 * Links between a bill's pages; the current one is marked `aria-current`.
 * Editors (`canEdit`) also get the editors' space and the amendments to decide.
 */
export function BillTools ({ billId, current, canEdit }: { billId: string; current?: BillToolPage; canEdit: boolean }) {
  const links: [BillToolPage, string][] = [
    ['bill', t('staff.nav.bill')],
    ...(canEdit ? [['edit', t('staff.nav.edit')], ['amendments', t('staff.nav.amendments')]] as [BillToolPage, string][] : []),
    ['consolidated', t('staff.nav.consolidated')],
    ['synthesis', t('staff.nav.synthesis')]
  ]
  return (
    <nav class="bill-tools" aria-label={t('staff.nav.label')}>
      <ul>
        {links.map(([page, label]) => (
          <li key={page}><a href={billPath(billId, page)} aria-current={page === current ? 'page' : undefined}>{label}</a></li>
        ))}
      </ul>
    </nav>
  )
}

/** A page that needs a sign-in (401) or a role the reader lacks (403). */
export function NotAllowed ({ status, message }: { status: number; message?: string }) {
  const signIn = status === 401
  return (
    <div class="page page--narrow" data-not-allowed={signIn ? 'signin' : 'forbidden'}>
      <PageHeading title={signIn ? t('staff.signInTitle') : t('staff.forbiddenTitle')} />
      <div class="load-error" role="alert">
        <p><span aria-hidden="true">⚠ </span>{message ?? (signIn ? t('staff.signInBody') : t('staff.forbiddenBody'))}</p>
      </div>
      <p class="form-aside">
        {signIn
          ? <a href={`/login?next=${encodeURIComponent(currentPath())}`}>{t('session.signIn')}</a>
          : <a href="/">{t('notFound.home')}</a>}
      </p>
    </div>
  )
}

/**
 * What a staff page shows while its main data is missing: not allowed (401,
 * 403), or as any page (`PageLoadState`: not found, the error with "Try
 * again", loading).
 */
export function PageState ({ error, onRetry, notFound, forbidden }: {
  error: unknown
  onRetry: () => void
  notFound: string
  /** Shown for a 403 instead of the server's message. */
  forbidden?: string
}): ComponentChildren {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return <NotAllowed status={error.status} message={error.status === 403 ? forbidden : undefined} />
  return <PageLoadState error={error} onRetry={onRetry} notFound={notFound} />
}
