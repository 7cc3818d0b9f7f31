/**
 * Live events over socket.io, on the app's http.Server. A client subscribes
 * to a bill it may see (its session cookie is read at the handshake) and
 * receives the domain events of that bill. Drafts are never broadcast: a
 * draft's events go only to sockets whose user edits it.
 */
import type http from 'node:http'
import { Server, type ServerOptions, type Socket } from 'socket.io'
import type { Ctx } from '../domain/context.ts'
import type { UserRecord } from '../store/store.ts'
import { billRoom, type ClientEvents, type ServerEvents } from '../../shared/live.ts'
import { actorFromHeaders } from '../http/auth.ts'
import { canSee } from '../domain/access.ts'

interface SocketData { actor: UserRecord | null }

/** The live server, attached to `server`. */
export interface Live {
  io: Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>
  close (): Promise<void>
}

/**
 * Attaches socket.io at /socket.io/ and relays the domain events to bill
 * rooms. On a cluster, `adapter` (socket.io's Redis streams adapter) brings
 * every node's emits to every node's sockets and keeps the packets that
 * connection-state recovery replays, whichever node the client comes back to.
 */
export function attachLive (ctx: Ctx, server: http.Server, options: { adapter?: ServerOptions['adapter'] } = {}): Live {
  const io = new Server<ClientEvents, ServerEvents, Record<string, never>, SocketData>(server, {
    ...(options.adapter ? { adapter: options.adapter } : {}),
    serveClient: false,
    maxHttpBufferSize: 10_000,
    // Recovery keeps every packet broadcast in the last maxDisconnectionDuration in memory (to
    // replay to a client that comes back): 30 s covers a phone changing networks; longer
    // absences re-fetch (clients do when `socket.recovered` is false).
    connectionStateRecovery: { maxDisconnectionDuration: 30_000, skipMiddlewares: true }
  })

  io.use(async (socket, next) => {
    try {
      const { actor } = await actorFromHeaders(ctx, { cookie: socket.handshake.headers.cookie })
      socket.data.actor = actor
      next()
    } catch (err) {
      next(err as Error)
    }
  })

  io.on('connection', (socket: Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>) => {
    socket.on('subscribe', async (payload, ack) => {
      const reply = typeof ack === 'function' ? ack : () => {}
      const billId = typeof payload?.billId === 'string' ? payload.billId : ''
      const bill = billId ? await ctx.store.getBill(billId) : null
      if (!bill || !canSee(bill, socket.data.actor)) {
        reply({ ok: false, error: { code: 'not_found', message: 'bill not found' } })
        return
      }
      await socket.join(billRoom(bill.id))
      reply({ ok: true })
    })
    socket.on('unsubscribe', async (payload, ack) => {
      if (typeof payload?.billId === 'string') await socket.leave(billRoom(payload.billId))
      if (typeof ack === 'function') ack({ ok: true })
    })
  })

  // A draft's room only holds its editors (canSee at subscribe), so relaying to the room is safe.
  const off = [
    ctx.events.on('tally', p => { io.to(billRoom(p.billId)).emit('tally', p) }),
    ctx.events.on('bill:published', p => { io.to(billRoom(p.billId)).emit('bill:published', p) }),
    ctx.events.on('bill:closed', p => { io.to(billRoom(p.billId)).emit('bill:closed', p) }),
    ctx.events.on('amendment:created', p => { io.to(billRoom(p.billId)).emit('amendment:created', p) }),
    ctx.events.on('amendment:decided', p => { io.to(billRoom(p.billId)).emit('amendment:decided', p) }),
    ctx.events.on('amendment:withdrawn', p => { io.to(billRoom(p.billId)).emit('amendment:withdrawn', p) }),
    // Relayed between nodes for the collaboration rights; the node where it happened tells the room.
    ctx.events.on('bill:updated', (p, origin) => { if (origin === 'local') io.to(billRoom(p.billId)).emit('bill:updated', p) }),
    // Debate and moderation: the domain emits public views only; hidden text is never in a payload.
    ctx.events.on('argument:created', p => { io.to(billRoom(p.billId)).emit('argument:created', p) }),
    ctx.events.on('argument:updated', p => { io.to(billRoom(p.billId)).emit('argument:updated', p) }),
    ctx.events.on('argument:deleted', p => { io.to(billRoom(p.billId)).emit('argument:deleted', p) }),
    ctx.events.on('upvotes', p => { io.to(billRoom(p.billId)).emit('upvotes', p) }),
    ctx.events.on('moderated', p => { io.to(billRoom(p.billId)).emit('moderated', p) })
  ]

  return {
    io,
    async close () {
      for (const f of off) f()
      // Not io.close(): that would also close the http.Server, which the app closes itself.
      io.disconnectSockets(true)
      io.engine.close()
      // A cluster adapter stops reading its stream (the streams adapter's close is synchronous).
      void io.of('/').adapter.close()
    }
  }
}
