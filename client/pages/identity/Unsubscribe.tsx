/**
 * `/unsubscribe?token=...`: the link at the foot of notification mails. It
 * works without signing in; opening the page changes nothing until the
 * button is pressed (link checkers and previews open links too).
 */
import { useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { errorMessage } from '../../errors.ts'
import { identityApi } from '../../identity-api.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { Feedback, IDLE, type ActionState } from '../../components/Feedback.tsx'

/** The unsubscribe page. */
export function UnsubscribePage ({ token }: { token: string | null }) {
  const [state, setState] = useState<ActionState>(IDLE)
  async function confirm () {
    if (!token || state.kind === 'pending') return
    setState({ kind: 'pending', message: t('common.loading') })
    try {
      await identityApi.unsubscribe(token)
      setState({ kind: 'done', message: t('unsubscribe.done') })
    } catch (err) {
      setState({ kind: 'error', message: errorMessage(err) })
    }
  }
  return (
    <div class="page page--narrow">
      <PageHeading title={t('unsubscribe.title')} />
      <p>{t('unsubscribe.intro')}</p>
      {state.kind !== 'done' && <p><button type="button" class="button button--primary" onClick={() => { void confirm() }} aria-disabled={!token || state.kind === 'pending'}>{t('unsubscribe.confirm')}</button></p>}
      <Feedback state={state} />
    </div>
  )
}
