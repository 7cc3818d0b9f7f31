/** Turns any failure into a sentence for the reader: the server's own message when it gave one. */
import { ApiError } from './api.ts'
import { t } from './i18n/index.ts'

/** The message to show for `err`: the server's `error.message`, or a plain fallback. */
export function errorMessage (err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network')
    return err.message || t('error.generic', { status: err.status })
  }
  return err instanceof Error && err.message ? err.message : t('error.generic', { status: '?' })
}
