/**
 * A presence flood: a peer announcing thousands of awareness client ids in
 * one message (80,000 fake visitors, megabytes sent to every newcomer).
 * A read-only peer, anonymous or not, speaks only for one client id (its
 * own, the first it announces); an editor's connection for at most
 * `maxAwarenessClientsPerConnection`; a state larger than
 * `maxAwarenessStateBytes` closes the connection with 4413.
 */
import assert from 'node:assert/strict'
import * as decoding from 'lib0/decoding'
import { publishedBill } from '../helpers/server.ts'
import { CLOSE_MESSAGE_TOO_LARGE, collabOf } from '../../server/collab/index.ts'
import { collabUrl, synced, waitFor, webSocketWith, collabFixture } from './clients.ts'
import { decodeAwarenessUpdate, encodeAwarenessEntries, type AwarenessEntry } from '../../server/collab/presence.ts'
import { encodeAwarenessMessage } from '../../server/collab/protocol.ts'

/** Sends awareness messages on a raw socket, then asks for the room's presence; resolves with what the server holds. */
function announce (url: string, billId: string, messages: AwarenessEntry[][], cookie?: string): Promise<{ entries: AwarenessEntry[] }> {
  return new Promise((resolve, reject) => {
    const Ws = webSocketWith(cookie ? { cookie } : {})
    const ws = new Ws(`${collabUrl(url)}/${billId}`)
    ws.on('open', () => {
      for (const m of messages) ws.send(encodeAwarenessMessage(encodeAwarenessEntries(m)))
      ws.send(Uint8Array.of(3)) // query awareness: answered after the messages above were handled
    })
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(d) !== 1) return
      const entries = decodeAwarenessUpdate(decoding.readVarUint8Array(d))
      ws.close()
      resolve({ entries })
    })
    ws.on('close', (code: number) => { reject(new Error(`closed with ${code} before the presence came`)) })
    ws.on('error', reject)
  })
}

const fake = (from: number, n: number): AwarenessEntry[] =>
  Array.from({ length: n }, (_, i) => ({ clientId: from + i, clock: 1, state: JSON.stringify({ user: { name: `Visiteur ${i}`, color: '#123456' } }) }))

describe('Collaboration: presence flood', function () {
  const fx = collabFixture()

  it('lets an anonymous reader announce one client id, not 8,000', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const seen = await announce(fx.s.url, bill.id, [fake(1_000_000, 8_000)])
    const flooded = seen.entries.filter(e => e.clientId >= 1_000_000 && e.state !== 'null')
    assert.equal(flooded.length, 1, `the server kept ${flooded.length} states of the flood`)

    // A newcomer is not sent the flood either; the anonymous peer's own presence is gone once it left.
    const newcomer = fx.connect(bill.id)
    await synced(newcomer)
    newcomer.provider.awareness.setLocalStateField('user', { name: 'x', color: '#000000' })
    await waitFor(() => collabOf(fx.s.app.server)!.docs.connections(bill.id) === 1, 'the flooding peer to be gone')
    assert.ok(newcomer.provider.awareness.getStates().size <= 2)
  })

  it('lets a signed-in reader speak for one client id, and changes it only after leaving it', async () => {
    const author = await fx.s.as('author')
    const citizen = await fx.s.as('citizen')
    const bill = await publishedBill(author)
    const seen = await announce(fx.s.url, bill.id, [
      fake(2_000_000, 3),
      [{ clientId: 2_000_000, clock: 2, state: 'null' }], // leaves its first id...
      fake(3_000_000, 2) // ...and may take one new id
    ], citizen.cookie!)
    const live = seen.entries.filter(e => e.state !== 'null').map(e => e.clientId)
    assert.deepEqual(live, [3_000_000])
  })

  it('caps the client ids of an editor\'s connection and the size of a state', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const max = collabOf(fx.s.app.server)!.settings.maxAwarenessClientsPerConnection
    const seen = await announce(fx.s.url, bill.id, [fake(4_000_000, 8_000)], author.cookie!)
    assert.equal(seen.entries.filter(e => e.clientId >= 4_000_000).length, max)

    const limit = collabOf(fx.s.app.server)!.settings.maxAwarenessStateBytes
    const code = await new Promise<number>((resolve, reject) => {
      const ws = new (webSocketWith({}))(`${collabUrl(fx.s.url)}/${bill.id}`)
      ws.on('open', () => { ws.send(encodeAwarenessMessage(encodeAwarenessEntries([{ clientId: 5_000_000, clock: 1, state: JSON.stringify({ user: { name: 'x'.repeat(limit) } }) }]))) })
      ws.on('close', resolve)
      ws.on('error', reject)
    })
    assert.equal(code, CLOSE_MESSAGE_TOO_LARGE)
  })
})
