/**
 * Live events follow rights: a draft's co-editor removed from its editors,
 * a user who logged out, and an admin who was demoted leave the rooms of
 * the drafts they may no longer see, and stop getting their events
 * (`bill:updated`, `bill:published`), including the `bill:updated` of
 * their removal; the others keep getting them.
 */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import type { TestServer } from '../helpers/server.ts'
import { liveSuite } from '../helpers/live-suite.ts'
import { record, subscribe, nextEvent } from '../helpers/live.ts'

describe('Live: rights change while subscribed', () => {
  const live = liveSuite()
  const open = live.open
  /** A round trip on `socket`: anything the server sent it before is received once this resolves. */
  const roundTrip = (socket: Socket): Promise<unknown> => socket.emitWithAck('unsubscribe', { billId: 'none' })

  async function draftWith (author: Awaited<ReturnType<TestServer['as']>>, editors: string[]): Promise<string> {
    const created = await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })
    assert.equal(created.status, 201)
    if (editors.length > 0) assert.equal((await author.patch(`/bills/${created.body.id}`, { editors: [author.userId, ...editors] })).status, 200)
    return created.body.id
  }

  /** The author changes the draft and publishes it; resolves once the author's own socket got both events. */
  async function changeAndPublish (author: Awaited<ReturnType<TestServer['as']>>, witness: Socket, billId: string, editors?: string[]): Promise<void> {
    const updated = nextEvent(witness, 'bill:updated')
    assert.equal((await author.patch(`/bills/${billId}`, editors ? { editors } : { title: 'Nouveau titre' })).status, 200)
    await updated
    const published = nextEvent(witness, 'bill:published')
    assert.equal((await author.post(`/bills/${billId}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })).status, 200)
    await published
  }

  /** A draft with a co-editor: both connected and in its room. */
  async function sharedDraft () {
    const author = await live.s.as('author')
    const colleague = await live.s.as('author')
    const billId = await draftWith(author, [colleague.userId])
    const mine = await open(author.cookie)
    const theirs = await open(colleague.cookie)
    assert.deepEqual(await subscribe(mine, billId), { ok: true })
    assert.deepEqual(await subscribe(theirs, billId), { ok: true })
    return { author, colleague, billId, mine, theirs }
  }

  it('takes a removed co-editor out of the draft\'s room', async () => {
    const { author, billId, mine, theirs } = await sharedDraft()
    const seen = record(theirs)
    await changeAndPublish(author, mine, billId, [author.userId])
    await roundTrip(theirs)
    assert.deepEqual(seen.map(([name]) => name), [], 'the removed co-editor got no event of the draft')
  })

  it('takes a user who logged out out of their drafts\' rooms', async () => {
    const { author, colleague, billId, mine, theirs } = await sharedDraft()
    const seen = record(theirs)
    assert.equal((await colleague.post('/auth/logout')).status, 204)
    await waitLeft(theirs, billId)
    await changeAndPublish(author, mine, billId)
    await roundTrip(theirs)
    assert.deepEqual(seen.map(([name]) => name), [])
  })

  it('takes a demoted admin out of the drafts\' rooms, and keeps the other admin in', async () => {
    const admin = await live.s.as('admin')
    const other = await live.s.as('admin')
    const author = await live.s.as('author')
    const billId = await draftWith(author, [])
    const mine = await open(author.cookie)
    const kept = await open(admin.cookie)
    const demoted = await open(other.cookie)
    for (const socket of [mine, kept, demoted]) assert.deepEqual(await subscribe(socket, billId), { ok: true })
    const seenByDemoted = record(demoted)
    const seenByKept = record(kept)
    assert.equal((await admin.patch(`/users/${other.userId}`, { role: 'citizen' })).status, 200)
    await waitLeft(demoted, billId)
    await changeAndPublish(author, mine, billId)
    await roundTrip(demoted)
    await roundTrip(kept)
    assert.deepEqual(seenByDemoted.map(([name]) => name), [])
    assert.deepEqual(seenByKept.map(([name]) => name), ['bill:updated', 'bill:published'])
  })

  /** Waits until the server no longer has this socket in the bill's room. */
  async function waitLeft (socket: Socket, billId: string): Promise<void> {
    const start = Date.now()
    for (;;) {
      const inRoom = await live.s.app.live.io.in(`bill:${billId}`).fetchSockets()
      if (!inRoom.some(x => x.id === socket.id)) return
      if (Date.now() - start > 10_000) throw new Error('timed out waiting for the socket to leave the room')
      await new Promise(resolve => setTimeout(resolve, 5))
    }
  }
})
