/**
 * Rights follow the bill while connected: when its editors change, a peer
 * who became an editor (or stopped being one) is closed with 4205 and
 * reconnects by itself with its new rights; a draft's former editor who may
 * no longer see it is closed with 4403, for good.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { CLOSE_FORBIDDEN, CLOSE_RIGHTS_CHANGED, collabOf } from '../../server/collab/index.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { closedBy, synced, textOf, typeInto, waitFor, collabFixture } from './clients.ts'

describe('Collaboration: rights change while connected', function () {
  const fx = collabFixture()

  it('lets a citizen write once made an editor, and no longer once removed', async () => {
    const author = await fx.s.as('author')
    const citizen = await fx.s.as('citizen')
    const bill = await publishedBill(author)
    const editor = fx.connect(bill.id, { cookie: author.cookie })
    const guest = fx.connect(bill.id, { cookie: citizen.cookie })
    await Promise.all([synced(editor), synced(guest)])

    // Only an admin may make a citizen an editor.
    const grant = await (await fx.s.as('admin')).patch(`/bills/${bill.id}`, { editors: [author.userId, citizen.userId] })
    assert.equal(grant.status, 200)
    await waitFor(() => guest.closes.some(c => c.code === CLOSE_RIGHTS_CHANGED), 'the guest to be sent to reconnect')
    assert.deepEqual(guest.closes.at(-1), { code: CLOSE_RIGHTS_CHANGED, reason: 'you may now edit: reconnect' })
    await synced(guest)
    typeInto(guest.doc, 0, 0, 0, 'INVITÉ ')
    await waitFor(() => textOf(editor.doc).includes('INVITÉ'), 'the new editor\'s change to reach the author')
    assert.equal(editor.closes.length, 0, 'the author, whose rights did not change, stays connected')

    const revoke = await author.patch(`/bills/${bill.id}`, { editors: [author.userId] })
    assert.equal(revoke.status, 200)
    await waitFor(() => guest.closes.filter(c => c.code === CLOSE_RIGHTS_CHANGED).length === 2, 'the guest to be sent to reconnect again')
    assert.deepEqual(guest.closes.at(-1), { code: CLOSE_RIGHTS_CHANGED, reason: 'you may no longer edit: reconnect' })
    await synced(guest)
    typeInto(guest.doc, 0, 0, 0, 'REFUSÉ ')
    await waitFor(() => guest.denied.length === 1, 'the guest to be told it is read-only')
    await collabOf(fx.s.app.server)!.docs.flush()
    assert.ok(!textOf(editor.doc).includes('REFUSÉ'))
    assert.ok(!textOf(await loadWorkingDoc(fx.s.app.ctx.store, bill.id)).includes('REFUSÉ'))
  })

  it('closes a draft\'s former editor with 4403 when removed from its editors', async () => {
    const author = await fx.s.as('author')
    const colleague = await fx.s.as('author')
    const created = await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })
    const billId: string = created.body.id
    assert.equal((await author.patch(`/bills/${billId}`, { editors: [author.userId, colleague.userId] })).status, 200)
    const other = fx.connect(billId, { cookie: colleague.cookie })
    await synced(other)
    assert.equal((await author.patch(`/bills/${billId}`, { editors: [author.userId] })).status, 200)
    assert.deepEqual(await closedBy(other), { code: CLOSE_FORBIDDEN, reason: 'access to this bill was withdrawn' })
  })
})
