/**
 * The connection state of the co-drafting editor, in words (and a sign,
 * never colour alone), in a polite live region so that going offline and
 * coming back are announced.
 */
import { t } from '../../i18n/index.ts'
import type { ConnectionState } from '../../codrafting/types.ts'
import {
  CLOSE_DOCUMENT_TOO_LARGE, CLOSE_FORBIDDEN, CLOSE_INVALID_CONTENT, CLOSE_MESSAGE_TOO_LARGE, CLOSE_NOT_FOUND,
  CLOSE_TOO_MANY_CONNECTIONS, CLOSE_UNAUTHORIZED
} from '../../../shared/close-codes.ts'

/** The sentence for a connection state. */
export function connectionText (state: ConnectionState): string {
  switch (state.kind) {
    case 'connecting': return state.failures > 0 ? t('editors.status.retrying') : t('editors.status.connecting')
    case 'synced': return t('editors.status.synced')
    case 'offline': return state.pending ? t('editors.status.offlinePending') : t('editors.status.offline')
    case 'closed':
      switch (state.code) {
        case CLOSE_NOT_FOUND: return t('editors.status.notFound')
        case CLOSE_FORBIDDEN: return t('editors.status.forbidden')
        case CLOSE_UNAUTHORIZED: return t('editors.status.unauthorized')
        case CLOSE_MESSAGE_TOO_LARGE: case CLOSE_DOCUMENT_TOO_LARGE: return t('editors.status.tooLarge')
        case CLOSE_INVALID_CONTENT: return t('editors.status.invalidContent')
        case CLOSE_TOO_MANY_CONNECTIONS: return t('editors.status.tooManyConnections')
        default: return t('editors.status.closed', { code: String(state.code) })
      }
  }
}

const SIGN: Record<ConnectionState['kind'], string> = { connecting: '…', synced: '✓', offline: '!', closed: '×' }

/** The status line; `state` null while the editor itself loads. */
export function ConnectionStatus ({ state }: { state: ConnectionState | null }) {
  const kind = state?.kind ?? 'connecting'
  return (
    <p class={`conn conn--${kind}`} role="status" aria-live="polite" data-state={kind}>
      <span class="conn__label">{t('editors.status.label')} </span>
      <span class="conn__sign" aria-hidden="true">{SIGN[kind]}</span>
      <span class="conn__text">{state ? connectionText(state) : t('editors.loadingEditor')}</span>
    </p>
  )
}
