/**
 * One peer's WebSocket on the collaboration endpoint: who it is, whether it
 * may write, what it sent before its document was loaded, and the
 * bookkeeping of backpressure (its updates waiting to be stored) and
 * liveness (pings).
 */
import { WebSocket } from 'ws'
import type { UserRecord } from '../store/store.ts'
import type { PeerIdentity, PresencePeer } from './presence.ts'
import { closeReason } from './close-codes.ts'

let nextId = 1

/** A connected peer. Rooms hold these; `index.ts` creates them after the upgrade. */
export class Connection implements PresencePeer {
  /** A number for logs. */
  readonly id = nextId++
  readonly identity: PeerIdentity
  readonly clientIds = new Set<number>()
  /** Set once closing began (by either side): nothing is sent or handled after. */
  closed = false
  /** Answered the last ping (or sent something since). */
  alive = true
  /** The read-only notice was sent already. */
  toldReadOnly = false
  /** Bytes of this peer's updates queued for storage. */
  pendingBytes = 0
  private paused = false
  /** Messages received before the room was ready, in order. */
  inbox: Uint8Array[] = []

  constructor (
    readonly ws: WebSocket,
    readonly billId: string,
    /** Who the peer is (refreshed when their role changes). */
    public actor: UserRecord | null,
    /** The session or token the peer was recognised by (see `secretId`), null when anonymous. */
    readonly credentialId: string | null,
    /** Whether document changes are accepted (cleared when the peer is sent away because its rights changed). */
    public canWrite: boolean,
    private readonly maxBufferedBytes: number
  ) {
    this.identity = { id: actor?.id ?? null, name: actor?.displayName ?? '', canEdit: canWrite }
  }

  /** Sends a message; a peer that lets its buffer grow past the limit is cut. */
  send (message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== WebSocket.OPEN) return
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.closed = true
      this.ws.terminate()
      return
    }
    this.ws.send(message)
  }

  /** Closes with a code and reason (once). */
  close (code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) {
      this.ws.close(code, closeReason(reason))
    }
  }

  /** Counts bytes queued for storage; stops reading the socket above `max`. */
  queued (bytes: number, max: number): void {
    this.pendingBytes += bytes
    if (!this.paused && this.pendingBytes > max && !this.closed) {
      this.paused = true
      this.ws.pause()
    }
  }

  /** Counts bytes stored (or dropped); reads again once below half of `max`. */
  settled (bytes: number, max: number): void {
    this.pendingBytes -= bytes
    if (this.paused && this.pendingBytes <= max / 2) {
      this.paused = false
      if (!this.closed) this.ws.resume()
    }
  }
}
