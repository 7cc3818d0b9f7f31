/**
 * Domain events relayed between nodes: the ones adapters act on for their
 * own connections reach every node's bus with origin 'remote' (once, never
 * echoed back); the others stay on their node (socket.io's adapter carries
 * live events); a bill's `bill:updated` reaches a live socket once, not
 * once per node.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { connect, record, subscribe } from '../helpers/live.ts'
import type { EventOrigin } from '../../server/domain/events.ts'
import { waitFor } from '../collab/clients.ts'
import { startInProcessCluster, type InProcessCluster } from './nodes.ts'

describe('Cluster: domain events between nodes', function () {
  this.timeout(60_000)
  let c: InProcessCluster
  before(async () => { c = await startInProcessCluster(2) })
  after(async () => { await c?.stop() })

  it('relays session ends and role changes to the other node, once, as remote events', async () => {
    const got: [string, unknown, EventOrigin][] = []
    const [a, b] = c.nodes.map(n => n.app.ctx.events)
    b.on('session:ended', (p, origin) => { got.push(['session:ended', p, origin]) })
    b.on('user:role-changed', (p, origin) => { got.push(['user:role-changed', p, origin]) })
    const echoed: EventOrigin[] = []
    a.on('session:ended', (_p, origin) => { echoed.push(origin) })
    a.emit('session:ended', { userId: 'usr_1', credentialIds: 'all' })
    a.emit('user:role-changed', { userId: 'usr_1' })
    await waitFor(() => got.length === 2, 'both events to reach the other node')
    assert.deepEqual(got, [
      ['session:ended', { userId: 'usr_1', credentialIds: 'all' }, 'remote'],
      ['user:role-changed', { userId: 'usr_1' }, 'remote']
    ])
    // A later event proves the earlier ones were not echoed back to node 0 meanwhile.
    b.emit('user:role-changed', { userId: 'usr_2' })
    await waitFor(() => got.length === 3, 'a local event on node 1')
    assert.deepEqual(echoed, ['local'])
  })

  it('sends a bill\'s bill:updated once to a live socket on the other node', async () => {
    const author = await c.as('author', c.nodes[0])
    const bill = await publishedBill(author)
    const socket = await connect(c.nodes[1].url)
    try {
      assert.deepEqual(await subscribe(socket, bill.id), { ok: true })
      const events = record(socket)
      let relayed = 0
      const off = c.nodes[1].app.ctx.events.on('bill:updated', (p, origin) => { if (p.billId === bill.id && origin === 'remote') relayed++ })
      assert.equal((await author.patch(`/bills/${bill.id}`, { title: 'Nouveau titre' })).status, 200)
      assert.equal((await author.patch(`/bills/${bill.id}`, { title: 'Titre encore' })).status, 200)
      await waitFor(() => events.filter(([n]) => n === 'bill:updated').length >= 2, 'the two updates')
      // Node 1 got both relayed: had its live module emitted them, the emits were written before
      // the tally of a later vote on the same WebSocket.
      await waitFor(() => relayed === 2, 'node 1 to receive both relayed events')
      off()
      const voter = await c.as('citizen', c.nodes[0])
      assert.equal((await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for' })).status, 200)
      await waitFor(() => events.some(([n]) => n === 'tally'), 'the tally')
      assert.equal(events.filter(([n]) => n === 'bill:updated').length, 2)
    } finally {
      socket.close()
    }
  })
})
