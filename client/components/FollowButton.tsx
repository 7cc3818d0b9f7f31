/**
 * "Suivre" a bill, an article or an amendment: a toggle button
 * (aria-pressed, its name unchanged) for signed-in readers; followers are told of new
 * amendments, arguments, revisions and decisions there.
 */
import { useState } from 'preact/hooks'
import type { SessionState } from '../session.ts'
import { t } from '../i18n/index.ts'
import { errorMessage } from '../errors.ts'
import { useResource } from '../useResource.ts'
import { identityApi, type FollowTargetRef } from '../identity-api.ts'
import { announce } from './Announcer.tsx'

/** The button, or nothing for signed-out readers. */
export function FollowButton ({ me, target, what }: { me: SessionState; target: FollowTargetRef; what: string }) {
  const follow = useResource(signal => me ? identityApi.followOf(target, signal) : Promise.resolve(null), [me?.id, target.type, target.id])
  const [override, setOverride] = useState<string | null | undefined>(undefined)
  const [pending, setPending] = useState(false)
  if (!me || follow.data === undefined) return null
  const followId = override !== undefined ? override : follow.data?.items[0]?.id ?? null

  async function toggle () {
    if (pending) return
    setPending(true)
    try {
      if (followId) {
        await identityApi.unfollow(followId)
        setOverride(null)
        announce(t('follow.stopped', { what }))
      } else {
        const f = await identityApi.follow(target)
        setOverride(f.id)
        announce(t('follow.started', { what }))
      }
    } catch (err) {
      announce(errorMessage(err))
    } finally {
      setPending(false)
    }
  }

  return (
    <button type="button" class="button button--secondary follow-button" aria-pressed={followId ? 'true' : 'false'}
      aria-disabled={pending} onClick={() => { void toggle() }} data-follow={target.type}>
      <span aria-hidden="true">{followId ? '★ ' : '☆ '}</span>{t('follow.follow')}<span class="sr-only"> {what}</span>
      {followId && <span aria-hidden="true"> ({t('follow.following')})</span>}
    </button>
  )
}
