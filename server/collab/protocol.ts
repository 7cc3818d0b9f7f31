/**
 * The y-websocket wire protocol, as the stock `WebsocketProvider` speaks it:
 * every binary message starts with a varUint type, 0 sync (y-protocols/sync:
 * step 1, step 2, update), 1 awareness, 2 auth (server to client: permission
 * denied), 3 query awareness. The server decodes messages itself instead of
 * handing them to `readSyncMessage`, so that it can store an update before
 * applying it, and drop the updates of read-only peers.
 */
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as authProtocol from 'y-protocols/auth'

/** Top-level message types (the first varUint of a message). */
export const MESSAGE_SYNC = 0
export const MESSAGE_AWARENESS = 1
export const MESSAGE_AUTH = 2
export const MESSAGE_QUERY_AWARENESS = 3

/** A message from a peer, decoded. `update` carries document changes (sync step 2 or update). */
export type InboundMessage =
  | { type: 'sync-step-1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array; step2: boolean }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }

/** A message the server cannot read; the connection is closed with 4400 and this message. */
export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

/** Decodes one message; throws ProtocolError when it is not the protocol. */
export function decodeMessage (data: Uint8Array): InboundMessage {
  const decoder = decoding.createDecoder(data)
  let type: number
  try {
    type = decoding.readVarUint(decoder)
    switch (type) {
      case MESSAGE_SYNC: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === syncProtocol.messageYjsSyncStep1) {
          Y.decodeStateVector(payload) // validates it
          return { type: 'sync-step-1', stateVector: payload }
        }
        if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
          return { type: 'update', update: payload, step2: step === syncProtocol.messageYjsSyncStep2 }
        }
        throw new ProtocolError(`unknown sync message type ${step}`)
      }
      case MESSAGE_AWARENESS:
        return { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
      case MESSAGE_QUERY_AWARENESS:
        return { type: 'query-awareness' }
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError('malformed message')
  }
  throw new ProtocolError(`unknown message type ${type}`)
}

/** The server's sync step 1: its state vector, so the peer answers with what the server lacks. */
export function encodeSyncStep1 (doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** The answer to a peer's sync step 1: everything the peer lacks. */
export function encodeSyncStep2 (doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  return encoding.toUint8Array(encoder)
}

/** A document update relayed to peers. */
export function encodeUpdate (update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** An awareness message (the payload from y-protocols/awareness `encodeAwarenessUpdate`). */
export function encodeAwarenessMessage (awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS)
  encoding.writeVarUint8Array(encoder, awarenessUpdate)
  return encoding.toUint8Array(encoder)
}

/**
 * "Permission denied" (y-protocols/auth), sent once to a read-only peer that
 * tries to change the document; the stock provider logs it as a warning.
 */
export function encodePermissionDenied (reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_AUTH)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}

/**
 * Whether applying `update` to `doc` would change it: new structs, or
 * deletions of items not yet deleted. Decoding the whole update also
 * validates it (a malformed update throws), before anything is stored.
 *
 * Peers send their whole delete set in every sync step 2, so most step 2s
 * of a reconnecting peer change nothing: they are neither stored nor
 * relayed. The answer errs on the side of "changes" (e.g. deletions of
 * items the server has not seen yet), which only costs a redundant append.
 */
export function carriesChanges (doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update)
  for (const s of structs) {
    if (s instanceof Y.Skip) continue
    if (s.id.clock + s.length > Y.getState(doc.store, s.id.client)) return true
  }
  for (const [client, ranges] of ds.clients) {
    const known = Y.getState(doc.store, client)
    const stored = doc.store.clients.get(client)
    for (const { clock, len } of ranges) {
      if (len === 0) continue
      if (!stored || clock + len > known) return true
      let i = Y.findIndexSS(stored, clock)
      for (; i < stored.length && stored[i].id.clock < clock + len; i++) {
        if (!stored[i].deleted) return true
      }
    }
  }
  return false
}
