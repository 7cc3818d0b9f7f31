/**
 * Read-only peers: on a published bill, a signed-in citizen who is not an
 * editor and an anonymous visitor receive the editors' changes, but their
 * own changes are dropped by the server (never applied, relayed or
 * stored; they are told once with "permission denied"). A draft is not
 * there at all for whoever may not see it: the upgrade is closed with 4404.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { CLOSE_NOT_FOUND, collabOf } from '../../server/collab/index.ts'
import { READ_ONLY_NOTICE } from '../../server/collab/room.ts'
import { closedBy, synced, textOf, typeInto, waitFor, collabFixture } from './clients.ts'

describe('Collaboration: read-only peers', function () {
  const fx = collabFixture()

  it('a citizen and an anonymous visitor receive edits, and their own never reach the document, the store or others', async () => {
    const author = await fx.s.as('author')
    const citizen = await fx.s.as('citizen')
    const bill = await publishedBill(author)
    const editor = fx.connect(bill.id, { cookie: author.cookie })
    const reader = fx.connect(bill.id, { cookie: citizen.cookie })
    const visitor = fx.connect(bill.id)
    await Promise.all([editor, reader, visitor].map(p => synced(p)))

    typeInto(reader.doc, 0, 0, 0, 'CITOYEN ')
    typeInto(visitor.doc, 1, 0, 0, 'ANONYME ')
    await waitFor(() => reader.denied.length === 1 && visitor.denied.length === 1, 'both read-only peers to be told')
    assert.deepEqual(reader.denied, [READ_ONLY_NOTICE])

    // The editor's change reaches everyone (and is stored before it does).
    typeInto(editor.doc, 0, 0, 0, 'ÉDITEUR ')
    await waitFor(() => textOf(reader.doc).includes('ÉDITEUR') && textOf(visitor.doc).includes('ÉDITEUR'), 'the editor\'s change to reach the readers')

    // A second change of a read-only peer: dropped silently (told once per connection).
    typeInto(reader.doc, 1, 1, 0, 'ENCORE ')
    typeInto(editor.doc, 1, 1, 0, 'FIN ')
    await waitFor(() => textOf(reader.doc).includes('FIN') && textOf(visitor.doc).includes('FIN'), 'the last change to reach the readers')
    assert.equal(reader.denied.length, 1)

    await collabOf(fx.s.app.server)!.docs.flush()
    const serverDoc = collabOf(fx.s.app.server)!.docs.get(bill.id)!
    const stored = await loadWorkingDoc(fx.s.app.ctx.store, bill.id)
    for (const [name, doc] of [['editor', editor.doc], ['server', serverDoc], ['store', stored], ['visitor', visitor.doc]] as const) {
      assert.ok(!textOf(doc).includes('CITOYEN'), `the citizen's change is not in the ${name}'s document`)
      assert.ok(!textOf(doc).includes('ENCORE'), `the citizen's second change is not in the ${name}'s document`)
    }
    for (const [name, doc] of [['editor', editor.doc], ['server', serverDoc], ['store', stored], ['reader', reader.doc]] as const) {
      assert.ok(!textOf(doc).includes('ANONYME'), `the visitor's change is not in the ${name}'s document`)
    }
    assert.equal(textOf(stored), textOf(editor.doc), 'the store holds exactly the editor\'s document')
  })

  it('closes the upgrade with 4404 "bill not found" for a draft the client may not see, as for a missing bill', async () => {
    const author = await fx.s.as('author')
    const citizen = await fx.s.as('citizen')
    const otherAuthor = await fx.s.as('author')
    const created = await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte secret.'] }] })
    assert.equal(created.status, 201)
    const draftId: string = created.body.id

    for (const [who, cookie] of [['a citizen', citizen.cookie], ['an author who is not its editor', otherAuthor.cookie], ['an anonymous visitor', null]] as const) {
      const peer = fx.connect(draftId, { cookie })
      const closed = await closedBy(peer)
      assert.deepEqual(closed, { code: CLOSE_NOT_FOUND, reason: 'bill not found' }, who)
      assert.equal(textOf(peer.doc), '', `${who} received nothing of the draft`)
    }
    const missing = fx.connect('bil_doesnotexist000')
    assert.deepEqual(await closedBy(missing), { code: CLOSE_NOT_FOUND, reason: 'bill not found' })

    // Its editor gets it.
    const editor = fx.connect(draftId, { cookie: author.cookie })
    await synced(editor)
    assert.ok(textOf(editor.doc).includes('Texte secret.'))
  })
})
