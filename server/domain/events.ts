/**
 * Domain events: what happened, as typed payloads. The domain emits them
 * after a write has been stored; `server/live` relays them to browsers.
 */
import { EventEmitter } from 'node:events'
import type { UserNotificationView } from '../../shared/api.ts'
import type { BillEventPayloads } from '../../shared/live.ts'

/**
 * Every event and its payload: the events of a bill's room (declared once in
 * shared/live.ts, `BILL_EVENTS`), then the ones only the server sees.
 */
export interface DomainEvents extends BillEventPayloads {
  /** Credentials (sessions or API tokens) that stopped being valid: sockets opened with them must close. */
  'session:ended': { userId: string; credentialIds: string[] | 'all' }
  /** A user's role changed: open sockets re-check their rights. */
  'user:role-changed': { userId: string }
  /** Citizens' council: its setup, pool or status changed (counts only). */
  'council:updated': { billId: string }
  /** The council was drawn: `members` are the user ids to notify. */
  'council:drawn': { billId: string; members: string[] }
  /** A member declined; `replacement` (a user id to notify) took the seat, or null when no alternate fits. */
  'council:seat-replaced': { billId: string; declined: string; replacement: string | null }
  /** A mail was stored in the queue: the mailer sends it now rather than at its next round. */
  'mail:queued': { mailId: string }
  /** A notification for one user (live to their own room). */
  'notification:created': { userId: string; notification: UserNotificationView; unread: number }
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
