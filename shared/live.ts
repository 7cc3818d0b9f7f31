/**
 * The live channel's events and their payloads (socket.io, rooms per bill).
 * A client emits `subscribe` with `{ billId }` and receives these events for
 * that bill; the server only sends what any viewer of the bill may see.
 */
import type { Tally, TargetType } from './types.ts'

/** Events the server sends to a bill's room. */
export interface ServerEvents {
  tally: (payload: { billId: string; target: { type: TargetType; id: string }; tally: Tally }) => void
  'bill:published': (payload: { billId: string; revision: number }) => void
  'bill:closed': (payload: { billId: string }) => void
  'bill:updated': (payload: { billId: string }) => void
}

/** The answer to `subscribe`. */
export type SubscribeAck = { ok: true } | { ok: false; error: { code: string; message: string } }

/** Events a client sends. */
export interface ClientEvents {
  subscribe: (payload: { billId: string }, ack: (res: SubscribeAck) => void) => void
  unsubscribe: (payload: { billId: string }, ack?: (res: SubscribeAck) => void) => void
}

/** The socket.io room of a bill. */
export const billRoom = (billId: string): string => `bill:${billId}`
