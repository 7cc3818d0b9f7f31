/**
 * Co-drafting rights do not outlive the session or the role: after a
 * logout (`session:ended` for that session), a "log out everywhere" (for
 * all of the user's credentials) or an admin's demotion, an already open
 * collaboration socket stops writing and is sent to reconnect (4205), and
 * comes back with what its credentials are worth now; what it types after
 * is not stored.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { CLOSE_FORBIDDEN, CLOSE_RIGHTS_CHANGED, collabOf } from '../../server/collab/index.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { secretId } from '../../server/domain/accounts.ts'
import { closedBy, synced, textOf, typeInto, waitFor, collabFixture, type Peer } from './clients.ts'

describe('Collaboration: sessions ending and roles changing while connected', function () {
  const fx = collabFixture()

  async function notStored (peer: Peer, billId: string, word: string): Promise<void> {
    await synced(peer)
    typeInto(peer.doc, 0, 0, 0, `${word} `)
    await waitFor(() => peer.denied.length > 0, 'the peer to be told it is read-only')
    await collabOf(fx.s.app.server)!.docs.flush()
    assert.ok(!textOf(await loadWorkingDoc(fx.s.app.ctx.store, billId)).includes(word), `${word} was stored`)
  }

  it('sends an editor to reconnect when they log out, and stores nothing more from them', async () => {
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const cookie = author.cookie!
    const editor = fx.connect(bill.id, { cookie })
    await synced(editor)
    typeInto(editor.doc, 0, 0, 0, 'AVANT ')
    await waitFor(() => textOf(collabOf(fx.s.app.server)!.docs.get(bill.id)!).includes('AVANT'), 'the first edit to be stored')

    assert.equal((await author.post('/auth/logout')).status, 204)
    await waitFor(() => editor.closes.some(c => c.code === CLOSE_RIGHTS_CHANGED), 'the socket to be sent away')
    assert.deepEqual(editor.closes.at(-1), { code: CLOSE_RIGHTS_CHANGED, reason: 'your session ended: reconnect' })
    // It reconnects with the old cookie, which is now worth nothing: a visitor, read-only.
    await notStored(editor, bill.id, 'APRÈS')
  })

  it('closes every socket of the user on "log out everywhere", and only theirs', async () => {
    const author = await fx.s.as('author')
    const colleague = await fx.s.as('author')
    const created = await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })
    const billId: string = created.body.id
    assert.equal((await author.patch(`/bills/${billId}`, { editors: [author.userId, colleague.userId] })).status, 200)
    const tab1 = fx.connect(billId, { cookie: author.cookie })
    const tab2 = fx.connect(billId, { cookie: author.cookie })
    const other = fx.connect(billId, { cookie: colleague.cookie })
    await Promise.all([synced(tab1), synced(tab2), synced(other)])
    // What harden-http's "log out everywhere" and token revocation emit once the credentials are deleted.
    await fx.s.app.ctx.store.deleteCredential(secretId(author.cookie!.split('=')[1]))
    fx.s.app.ctx.events.emit('session:ended', { userId: author.userId, credentialIds: 'all' })
    // On a draft, a signed-out reconnect gets "not found", for good.
    assert.equal((await closedBy(tab1)).code, 4404)
    assert.equal((await closedBy(tab2)).code, 4404)
    assert.ok(tab1.closes.some(c => c.code === CLOSE_RIGHTS_CHANGED))
    typeInto(other.doc, 0, 0, 0, 'COLLÈGUE ')
    await waitFor(() => textOf(collabOf(fx.s.app.server)!.docs.get(billId)!).includes('COLLÈGUE'), 'the colleague\'s edit to be stored')
    assert.equal(other.closes.length, 0)
  })

  it('downgrades a demoted admin\'s open socket', async () => {
    const admin = await fx.s.as('admin')
    const other = await fx.s.as('admin')
    const author = await fx.s.as('author')
    const bill = await publishedBill(author)
    const draft = (await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
    const onBill = fx.connect(bill.id, { cookie: other.cookie })
    const onDraft = fx.connect(draft.id, { cookie: other.cookie })
    await Promise.all([synced(onBill), synced(onDraft)])

    const demoted = await admin.patch(`/users/${other.userId}`, { role: 'citizen' })
    assert.equal(demoted.status, 200, JSON.stringify(demoted.body))
    assert.deepEqual(await closedBy(onDraft), { code: CLOSE_FORBIDDEN, reason: 'access to this bill was withdrawn' })
    await waitFor(() => onBill.closes.some(c => c.code === CLOSE_RIGHTS_CHANGED), 'the published bill\'s socket to be sent away')
    assert.deepEqual(onBill.closes.at(-1), { code: CLOSE_RIGHTS_CHANGED, reason: 'you may no longer edit: reconnect' })
    await notStored(onBill, bill.id, 'RÉTROGRADÉ')
  })
})
