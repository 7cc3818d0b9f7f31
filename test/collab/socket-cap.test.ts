/**
 * A cap on open collaboration sockets: per user (`maxSocketsPerUser`) and,
 * for visitors, per address (`maxSocketsPerAddress`). One more is closed
 * with 4429 (final: the stock provider does not retry); once one closes,
 * a new one is accepted.
 */
import assert from 'node:assert/strict'
import { startServer, publishedBill, type TestServer } from '../helpers/server.ts'
import { CLOSE_TOO_MANY_CONNECTIONS, collabOf } from '../../server/collab/index.ts'
import { closedBy, connect, synced, waitFor, type Peer } from './clients.ts'

describe('Collaboration: sockets per user and per address', function () {
  let s: TestServer
  let peers: Peer[] = []
  beforeEach(async () => { s = await startServer({ config: { maxSocketsPerUser: 2, maxSocketsPerAddress: 3 } }) })
  afterEach(async () => {
    for (const p of peers) p.destroy()
    peers = []
    await s.stop()
  })
  const track = (p: Peer): Peer => { peers.push(p); return p }

  it('refuses a user\'s third socket, and accepts one again once another closed', async () => {
    const author = await s.as('author')
    const citizen = await s.as('citizen')
    const bill = await publishedBill(author)
    const first = track(connect(s.url, bill.id, { cookie: author.cookie }))
    const second = track(connect(s.url, bill.id, { cookie: author.cookie }))
    await Promise.all([synced(first), synced(second)])
    const third = track(connect(s.url, bill.id, { cookie: author.cookie }))
    assert.deepEqual(await closedBy(third), { code: CLOSE_TOO_MANY_CONNECTIONS, reason: 'too many open connections for this account' })
    // Another user is not affected.
    await synced(track(connect(s.url, bill.id, { cookie: citizen.cookie })))

    first.provider.disconnect()
    await waitFor(() => collabOf(s.app.server)!.docs.connections(bill.id) === 2, 'the first socket to be gone')
    await synced(track(connect(s.url, bill.id, { cookie: author.cookie })))
  })

  it('refuses a fourth visitor from one address', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const visitors = [0, 1, 2].map(() => track(connect(s.url, bill.id)))
    await Promise.all(visitors.map(v => synced(v)))
    const fourth = track(connect(s.url, bill.id))
    assert.deepEqual(await closedBy(fourth), { code: CLOSE_TOO_MANY_CONNECTIONS, reason: 'too many open connections from this address' })
    // A signed-in user from the same address counts as themself.
    await synced(track(connect(s.url, bill.id, { cookie: author.cookie })))
  })
})
