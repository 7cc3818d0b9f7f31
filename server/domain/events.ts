/**
 * Domain events: what happened, as typed payloads. The domain emits them
 * after a write has been stored; `server/live` relays them to browsers.
 */
import { EventEmitter } from 'node:events'
import type { Tally, TargetType } from '../../shared/types.ts'
import type { AmendmentCreatedPayload, AmendmentDecidedPayload, AmendmentWithdrawnPayload } from '../../shared/live.ts'
import type {
  ArgumentCreatedPayload, ArgumentDeletedPayload, ArgumentUpdatedPayload, ModeratedPayload, UpvotesPayload
} from '../../shared/live.ts'

/** Every event and its payload. */
export interface DomainEvents {
  tally: { billId: string; target: { type: TargetType; id: string }; tally: Tally }
  'bill:published': { billId: string; revision: number }
  'bill:closed': { billId: string }
  'bill:updated': { billId: string }
  'amendment:created': AmendmentCreatedPayload
  'amendment:decided': AmendmentDecidedPayload
  'amendment:withdrawn': AmendmentWithdrawnPayload
  /** Debate and moderation: payloads are what any viewer of the bill may see (no hidden text). */
  'argument:created': ArgumentCreatedPayload
  'argument:updated': ArgumentUpdatedPayload
  'argument:deleted': ArgumentDeletedPayload
  upvotes: UpvotesPayload
  moderated: ModeratedPayload
  /** Sessions or tokens of a user ended (sign-out everywhere, credential revoked): their sockets close. */
  'session:ended': { userId: string; credentialIds: string[] | 'all' }
  /** A user's role changed: their open connections are decided again. */
  'user:role-changed': { userId: string }
}

/**
 * Where an event happened: on this node, or on another node of a cluster
 * (relayed through Redis, server/cluster/events-relay.ts). Live events reach
 * every node's sockets through socket.io's adapter already, so listeners that
 * emit to socket.io rooms ignore 'remote' events; listeners that act on this
 * node's own connections (collaboration rights, session ends) take both.
 */
export type EventOrigin = 'local' | 'remote'

/** A typed event emitter for domain events. */
export class EventBus {
  private emitter = new EventEmitter()
  constructor () { this.emitter.setMaxListeners(0) }

  /** Emits an event; `origin` is 'remote' only for events relayed from another node. */
  emit<K extends keyof DomainEvents> (name: K, payload: DomainEvents[K], origin: EventOrigin = 'local'): void {
    this.emitter.emit(name, payload, origin)
  }

  /** Listens to an event (of this node, and of the other nodes for relayed events); returns the function that stops. */
  on<K extends keyof DomainEvents> (name: K, listener: (payload: DomainEvents[K], origin: EventOrigin) => void): () => void {
    this.emitter.on(name, listener)
    return () => this.emitter.off(name, listener)
  }
}
