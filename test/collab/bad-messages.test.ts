/**
 * Messages outside the y-websocket protocol close the connection with 4400
 * and say why: a text frame, bytes that do not decode, an unknown message
 * type, an update that is not a Yjs update (nothing of it is stored).
 */
import assert from 'node:assert/strict'
import { WebSocket } from 'ws'
import * as encoding from 'lib0/encoding'
import { publishedBill } from '../helpers/server.ts'
import { CLOSE_BAD_MESSAGE, collabOf } from '../../server/collab/index.ts'
import { collabFixture, collabUrl, webSocketWith } from './clients.ts'

function sendAndClose (url: string, cookie: string, message: string | Uint8Array): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const Ws = webSocketWith({ cookie })
    const ws: WebSocket = new Ws(url)
    ws.on('open', () => ws.send(message))
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    ws.on('error', reject)
  })
}

function syncMessage (step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

describe('Collaboration: messages outside the protocol', function () {
  const fx = collabFixture({ scope: 'file' })

  it('closes with 4400 and a reason, and stores nothing', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const url = `${collabUrl(fx.s.url)}/${bill.id}`
    const before = (await fx.s.app.ctx.store.getDocUpdates(bill.id)).length
    const cases: [string, string | Uint8Array, RegExp][] = [
      ['a text frame', 'hello', /^text frames are not part of the protocol$/],
      ['a truncated message', Uint8Array.of(0, 1, 200), /^malformed message$/],
      ['an unknown message type', Uint8Array.of(9), /^unknown message type 9$/],
      ['an unknown sync step', syncMessage(7, Uint8Array.of(0)), /^unknown sync message type 7$/],
      ['an update that is not a Yjs update', syncMessage(2, Uint8Array.of(3, 250, 250, 250, 1, 2, 3)), /^invalid update/],
      ['a sync step 2 that is not a Yjs update', syncMessage(1, Uint8Array.of(1, 1, 99, 99)), /^invalid update/],
      ['a bad state vector', syncMessage(0, Uint8Array.of(5, 1)), /^malformed message$/],
      ['a malformed awareness update', Uint8Array.of(1, 3, 1, 1, 9), /^malformed awareness update$/]
    ]
    for (const [what, message, reason] of cases) {
      const closed = await sendAndClose(url, author.cookie!, message)
      assert.equal(closed.code, CLOSE_BAD_MESSAGE, what)
      assert.match(closed.reason, reason, what)
    }
    await collabOf(fx.s.app.server)!.docs.flush()
    assert.equal((await fx.s.app.ctx.store.getDocUpdates(bill.id)).length, before, 'nothing was stored')
  })
})
