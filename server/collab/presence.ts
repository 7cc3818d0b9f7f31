/**
 * Presence (Yjs awareness) as the server lets it through. Peers announce
 * themselves with a `user` field (`{ name, color }`, as y-prosemirror's
 * cursor plugin reads it); the server overwrites `user.id`, `user.name` and
 * `user.canEdit` with who the peer really is, so nobody can appear as
 * someone else, and a connection may only speak for the awareness client
 * ids it introduced (a reconnect of the same signed-in user takes them over).
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { ProtocolError } from './protocol.ts'

/** One client's entry of an awareness update: `state` is JSON text, `"null"` when the client leaves. */
export interface AwarenessEntry { clientId: number; clock: number; state: string }

/** Who a connection is, as stamped into its awareness states. */
export interface PeerIdentity {
  /** The user id, or null for an anonymous visitor. */
  id: string | null
  /** The display name, or '' for an anonymous visitor (the client shows its own word for "visitor"). */
  name: string
  /** Whether this peer's document changes are accepted. */
  canEdit: boolean
}

/** Reads the entries of an awareness update (y-protocols/awareness format). */
export function decodeAwarenessUpdate (update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const n = decoding.readVarUint(decoder)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < n; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state = decoding.readVarString(decoder)
      entries.push({ clientId, clock, state })
    }
    return entries
  } catch {
    throw new ProtocolError('malformed awareness update')
  }
}

/** Writes entries back as an awareness update. */
export function encodeAwarenessEntries (entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId)
    encoding.writeVarUint(encoder, e.clock)
    encoding.writeVarString(encoder, e.state)
  }
  return encoding.toUint8Array(encoder)
}

/**
 * The state with the server's identity stamped into its `user` field (the
 * peer's other user fields, such as `color`, are kept). Throws
 * ProtocolError for a state that is not a JSON object or null.
 */
export function stampIdentity (state: string, who: PeerIdentity): string {
  let parsed: unknown
  try { parsed = JSON.parse(state) } catch { throw new ProtocolError('awareness state is not JSON') }
  if (parsed === null) return 'null'
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ProtocolError('awareness state is not an object')
  const obj = parsed as Record<string, unknown>
  const user = obj.user && typeof obj.user === 'object' && !Array.isArray(obj.user) ? obj.user as Record<string, unknown> : {}
  return JSON.stringify({ ...obj, user: { ...user, id: who.id, name: who.name, canEdit: who.canEdit } })
}

/** A connection as presence sees it. */
export interface PresencePeer {
  identity: PeerIdentity
  /** Awareness client ids this connection speaks for. */
  clientIds: Set<number>
  closed: boolean
}

/**
 * Who speaks for which awareness client id in one room. A client id belongs
 * to the first connection that announced it; another connection may take it
 * over only when the owner is gone or is the same signed-in user (a
 * reconnect whose old socket has not timed out yet).
 */
export class PresenceOwners {
  private owners = new Map<number, PresencePeer>()

  /**
   * The entries of `update` this peer may send, with identities stamped.
   * Dropped: entries for client ids owned by someone else, and entries for
   * new client ids once the peer speaks for `maxIds` of them (a browser tab
   * has one; a read-only peer is allowed one). A client id whose state the
   * peer sets to null (it left) no longer counts, so a peer may change id.
   */
  filter (peer: PresencePeer, update: Uint8Array, limits: { maxStateBytes: number; maxIds: number }): AwarenessEntry[] {
    const out: AwarenessEntry[] = []
    for (const e of decodeAwarenessUpdate(update)) {
      const size = Buffer.byteLength(e.state)
      if (size > limits.maxStateBytes) throw new StateTooLarge(size, limits.maxStateBytes)
      const owner = this.owners.get(e.clientId)
      if (owner !== peer) {
        if (owner) {
          const sameUser = owner.identity.id !== null && owner.identity.id === peer.identity.id
          if (!owner.closed && !sameUser) continue
        }
        if (peer.clientIds.size >= limits.maxIds) continue
        if (owner) owner.clientIds.delete(e.clientId)
        this.owners.set(e.clientId, peer)
        peer.clientIds.add(e.clientId)
      }
      const state = stampIdentity(e.state, peer.identity)
      if (state === 'null') {
        // The client left: its id is free again (its removal still goes to the others).
        this.owners.delete(e.clientId)
        peer.clientIds.delete(e.clientId)
      }
      out.push({ ...e, state })
    }
    return out
  }

  /** Forgets a leaving peer; returns the client ids it still owned (their states are to be removed). */
  release (peer: PresencePeer): number[] {
    const ids: number[] = []
    for (const id of peer.clientIds) {
      if (this.owners.get(id) === peer) {
        this.owners.delete(id)
        ids.push(id)
      }
    }
    peer.clientIds.clear()
    return ids
  }
}

/** An awareness state larger than allowed (close 4413). */
export class StateTooLarge extends Error {
  override name = 'StateTooLarge'
  constructor (readonly size: number, readonly limit: number) {
    super(`awareness state too large: ${size} bytes, limit ${limit}`)
  }
}
