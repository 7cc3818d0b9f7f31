/**
 * The collaboration endpoint: a y-websocket-compatible WebSocket at
 * `/collab/<billId>` on the application's http.Server, so the stock
 * `y-websocket` WebsocketProvider (serverUrl `…/collab`, room = bill id)
 * co-edits a bill's working text (`Y.XmlFragment` "prosemirror").
 *
 * Only upgrades of `/collab/…` are handled; every other upgrade (socket.io)
 * is left untouched to the other listeners. Access is decided on upgrade
 * (access.ts); a refusal completes the handshake and then closes with a
 * named code and reason (close-codes.ts), which the stock provider reports
 * in its `closed` event and does not retry, rather than an HTTP status that
 * a browser cannot read. When a bill's editors, a user's role or a session
 * change, the rights of the open connections concerned are decided again
 * (revocation.ts).
 */
import type http from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type * as Y from 'yjs'
import type { Ctx } from '../domain/context.ts'
import { DEFAULT_COLLAB_SETTINGS, type CollabSettings } from './settings.ts'
import { Connection } from './connection.ts'
import { Rooms } from './rooms.ts'
import { LOCAL_ONLY, type CollabRelay } from './relay.ts'
import { NOT_FOUND, collabBillId, decideAccess, type CollabAccess } from './access.ts'
import { followRights } from './revocation.ts'
import {
  CLOSE_BAD_MESSAGE, CLOSE_INTERNAL_ERROR, CLOSE_MESSAGE_TOO_LARGE, CLOSE_SHUTTING_DOWN, CLOSE_TOO_MANY_CONNECTIONS, closeReason
} from './close-codes.ts'
import { SocketQuota, socketAddress } from '../sockets/socket-quota.ts'

export { COLLAB_PATH } from './access.ts'
export * from './close-codes.ts'
export type { CollabSettings } from './settings.ts'

/** What tests and benchmarks may look at: the loaded documents. */
export interface CollabDocs {
  /** The loaded document of a bill, if it is in memory. */
  get (billId: string): Y.Doc | undefined
  /** Bill ids of the loaded documents. */
  ids (): string[]
  /** Connections to a bill's document. */
  connections (billId: string): number
  /** Stored updates of a loaded bill (before compaction brings them back to 1). */
  storedUpdates (billId: string): number | undefined
  /** Compactions this node ran on a loaded bill since it loaded it. */
  compactions (billId: string): number | undefined
  /** Waits until every received update is stored and applied. */
  flush (): Promise<void>
}

/** The collaboration endpoint attached to a server. */
export interface Collab {
  /** Closes every connection (1001), stores and compacts every document, unloads them. */
  close (): Promise<void>
  docs: CollabDocs
  /** The live settings (tests may change them). */
  settings: CollabSettings
}

const attached = new WeakMap<http.Server, Collab>()

/** The collaboration endpoint attached to this server (for tests and benchmarks). */
export function collabOf (server: http.Server): Collab | undefined {
  return attached.get(server)
}

/**
 * Attaches the collaboration endpoint to the server's `upgrade` event; on a
 * cluster, `relay` connects its documents with the other nodes' (relay.ts).
 */
export function attachCollab (ctx: Ctx, server: http.Server, options: Partial<CollabSettings> = {}, relay: CollabRelay = LOCAL_ONLY): Collab {
  const settings: CollabSettings = { ...DEFAULT_COLLAB_SETTINGS, ...options }
  const log = ctx.log.child({ module: 'collab' })
  const rooms = new Rooms(ctx.store, settings, log, relay)
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * settings.maxMessageBytes, perMessageDeflate: false })
  const sockets = new Set<WebSocket>()
  const live = new Set<Connection>()
  const quota = new SocketQuota(ctx.config.maxSocketsPerUser, ctx.config.maxSocketsPerAddress)
  let closing = false

  function onUpgrade (req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const billId = collabBillId(req.url)
    if (billId === undefined) return // not ours: socket.io (or nobody) handles it
    const onError = (): void => { socket.destroy() }
    socket.on('error', onError)
    void decide(req, billId).then(access => {
      socket.off('error', onError)
      // Messages between 1x and 2x the limit are refused by us with a reason; above, ws cuts them (1009).
      wss.options.maxPayload = 2 * settings.maxMessageBytes
      const address = socketAddress(req.socket.remoteAddress, req.headers, ctx.config.trustProxy)
      wss.handleUpgrade(req, socket, head, ws => { accept(ws, billId!, access, address) })
    })
  }

  async function decide (req: http.IncomingMessage, billId: string | null): Promise<CollabAccess> {
    if (closing) return { ok: false, code: CLOSE_SHUTTING_DOWN, reason: 'server shutting down' }
    if (billId === null) return NOT_FOUND
    try {
      return await decideAccess(ctx, req, billId)
    } catch (err) {
      log.error({ err, billId }, 'collab access check failed')
      return { ok: false, code: CLOSE_INTERNAL_ERROR, reason: 'internal error' }
    }
  }

  function accept (ws: WebSocket, billId: string, access: CollabAccess, address: string): void {
    sockets.add(ws)
    ws.on('close', () => { sockets.delete(ws) })
    ws.on('error', err => { log.debug({ err, billId }, 'collab socket error') })
    if (!access.ok) {
      ws.close(access.code, closeReason(access.reason))
      return
    }
    if (closing) {
      ws.close(CLOSE_SHUTTING_DOWN, 'server shutting down')
      return
    }
    const release = quota.take(access.actor?.id ?? null, address)
    if (!release) {
      ws.close(CLOSE_TOO_MANY_CONNECTIONS, access.actor ? 'too many open connections for this account' : 'too many open connections from this address')
      return
    }
    ws.on('close', release)
    const conn = new Connection(ws, billId, access.actor, access.credentialId, access.canWrite, settings.maxBufferedBytes)
    live.add(conn)
    let room: Awaited<ReturnType<Rooms['acquire']>> | null = null
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      conn.alive = true
      if (conn.closed) return
      if (!isBinary) { conn.close(CLOSE_BAD_MESSAGE, 'text frames are not part of the protocol'); return }
      if (data.byteLength > settings.maxMessageBytes) {
        conn.close(CLOSE_MESSAGE_TOO_LARGE, `message too large: ${data.byteLength} bytes, limit ${settings.maxMessageBytes}`)
        return
      }
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      if (room) room.receive(conn, message)
      else {
        // Until the document is loaded: kept in order, and the socket is not read beyond a bound.
        conn.inbox.push(message)
        conn.queued(message.byteLength, settings.maxPendingBytes)
      }
    })
    ws.on('pong', () => { conn.alive = true })
    ws.on('close', () => {
      conn.closed = true
      live.delete(conn)
      if (room) rooms.leave(room, conn)
    })
    rooms.acquire(billId).then(r => {
      if (conn.closed) { rooms.release(r); return }
      const waited = conn.inbox.reduce((n, m) => n + m.byteLength, 0)
      if (!rooms.join(r, conn)) { conn.close(CLOSE_SHUTTING_DOWN, 'server shutting down'); return }
      room = r
      conn.settled(waited, settings.maxPendingBytes)
      log.debug({ billId, conn: conn.id, user: access.actor?.id ?? null, canWrite: conn.canWrite }, 'collab peer joined')
    }, err => {
      log.error({ err, billId }, 'collab document could not be loaded')
      conn.close(CLOSE_INTERNAL_ERROR, 'the document could not be loaded')
    })
  }

  // Rights follow the bill, the user's role and their session (revocation.ts).
  const offRights = followRights(ctx, () => live, log)

  const pinger = setInterval(() => {
    for (const conn of live) {
      if (!conn.alive) { conn.closed = true; conn.ws.terminate(); continue }
      conn.alive = false
      try { conn.ws.ping() } catch { conn.ws.terminate() }
    }
  }, settings.pingIntervalMs)
  pinger.unref()

  server.on('upgrade', onUpgrade)

  const collab: Collab = {
    settings,
    docs: {
      get: billId => rooms.get(billId)?.doc,
      ids: () => rooms.all().map(r => r.billId),
      connections: billId => rooms.get(billId)?.conns.size ?? 0,
      storedUpdates: billId => rooms.get(billId)?.persistence.stored,
      compactions: billId => rooms.get(billId)?.persistence.compactions,
      flush: () => rooms.flush()
    },
    async close () {
      if (closing) return
      closing = true // later upgrades are refused (1001, then 503 once ws is closed)
      clearInterval(pinger)
      offRights()
      for (const conn of live) conn.close(CLOSE_SHUTTING_DOWN, 'server shutting down')
      rooms.detach()
      await rooms.unloadAll()
      // Peers answer the close handshake; those that do not are cut after a grace period.
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        Promise.all([...sockets].map(ws => new Promise(resolve => ws.once('close', resolve)))),
        new Promise(resolve => { timer = setTimeout(resolve, settings.closeGraceMs) })
      ])
      clearTimeout(timer)
      for (const ws of sockets) ws.terminate()
      wss.close()
      attached.delete(server)
    }
  }
  attached.set(server, collab)
  return collab
}
