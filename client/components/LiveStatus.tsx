/** The state of live updates in a few words: "En direct", "Connexion…", or offline and reconnecting. */
import type { LiveState } from '../live.ts'
import { t } from '../i18n/index.ts'

const KEY = { live: 'live.on', connecting: 'live.connecting', offline: 'live.offline' } as const

/** A small status line; `data-live` carries the state for tests and styles. */
export function LiveStatus ({ state }: { state: LiveState }) {
  return (
    <p class={`live-status live-status--${state}`} data-live={state}>
      <span class="live-status__dot" aria-hidden="true" />{t(KEY[state])}
    </p>
  )
}
