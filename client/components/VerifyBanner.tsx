/**
 * "Confirmez votre adresse pour voter": shown on a bill, article or
 * amendment whose consultation asks for a verified address, to a signed-in
 * reader whose address is not verified yet, with a button that sends the
 * link again. A bill that asks for an OpenID Connect sign-in says so.
 */
import { useState } from 'preact/hooks'
import type { SessionState } from '../session.ts'
import { t } from '../i18n/index.ts'
import { errorMessage } from '../errors.ts'
import { identityApi } from '../identity-api.ts'
import { Feedback, IDLE, type ActionState } from './Feedback.tsx'

/** The banner, or nothing when the reader meets the requirements (or is signed out). */
export function VerifyBanner ({ me, requirements }: { me: SessionState; requirements: readonly string[] | undefined }) {
  const [state, setState] = useState<ActionState>(IDLE)
  if (!me || !requirements) return null
  const needsOidc = requirements.includes('oidc') && !me.oidc
  const needsEmail = requirements.includes('verifiedEmail') && !me.emailVerified && !me.oidc
  if (!needsOidc && !needsEmail) return null

  async function resend () {
    if (state.kind === 'pending') return
    setState({ kind: 'pending', message: t('verify.sending') })
    try {
      await identityApi.resendVerification()
      setState({ kind: 'done', message: t('verify.sent', { email: me!.email }) })
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }

  return (
    <section class="banner verify-banner" role="region" aria-labelledby="verify-banner-title">
      <h2 id="verify-banner-title" class="verify-banner__title">{needsOidc ? t('verify.oidcTitle') : t('verify.bannerTitle')}</h2>
      <p>{needsOidc ? t('verify.oidcBody') : t('verify.bannerBody', { email: me.email })}</p>
      {needsOidc
        ? <p><a href="/login">{t('verify.oidcLink')}</a></p>
        : <p><button type="button" class="button button--secondary" onClick={() => { void resend() }} aria-disabled={state.kind === 'pending'}>{t('verify.resend')}</button></p>}
      <Feedback state={state} />
    </section>
  )
}
