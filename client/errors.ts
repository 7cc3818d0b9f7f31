/** Turns any failure into a sentence for the reader: the server's own message when it gave one. */
import { ApiError } from './api.ts'
import { t } from './i18n/index.ts'

/** Identity errors whose words the client has in every language (the server's are English). */
function codeMessage (err: ApiError): string | null {
  if (err.code === 'requirement_missing') {
    return (err.details as { requirement?: string } | undefined)?.requirement === 'oidc' ? t('error.code.requirement_missing_oidc') : t('error.code.requirement_missing')
  }
  if (err.code === 'invalid_token') return t('error.code.invalid_token')
  if (err.code === 'email_taken') return t('error.code.email_taken')
  if (err.code === 'wrong_password') return t('error.code.wrong_password')
  return null
}

/** The message to show for `err`: the server's `error.message`, or a plain fallback. */
export function errorMessage (err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network')
    const own = codeMessage(err)
    if (own) return own
    return err.message || t('error.generic', { status: err.status })
  }
  return err instanceof Error && err.message ? err.message : t('error.generic', { status: '?' })
}
