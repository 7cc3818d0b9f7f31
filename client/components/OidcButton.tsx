/**
 * "Se connecter avec <provider>": shown on the sign-in page when the server
 * offers OpenID Connect (its label comes from ALINEA_OIDC_LABEL). A plain
 * link: the server redirects to the provider and back.
 */
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { identityApi } from '../identity-api.ts'

/** The button, or nothing when OIDC is not configured. */
export function OidcButton ({ next }: { next: string }) {
  const info = useResource(signal => identityApi.oidc(signal), [])
  if (!info.data?.enabled) return null
  return (
    <p class="oidc">
      <a class="button button--secondary" data-native href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(next)}`}>
        {t('login.oidc', { label: info.data.label })}
      </a>
    </p>
  )
}
