/**
 * A cap on open collaboration sockets: per user (`maxSocketsPerUser`) and,
 * for visitors, per address (`maxSocketsPerAddress`). One more is closed
 * with 4429 (final: the stock provider does not retry); once one closes,
 * a new one is accepted.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { CLOSE_TOO_MANY_CONNECTIONS, collabOf } from '../../server/collab/index.ts'
import { collabFixture, closedBy, synced, waitFor } from './clients.ts'

describe('Collaboration: sockets per user and per address', function () {
  const fx = collabFixture({ config: { maxSocketsPerUser: 2, maxSocketsPerAddress: 3 } })

  it('refuses a user\'s third socket, and accepts one again once another closed', async () => {
    const author = await fx.s.as('author')
    const citizen = await fx.s.as('citizen')
    const bill = await publishedBill(author)
    const first = fx.connect(bill.id, { cookie: author.cookie })
    const second = fx.connect(bill.id, { cookie: author.cookie })
    await Promise.all([synced(first), synced(second)])
    const third = fx.connect(bill.id, { cookie: author.cookie })
    assert.deepEqual(await closedBy(third), { code: CLOSE_TOO_MANY_CONNECTIONS, reason: 'too many open connections for this account' })
    // Another user is not affected.
    await synced(fx.connect(bill.id, { cookie: citizen.cookie }))

    first.provider.disconnect()
    await waitFor(() => collabOf(fx.s.app.server)!.docs.connections(bill.id) === 2, 'the first socket to be gone')
    await synced(fx.connect(bill.id, { cookie: author.cookie }))
  })

  it('refuses a fourth visitor from one address', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const visitors = [0, 1, 2].map(() => fx.connect(bill.id))
    await Promise.all(visitors.map(v => synced(v)))
    const fourth = fx.connect(bill.id)
    assert.deepEqual(await closedBy(fourth), { code: CLOSE_TOO_MANY_CONNECTIONS, reason: 'too many open connections from this address' })
    // A signed-in user from the same address counts as themself.
    await synced(fx.connect(bill.id, { cookie: author.cookie }))
  })
})
