/** A failed load: the server's message and a way to try again. */
import { errorMessage } from '../errors.ts'
import { t } from '../i18n/index.ts'

/** Shows why loading failed, with a "Try again" button. */
export function LoadError ({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div class="load-error" role="alert">
      <p><span aria-hidden="true">⚠ </span>{errorMessage(error)}</p>
      <button type="button" class="button button--secondary" onClick={onRetry}>{t('common.retry')}</button>
    </div>
  )
}

/** A short loading notice, announced politely. */
export function Loading () {
  return <p class="loading" role="status">{t('common.loading')}</p>
}
