/**
 * The live channel's events and their payloads (socket.io, rooms per bill).
 * A client emits `subscribe` with `{ billId }` and receives these events for
 * that bill; the server only sends what any viewer of the bill may see.
 */
import type { ArgumentSide, ModerationReason, ModerationTargetType, Tally, TargetType } from './types.ts'
import type { ArgumentView, UserNotificationView } from './api.ts'

/** Arguments of one article or amendment counted by side (hidden ones included, deleted ones not). */
export interface ArgumentCount { for: number; against: number }

/** A new argument, as the public sees it (`myUpvote` false), with its target's new counts. */
export interface ArgumentCreatedPayload { billId: string; argument: ArgumentView; argumentCount: ArgumentCount }
/** An argument edited by its author (its upvotes are cleared), or restored by a moderator. */
export interface ArgumentUpdatedPayload { billId: string; argument: ArgumentView }
/** An argument deleted: drop it from lists; `argumentCount` is its target's new counts. */
export interface ArgumentDeletedPayload {
  billId: string
  argumentId: string
  target: { type: 'article' | 'amendment'; id: string }
  side: ArgumentSide
  argumentCount: ArgumentCount
}
/** An argument's new upvote count. */
export interface UpvotesPayload { billId: string; argumentId: string; upvotes: number }
/** Content hidden or restored. Never carries the content: on a restore, an argument also comes as `argument:updated`. */
export interface ModeratedPayload { billId: string; target: { type: ModerationTargetType; id: string }; hidden: boolean; reason: ModerationReason }

/**
 * A new amendment to an article (fetch it with GET /amendments/:id); `number` is its « n° » in the bill.
 * For an additional article, `articleId` is the article it goes next to.
 */
export interface AmendmentCreatedPayload { billId: string; articleId: string; amendmentId: string; number: number }
/** An amendment accepted or rejected by the bill's editors; `decidedSeq` is its rank in the decision order. */
export interface AmendmentDecidedPayload { billId: string; articleId: string; amendmentId: string; status: 'accepted' | 'rejected'; decidedSeq: number; number: number }
/** An amendment withdrawn by its author (it leaves the default lists and counts). */
export interface AmendmentWithdrawnPayload { billId: string; articleId: string; amendmentId: string; number: number }

/** A live event relayed to its bill's room; `payload` is its payload's type (a type only, never set). */
interface BillEvent<P extends { billId: string }> { room: 'bill'; payload?: P }
const bill = <P extends { billId: string }>(): BillEvent<P> => ({ room: 'bill' })

/**
 * The one list of the events a bill's room receives, with their payloads:
 * the server's domain events include them (server/domain/events.ts), the live
 * server relays them (server/live/index.ts) and the client listens to them
 * (client/live.ts). Adding one is one line here.
 */
export const BILL_EVENTS = {
  tally: bill<{ billId: string; target: { type: TargetType; id: string }; tally: Tally }>(),
  'bill:published': bill<{ billId: string; revision: number }>(),
  'bill:closed': bill<{ billId: string }>(),
  /** Relayed by server/live/rights.ts, once the room's sockets were checked again. */
  'bill:updated': bill<{ billId: string }>(),
  'amendment:created': bill<AmendmentCreatedPayload>(),
  'amendment:decided': bill<AmendmentDecidedPayload>(),
  'amendment:withdrawn': bill<AmendmentWithdrawnPayload>(),
  /** Debate and moderation: payloads are what any viewer of the bill may see (no hidden text). */
  'argument:created': bill<ArgumentCreatedPayload>(),
  'argument:updated': bill<ArgumentUpdatedPayload>(),
  'argument:deleted': bill<ArgumentDeletedPayload>(),
  upvotes: bill<UpvotesPayload>(),
  moderated: bill<ModeratedPayload>()
}

/** The name of an event of a bill's room. */
export type BillEventName = keyof typeof BILL_EVENTS

/** Every event of a bill's room and its payload. */
export type BillEventPayloads = { [K in BillEventName]: NonNullable<(typeof BILL_EVENTS)[K]['payload']> }

/** The names of the events of a bill's room, as a list. */
export const BILL_EVENT_NAMES = Object.keys(BILL_EVENTS) as BillEventName[]

/** Events the server sends: a bill's room's, and a user's own. */
export type ServerEvents = { [K in BillEventName]: (payload: BillEventPayloads[K]) => void } & {
  /** To the user's own room only: a new notification and the number unread. */
  notification: (payload: NotificationPayload) => void
}

/** The answer to `subscribe`. */
export type SubscribeAck = { ok: true } | { ok: false; error: { code: string; message: string } }

/** Events a client sends. */
export interface ClientEvents {
  subscribe: (payload: { billId: string }, ack: (res: SubscribeAck) => void) => void
  unsubscribe: (payload: { billId: string }, ack?: (res: SubscribeAck) => void) => void
}

/** A new notification for the signed-in user (every tab of theirs gets it). */
export interface NotificationPayload { notification: UserNotificationView; unread: number }

/** The socket.io room of a signed-in user's own sockets. */
export const userRoom = (userId: string): string => `user:${userId}`

/** The socket.io room of a bill. */
export const billRoom = (billId: string): string => `bill:${billId}`
