/**
 * The upgrade: a Bearer token works like the session cookie (scripts), an
 * invalid token is refused with 4401, a session cookie sent from a page of
 * another origin with 4403 (cross-site WebSocket hijacking), a client of
 * another document schema version with 4426, and upgrades
 * of other paths (socket.io) are left to their own listener, on the same
 * server at the same time.
 */
import assert from 'node:assert/strict'
import { io, type Socket } from 'socket.io-client'
import { publishedBill } from '../helpers/server.ts'
import { CLOSE_FORBIDDEN, CLOSE_SCHEMA_MISMATCH, CLOSE_UNAUTHORIZED } from '../../server/collab/index.ts'
import { SCHEMA_VERSION } from '../../shared/schema.ts'
import { collabFixture, closedBy, collabUrl, synced, textOf, typeInto, waitFor, webSocketWith } from './clients.ts'

describe('Collaboration: the upgrade handshake', function () {
  const fx = collabFixture()
  let sockets: Socket[] = []
  afterEach(() => {
    for (const so of sockets) so.disconnect()
    sockets = []
  })

  it('accepts a Bearer token as the cookie, and refuses an invalid one with 4401', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const { token } = (await author.post('/auth/tokens', {})).body
    const script = fx.connect(bill.id, { token })
    const watcher = fx.connect(bill.id)
    await Promise.all([synced(script), synced(watcher)])
    typeInto(script.doc, 0, 0, 0, 'SCRIPT ')
    await waitFor(() => textOf(watcher.doc).includes('SCRIPT'), 'the script\'s change to be accepted')

    const forged = fx.connect(bill.id, { token: 'not-a-token' })
    assert.deepEqual(await closedBy(forged), { code: CLOSE_UNAUTHORIZED, reason: 'invalid token' })
  })

  it('refuses a session cookie sent from another origin with 4403, and accepts it from the same origin', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const url = `${collabUrl(fx.s.url)}/${bill.id}`
    const attempt = (headers: Record<string, string>): Promise<{ code: number; reason: string } | 'open'> => new Promise((resolve, reject) => {
      const ws = new (webSocketWith({ cookie: author.cookie!, ...headers }))(url)
      ws.on('message', () => { ws.close(); resolve('open') })
      ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
      ws.on('error', reject)
    })
    assert.deepEqual(await attempt({ origin: 'https://evil.example' }), { code: CLOSE_FORBIDDEN, reason: 'cross-origin connection refused' })
    assert.deepEqual(await attempt({ 'sec-fetch-site': 'cross-site' }), { code: CLOSE_FORBIDDEN, reason: 'cross-origin connection refused' })
    assert.equal(await attempt({ origin: fx.s.url }), 'open')
  })

  it('refuses a client of another schema version with 4426, and accepts the current one', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const old = fx.connect(bill.id, { params: { schema: String(SCHEMA_VERSION + 1) } })
    assert.deepEqual(await closedBy(old), { code: CLOSE_SCHEMA_MISMATCH, reason: `document schema ${SCHEMA_VERSION + 1} is not the server's ${SCHEMA_VERSION}: reload the page` })
    const current = fx.connect(bill.id, { params: { schema: String(SCHEMA_VERSION) } })
    await synced(current)
  })

  it('leaves socket.io upgrades to socket.io, on the same server at the same time', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const socket = await new Promise<Socket>((resolve, reject) => {
      const so = io(fx.s.url, { transports: ['websocket'], reconnection: false })
      sockets.push(so)
      so.once('connect', () => resolve(so))
      so.once('connect_error', reject)
    })
    const peer = fx.connect(bill.id)
    await synced(peer)
    assert.deepEqual(await socket.emitWithAck('subscribe', { billId: bill.id }), { ok: true })
    assert.ok(socket.connected)
  })
})
