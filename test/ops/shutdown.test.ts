/**
 * Graceful shutdown: not ready any more, no new connection, requests in flight answered, live and
 * collaboration sockets closed so that their clients reconnect (to another node behind a load
 * balancer), connections left at the deadline (ALINEA_SHUTDOWN_MS) cut, then the store closed.
 */
import assert from 'node:assert/strict'
import http from 'node:http'
import { io, type Socket } from 'socket.io-client'
import { startServer, publishedBill, type TestServer } from '../helpers/server.ts'
import { connect as collabConnect, synced, waitFor, type Peer } from '../collab/clients.ts'

/** A PUT that the test releases: resolves `entered` when the handler runs, answers when `release` is called. */
function gate () {
  let release!: () => void
  let entered!: () => void
  const released = new Promise<void>(resolve => { release = resolve })
  const running = new Promise<void>(resolve => { entered = resolve })
  return { release, running, mount: (api: import('express').Router) => {
    api.get('/test/slow', async (_req, res) => { entered(); await released; res.json({ done: true }) })
  } }
}

/** A GET on a fresh connection (no keep-alive reuse): resolves with the status, rejects on a refused connection. */
function getFresh (url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent: false }, res => {
      let body = ''
      res.on('data', d => { body += d })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    }).on('error', reject)
  })
}

describe('Operations: graceful shutdown', () => {
  let s: TestServer
  const sockets: Socket[] = []
  const peers: Peer[] = []
  afterEach(async () => {
    for (const so of sockets.splice(0)) so.disconnect()
    for (const p of peers.splice(0)) p.destroy()
    await s.stop()
  })

  it('answers the request in flight, refuses new connections, then closes the store', async () => {
    const g = gate()
    s = await startServer({ mount: g.mount })
    const inFlight = getFresh(`${s.url}/api/v1/test/slow`)
    await g.running
    const closed = s.app.close()
    await waitFor(() => !s.app.server.listening, 'the server to stop listening')
    await assert.rejects(getFresh(`${s.url}/healthz`), /ECONNREFUSED/)
    g.release()
    assert.deepEqual(await inFlight, { status: 200, body: '{"done":true}' })
    await closed
    assert.equal(await s.app.ctx.store.ping().catch(() => false), false, 'the store is closed')
  })

  it('reports not ready while draining', async () => {
    const g = gate()
    s = await startServer({ mount: g.mount })
    const inFlight = getFresh(`${s.url}/api/v1/test/slow`)
    await g.running
    const closed = s.app.close()
    assert.deepEqual(await s.app.readiness.run(), { ready: false, draining: true, checks: { store: true } })
    g.release()
    await inFlight
    await closed
  })

  it('closes live sockets so that clients reconnect and recover by themselves (not an ended session)', async () => {
    s = await startServer()
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const socket = io(s.url, { transports: ['websocket'], reconnectionDelay: 10, reconnectionDelayMax: 10 })
    sockets.push(socket)
    await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('connect_error', reject) })
    assert.deepEqual(await socket.emitWithAck('subscribe', { billId: bill.id }), { ok: true })
    const reason = new Promise<string>(resolve => socket.once('disconnect', resolve))
    const attempt = new Promise<void>(resolve => socket.io.once('reconnect_attempt', () => resolve()))
    await s.app.close()
    // 'io server disconnect' would end the session: socket.io would neither reconnect nor recover it.
    assert.equal(await reason, 'transport close')
    await attempt
  })

  it('closes collaboration sockets with 1001 (going away), which the provider retries', async () => {
    s = await startServer()
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const peer = collabConnect(s.url, bill.id, { cookie: author.cookie })
    peers.push(peer)
    await synced(peer)
    await s.app.close()
    await waitFor(() => peer.closes.length > 0, 'the collaboration socket to close')
    assert.equal(peer.closes[0].code, 1001)
    assert.equal(peer.closed, null, 'not a final close: the provider reconnects')
  })

  it('cuts a request that outlives the deadline, and still closes', async () => {
    const g = gate()
    s = await startServer({ mount: g.mount, config: { shutdownMs: 200 } })
    const inFlight = getFresh(`${s.url}/api/v1/test/slow`).then(() => 'answered', (err: Error) => err.message)
    await g.running
    await s.app.close()
    assert.match(await inFlight, /socket hang up|ECONNRESET/)
    g.release()
  })
})
