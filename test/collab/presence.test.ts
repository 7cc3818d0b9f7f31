/**
 * Presence (awareness): everyone, read-only peers included, shows up to the
 * others, with the identity the server knows (`user.id`, `user.name`,
 * `user.canEdit`) stamped over whatever the client claimed, its colour
 * kept; nobody can speak for another connection's awareness client id; a
 * peer that leaves disappears.
 */
import assert from 'node:assert/strict'
import * as decoding from 'lib0/decoding'
import { publishedBill } from '../helpers/server.ts'
import { collabUrl, synced, waitFor, webSocketWith, type Peer, collabFixture } from './clients.ts'
import { decodeAwarenessUpdate, encodeAwarenessEntries, type AwarenessEntry } from '../../server/collab/presence.ts'
import { encodeAwarenessMessage } from '../../server/collab/protocol.ts'

describe('Collaboration: presence', function () {
  const fx = collabFixture()
  const userOf = (seenBy: Peer, who: Peer): any => seenBy.provider.awareness.getStates().get(who.doc.clientID)?.user

  it('shows each peer with its real identity, whatever name it claims', async () => {
    const author = await fx.s.as('author', 'Marianne')
    const citizen = await fx.s.as('citizen', 'Jean')
    const bill = await publishedBill(author)
    const editor = fx.connect(bill.id, { cookie: author.cookie })
    const reader = fx.connect(bill.id, { cookie: citizen.cookie })
    const visitor = fx.connect(bill.id)
    await Promise.all([editor, reader, visitor].map(p => synced(p)))

    editor.provider.awareness.setLocalStateField('user', { name: 'Marianne', color: '#0055a4' })
    reader.provider.awareness.setLocalStateField('user', { name: 'La Présidente', color: '#ef4135' })
    visitor.provider.awareness.setLocalStateField('user', { name: 'Le Ministre', color: '#999999' })

    await waitFor(() => userOf(editor, reader) && userOf(editor, visitor) && userOf(reader, editor), 'presence to spread')
    assert.deepEqual(userOf(editor, reader), { name: 'Jean', color: '#ef4135', id: citizen.userId, canEdit: false })
    assert.deepEqual(userOf(editor, visitor), { name: '', color: '#999999', id: null, canEdit: false })
    assert.deepEqual(userOf(reader, editor), { name: 'Marianne', color: '#0055a4', id: author.userId, canEdit: true })
    assert.deepEqual(userOf(visitor, reader), userOf(editor, reader))
  })

  it('drops awareness sent for a client id another connection owns, and removes a peer that leaves', async () => {
    const author = await fx.s.as('author')
    const citizen = await fx.s.as('citizen')
    const bill = await publishedBill(author)
    const editor = fx.connect(bill.id, { cookie: author.cookie })
    const reader = fx.connect(bill.id, { cookie: citizen.cookie })
    await Promise.all([synced(editor), synced(reader)])
    editor.provider.awareness.setLocalStateField('cursor', { at: 1 })
    await waitFor(() => reader.provider.awareness.getStates().get(editor.doc.clientID)?.cursor?.at === 1, 'the editor\'s cursor')

    // Another user's connection claims the editor's client id, with a clock far ahead.
    const forged = encodeAwarenessEntries([{ clientId: editor.doc.clientID, clock: 1_000, state: JSON.stringify({ cursor: { at: 999 } }) }])
    const seenByServer = await new Promise<AwarenessEntry[]>((resolve, reject) => {
      const Ws = webSocketWith({ cookie: citizen.cookie! })
      const ws = new Ws(`${collabUrl(fx.s.url)}/${bill.id}`)
      ws.on('open', () => {
        ws.send(encodeAwarenessMessage(forged))
        ws.send(Uint8Array.of(3)) // query awareness: answered after the forged message was handled
      })
      ws.on('message', (data: Buffer) => {
        const d = decoding.createDecoder(new Uint8Array(data))
        if (decoding.readVarUint(d) !== 1) return
        ws.close()
        resolve(decodeAwarenessUpdate(decoding.readVarUint8Array(d)))
      })
      ws.on('error', reject)
    })
    const editorEntry = seenByServer.find(e => e.clientId === editor.doc.clientID)!
    assert.equal(JSON.parse(editorEntry.state).cursor.at, 1, 'the server kept the editor\'s own state')
    assert.notEqual(editorEntry.clock, 1_000)
    // And the editor's next move still reaches the others.
    editor.provider.awareness.setLocalStateField('cursor', { at: 2 })
    await waitFor(() => reader.provider.awareness.getStates().get(editor.doc.clientID)?.cursor?.at === 2, 'the editor\'s new cursor')

    reader.provider.disconnect()
    await waitFor(() => !editor.provider.awareness.getStates().has(reader.doc.clientID), 'the reader to disappear')
  })
})
