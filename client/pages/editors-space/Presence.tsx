/**
 * Who else is in the working text: each editor's name beside the colour of
 * their cursor, then how many others follow the drafting. Names are
 * written out, so colour is never the only way to tell people apart.
 */
import { t, tn } from '../../i18n/index.ts'
import type { Peer } from '../../codrafting/types.ts'

/** The list of people present (not counting oneself). */
export function Presence ({ peers }: { peers: Peer[] }) {
  const editors = peers.filter(p => p.canEdit)
  const followers = peers.length - editors.length
  return (
    <div class="presence">
      <span class="presence__label" id="presence-label">{t('editors.presence.label')}</span>
      {peers.length === 0
        ? <span class="presence__alone">{t('editors.presence.alone')}</span>
        : (
          <ul class="presence__list" aria-labelledby="presence-label">
            {editors.map(p => (
              <li key={p.clientId} class="presence__person">
                <span class="presence__swatch" aria-hidden="true" style={{ backgroundColor: p.color }} />
                {p.name || t('editors.presence.visitor')}
              </li>
            ))}
            {followers > 0 && <li class="presence__followers">{tn('editors.presence.followers', followers)}</li>}
          </ul>
          )}
    </div>
  )
}
