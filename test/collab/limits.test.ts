/**
 * Limits of the collaboration socket, each refused with a named close code
 * and a reason the client can show: a message larger than
 * `maxMessageBytes` (4413), a change that would make the document larger
 * than `maxDocBytes` (4422, nothing of it stored), and an unknown bill
 * (4404). Raw `ws` clients send what a provider never would.
 */
import assert from 'node:assert/strict'
import { WebSocket } from 'ws'
import * as encoding from 'lib0/encoding'
import { publishedBill } from '../helpers/server.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import {
  CLOSE_DOCUMENT_TOO_LARGE, CLOSE_MESSAGE_TOO_LARGE, CLOSE_NOT_FOUND, collabOf
} from '../../server/collab/index.ts'
import { collabFixture, closedBy, collabUrl, textOf, typeInto, waitFor, webSocketWith } from './clients.ts'

/** Opens a raw socket and resolves with how the server closed it. */
function rawClose (url: string, headers: Record<string, string>, send?: (ws: WebSocket) => void): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const Ws = webSocketWith(headers)
    const ws = new Ws(url)
    ws.on('open', () => send?.(ws))
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
    ws.on('error', reject)
  })
}

/** A sync update message (type 0, step 2) whose payload is `n` bytes: its size is what counts here. */
function bigMessage (n: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, 2)
  encoding.writeVarUint8Array(e, new Uint8Array(n))
  return encoding.toUint8Array(e)
}

describe('Collaboration: limits', function () {
  const fx = collabFixture()

  it('closes with 4413 and a reason when a message is larger than the limit', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const limit = collabOf(fx.s.app.server)!.settings.maxMessageBytes
    const closed = await rawClose(`${collabUrl(fx.s.url)}/${bill.id}`, { cookie: author.cookie! }, ws => ws.send(bigMessage(limit + 1000)))
    assert.equal(closed.code, CLOSE_MESSAGE_TOO_LARGE)
    assert.match(closed.reason, new RegExp(`^message too large: ${limit + 1000 + 5} bytes, limit ${limit}$`))
    // A message just under the limit is read: the connection stays open and answers the next message.
    const answered = await new Promise<boolean>((resolve, reject) => {
      const Ws = webSocketWith({ cookie: author.cookie! })
      const ws = new Ws(`${collabUrl(fx.s.url)}/${bill.id}`)
      ws.on('open', () => {
        ws.send(bigMessage(limit - 100)) // an empty update padded with zeros: valid, changes nothing
        ws.send(Uint8Array.of(3)) // query awareness: the server answers with an awareness message (type 1)
      })
      ws.on('message', (data: Buffer) => { if (data[0] === 1) { ws.close(); resolve(true) } })
      ws.on('close', () => resolve(false))
      ws.on('error', reject)
    })
    assert.ok(answered, 'a message under the limit is accepted')
  })

  it('refuses a change that would make the document too large: 4422, and nothing of it is stored', async () => {
    const collab = collabOf(fx.s.app.server)!
    collab.settings.maxDocBytes = 20_000
    const { bill, editor, watcher } = await fx.watchedBill()
    typeInto(editor.doc, 0, 0, 0, 'Petit ajout. ')
    await waitFor(() => textOf(watcher.doc).includes('Petit ajout.'), 'a small change to pass')
    typeInto(editor.doc, 1, 0, 0, 'x'.repeat(30_000))
    const closed = await closedBy(editor)
    assert.equal(closed.code, CLOSE_DOCUMENT_TOO_LARGE)
    assert.match(closed.reason, /^document too large: the change would make it \d+ bytes, limit 20000$/)
    await collab.docs.flush()
    const stored = await loadWorkingDoc(fx.s.app.ctx.store, bill.id)
    assert.ok(textOf(stored).includes('Petit ajout.'))
    assert.ok(!textOf(stored).includes('xxxxxxxxxx'), 'the refused change is not stored')
    assert.ok(!textOf(watcher.doc).includes('xxxxxxxxxx'), 'nor relayed')
  })

  it('closes with 4404 "bill not found" for an unknown bill or a malformed id', async () => {
    for (const path of ['bil_nosuchbill00000', 'not%20an%20id', 'a/b']) {
      const closed = await rawClose(`${collabUrl(fx.s.url)}/${path}`, {})
      assert.deepEqual(closed, { code: CLOSE_NOT_FOUND, reason: 'bill not found' }, path)
    }
  })
})
