/**
 * How live sockets follow changes of rights, in one place (with several
 * nodes, issue 14, each node runs this on the events it receives):
 *
 * - `bill:updated`: the sockets in the bill's room are checked again before
 *   the event is relayed, so a draft's removed co-editor leaves the room and
 *   gets neither this event nor any later one;
 * - `user:role-changed`: the user's sockets take the new role and leave the
 *   rooms of drafts they may no longer see (an admin demoted);
 * - `session:ended`: sockets opened with those credentials are downgraded to
 *   a visitor (no user, out of drafts' rooms), as a reload would make them.
 *
 * A socket joins its user's room (`userRoom`) at connection, so that a
 * user's sockets are found without scanning every socket.
 */
import type { Logger } from 'pino'
import type { Server } from 'socket.io'
import type { Ctx } from '../domain/context.ts'
import type { UserRecord } from '../store/store.ts'
import { canSee } from '../domain/access.ts'
import { billRoom, userRoom, type ClientEvents, type ServerEvents } from '../../shared/live.ts'

/** What the server keeps on each live socket. */
export interface SocketData {
  actor: UserRecord | null
  /** The session the socket was opened with (see `secretId`), null when anonymous. */
  credentialId: string | null
}

/** The live server with its typed events and socket data. */
export type LiveServer = Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>

/** The room of one user's sockets. */
export { userRoom }

const BILL_ROOM_PREFIX = billRoom('')

/** What the checks need of a socket, local or (with several nodes) remote. */
interface LiveSocket {
  readonly rooms: Set<string>
  data: SocketData
  join (room: string): unknown
  leave (room: string): unknown
}

/** Leaves the rooms of the bills this socket's actor may no longer see. */
async function recheckRooms (ctx: Ctx, socket: LiveSocket): Promise<void> {
  for (const room of socket.rooms) {
    if (!room.startsWith(BILL_ROOM_PREFIX)) continue
    const bill = await ctx.store.getBill(room.slice(BILL_ROOM_PREFIX.length))
    if (!bill || !canSee(bill, socket.data.actor)) socket.leave(room)
  }
}

/**
 * A socket that recovered its state (rooms, user) after a short disconnect
 * skipped the handshake's checks: its user is resolved again from the new
 * handshake (the session may have ended, the role changed meanwhile), and
 * its rooms checked again.
 */
export async function recheckRecovered (ctx: Ctx, socket: LiveSocket, resolve: () => Promise<{ actor: UserRecord | null; credentialId: string | null }>): Promise<void> {
  const before = socket.data.actor
  const now = await resolve()
  socket.data.actor = now.actor
  socket.data.credentialId = now.credentialId
  if (before && before.id !== now.actor?.id) socket.leave(userRoom(before.id))
  if (now.actor) socket.join(userRoom(now.actor.id))
  await recheckRooms(ctx, socket)
}

/** Subscribes the live server to the events that change rights; returns the function that unsubscribes. */
export function followLiveRights (ctx: Ctx, io: LiveServer, log: Logger): () => void {
  const offs = [
    ctx.events.on('bill:updated', p => {
      const room = billRoom(p.billId)
      void (async () => {
        const [bill, sockets] = await Promise.all([ctx.store.getBill(p.billId), io.local.in(room).fetchSockets()])
        for (const s of sockets) if (!bill || !canSee(bill, s.data.actor)) s.leave(room)
      })().catch(err => { log.error({ err, billId: p.billId }, 'live rooms could not be re-checked') })
        .finally(() => { io.local.to(room).emit('bill:updated', p) })
    }),

    ctx.events.on('user:role-changed', ({ userId }) => {
      void (async () => {
        const [user, sockets] = await Promise.all([ctx.store.getUser(userId), io.local.in(userRoom(userId)).fetchSockets()])
        for (const s of sockets) {
          s.data.actor = user
          await recheckRooms(ctx, s)
        }
      })().catch(err => { log.error({ err, userId }, 'live rooms could not be re-checked after a role change') })
    }),

    ctx.events.on('session:ended', ({ userId, credentialIds }) => {
      void (async () => {
        for (const s of await io.local.in(userRoom(userId)).fetchSockets()) {
          if (credentialIds !== 'all' && (s.data.credentialId === null || !credentialIds.includes(s.data.credentialId))) continue
          s.data.actor = null
          s.data.credentialId = null
          s.leave(userRoom(userId))
          await recheckRooms(ctx, s)
        }
      })().catch(err => { log.error({ err, userId }, 'live sockets could not be downgraded after a session ended') })
    })
  ]
  return () => { for (const off of offs) off() }
}
