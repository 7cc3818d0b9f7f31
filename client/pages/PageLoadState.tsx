/**
 * What a page shows in place of its content while its main data is missing:
 * « introuvable » for a 404 (with the page's own title), the error with
 * "Try again", or loading.
 */
import { ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { NotFoundPage } from './NotFound.tsx'

/** The page in place of one whose data did not load (yet); `notFound` titles the 404. */
export function PageLoadState ({ error, onRetry, notFound }: { error: unknown; onRetry: () => void; notFound: string }) {
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage title={notFound} />
  return error
    ? <div class="page"><PageHeading title={t('error.title')} /><LoadError error={error} onRetry={onRetry} /></div>
    : <div class="page"><Loading /></div>
}
