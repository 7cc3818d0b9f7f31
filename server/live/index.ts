/**
 * Live events over socket.io, on the app's http.Server. A client subscribes
 * to a bill it may see (its session cookie is read at the handshake) and
 * receives the domain events of that bill. Drafts are never broadcast: a
 * draft's events go only to sockets whose user edits it, which is checked
 * again when its editors, the user's role or their session change (rights.ts).
 */
import type http from 'node:http'
import { Server, type ServerOptions, type Socket } from 'socket.io'
import type { Ctx } from '../domain/context.ts'
import { BILL_EVENT_NAMES, billRoom, type ClientEvents, type ServerEvents } from '../../shared/live.ts'
import { actorFromHeaders } from '../domain/request-actor.ts'
import { canSee } from '../domain/access.ts'
import { secretId } from '../domain/accounts.ts'
import { followLiveRights, recheckRecovered, userRoom, type SocketData } from './rights.ts'
import { SocketQuota, socketAddress } from '../sockets/socket-quota.ts'
import { TallyThrottle } from './tally-throttle.ts'

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

  // Open sockets per user (or visitor address): refused past the cap (connect_error "too many open connections").
  const quota = new SocketQuota(ctx.config.maxSocketsPerUser, ctx.config.maxSocketsPerAddress)
  const counted = new WeakMap<Socket, () => void>()
  const addressOf = (socket: Socket): string => socketAddress(socket.conn.remoteAddress, socket.handshake.headers, ctx.config.trustProxy)

  io.use(async (socket, next) => {
    try {
      const { actor, secret } = await actorFromHeaders(ctx, { cookie: socket.handshake.headers.cookie })
      socket.data.actor = actor
      socket.data.credentialId = actor && secret ? secretId(secret) : null
      const release = quota.take(actor?.id ?? null, addressOf(socket))
      if (!release) { next(new Error('too many open connections')); return }
      counted.set(socket, release)
      socket.conn.once('close', release) // also when the socket never gets to 'connection'
      next()
    } catch (err) {
      next(err as Error)
    }
  })

  io.on('connection', (socket: Socket<ClientEvents, ServerEvents, Record<string, never>, SocketData>) => {
    // A recovered connection skipped the middleware: it is counted here.
    const release = counted.get(socket) ?? quota.take(socket.data.actor?.id ?? null, addressOf(socket))
    counted.delete(socket)
    if (!release) {
      socket.disconnect(true)
      return
    }
    socket.on('disconnect', release)
    if (socket.recovered) {
      void recheckRecovered(ctx, socket, async () => {
        const { actor, secret } = await actorFromHeaders(ctx, { cookie: socket.handshake.headers.cookie })
        return { actor, credentialId: actor && secret ? secretId(secret) : null }
      }).catch(err => { ctx.log.error({ err }, 'a recovered live socket could not be checked again') })
    } else if (socket.data.actor) void socket.join(userRoom(socket.data.actor.id))
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

  // Tallies are snapshots: at most one broadcast per target and interval (tally-throttle.ts).
  const tallies = new TallyThrottle(ctx.config.tallyIntervalMs, p => { io.to(billRoom(p.billId)).emit('tally', p) })
  // A draft's room only holds its editors (canSee at subscribe), so relaying to the room is safe.
  const off = [
    ctx.events.on('tally', p => { tallies.push(p) }),
    () => { tallies.flush() },
    // tally goes through the throttle above; bill:updated is relayed by rights.ts, once the room's sockets were checked again: each node
    // checks and tells its own sockets (the event reaches the other nodes through the cluster relay).
    // Debate and moderation: the domain emits public views only; hidden text is never in a payload.
    ...BILL_EVENT_NAMES.filter(name => name !== 'bill:updated' && name !== 'tally').map(name =>
      ctx.events.on(name, (p: { billId: string }) => { io.to(billRoom(p.billId)).emit(name, p as never) })),
    followLiveRights(ctx, io, ctx.log.child({ module: 'live' })),
    ctx.events.on('notification:created', p => { io.to(userRoom(p.userId)).emit('notification', { notification: p.notification, unread: p.unread }) }),
    // Sessions that ended (sign-out everywhere, password change or reset, erasure) keep no live socket.
    ctx.events.on('session:ended', p => {
      void io.in(userRoom(p.userId)).fetchSockets().then(sockets => {
        for (const so of sockets) {
          if (p.credentialIds === 'all' || (so.data.credentialId && p.credentialIds.includes(so.data.credentialId))) so.disconnect(true)
        }
      })
    })
  ]

  return {
    io,
    async close () {
      for (const f of off) f()
      // Not io.close(): that would also close the http.Server, which the app closes itself.
      // Closing the transports (not `disconnectSockets`, which ends the sessions) makes clients
      // reconnect by themselves, to another node behind a load balancer, and recover their rooms
      // and missed events when the adapter shares sessions.
      io.engine.close()
      // A cluster adapter stops reading its stream (the streams adapter's close is synchronous).
      void io.of('/').adapter.close()
    }
  }
}
