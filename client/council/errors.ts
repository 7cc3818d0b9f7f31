/** The words of a failed council call: the server's message, else a generic one with the status. */
import { ApiError } from '../api.ts'
import { t } from '../i18n/index.ts'

/** The message to show for `e`. */
export function councilError (e: unknown): string {
  if (e instanceof ApiError) return e.message || t('error.generic', { status: e.status })
  return t('error.generic', { status: 0 })
}
