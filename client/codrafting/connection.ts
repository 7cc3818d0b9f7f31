/**
 * The connection state shown to editors, from the y-websocket provider's
 * `status`, `sync` and `closed` events and the document's own updates:
 * connecting (with the number of failed attempts), connected and synced,
 * offline with or without changes waiting to be sent (a local update made
 * while not synced is pending until the next sync, whose exchange sends it),
 * or closed for good by the server (44xx close codes, see
 * shared/close-codes.ts).
 */
import type * as Y from 'yjs'
import type { WebsocketProvider } from 'y-websocket'
import type { ConnectionState } from './types.ts'

function same (a: ConnectionState, b: ConnectionState): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Follows `provider` and `doc`; calls `onChange` on every change of state. Returns a function that stops. */
export function trackConnection (provider: WebsocketProvider, doc: Y.Doc, onChange: (state: ConnectionState) => void): () => void {
  let state: ConnectionState = { kind: 'connecting', failures: 0 }
  let everSynced = false
  let pending = false
  let failures = 0
  let closed: { code: number; reason: string } | null = null

  const online = (): boolean => provider.wsconnected && provider.synced

  function update (): void {
    let next: ConnectionState
    if (closed) next = { kind: 'closed', ...closed }
    else if (online()) {
      everSynced = true
      pending = false
      failures = 0
      next = { kind: 'synced' }
    } else if (!everSynced) next = { kind: 'connecting', failures }
    else next = { kind: 'offline', pending }
    if (same(state, next)) return
    state = next
    onChange(next)
  }

  const onStatus = (): void => { update() }
  const onSync = (): void => { update() }
  const onClose = (): void => { failures++; update() }
  const onClosed = (event: { code: number; reason: string }): void => {
    closed = { code: event.code, reason: event.reason }
    update()
  }
  const onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === provider || online()) return
    if (!pending) { pending = true; update() }
  }

  provider.on('status', onStatus)
  provider.on('sync', onSync)
  provider.on('connection-close', onClose)
  provider.on('closed', onClosed)
  doc.on('update', onUpdate)
  onChange(state)
  return () => {
    provider.off('status', onStatus)
    provider.off('sync', onSync)
    provider.off('connection-close', onClose)
    provider.off('closed', onClosed)
    doc.off('update', onUpdate)
  }
}
