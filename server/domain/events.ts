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
  /** Credentials (sessions or API tokens) that stopped being valid: sockets opened with them must close. */
  'session:ended': { userId: string; credentialIds: string[] | 'all' }
  /** A user's role changed: open sockets re-check their rights. */
  'user:role-changed': { userId: string }
}

/** A typed event emitter for domain events. */
export class EventBus {
  private emitter = new EventEmitter()
  constructor () { this.emitter.setMaxListeners(0) }

  emit<K extends keyof DomainEvents> (name: K, payload: DomainEvents[K]): void {
    this.emitter.emit(name, payload)
  }

  on<K extends keyof DomainEvents> (name: K, listener: (payload: DomainEvents[K]) => void): () => void {
    this.emitter.on(name, listener)
    return () => this.emitter.off(name, listener)
  }
}
