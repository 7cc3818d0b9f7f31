/**
 * The message for a refused contribution (argument, amendment, vote,
 * report): the rules a citizen meets most often are written in the
 * reader’s language, with the contribution’s own words; anything else is
 * the message of its error code (client/errors.ts).
 */
import { ApiError } from './api.ts'
import { errorMessage } from './errors.ts'
import { t } from './i18n/index.ts'

/** A sentence explaining why the server refused a contribution. */
export function contributionError (err: unknown): string {
  if (!(err instanceof ApiError)) return errorMessage(err)
  if (err.status === 429) {
    const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
    return typeof wait === 'number' && wait > 0 ? t('contrib.rateLimitedIn', { s: Math.ceil(wait) }) : t('contrib.rateLimited')
  }
  if (err.status === 401) return t('contrib.signIn')
  switch (err.code) {
    case 'identical': return t('contrib.identical')
    case 'consultation_closed': return t('contrib.closed')
    case 'own_argument': return t('contrib.ownArgument')
    case 'own_content': return t('contrib.ownContent')
    case 'amendment_closed': return t('contrib.amendmentClosed')
    case 'article_removed': return t('contrib.articleRemoved')
    default: return errorMessage(err)
  }
}
