/**
 * Memory and storage upkeep: a document with more stored updates than
 * `compactAfter` is compacted into one stored state while in use; once the
 * last connection left and `idleUnloadMs` passed, it is compacted and
 * unloaded; the next connection loads it again, unchanged.
 */
import assert from 'node:assert/strict'
import { collabOf, type Collab } from '../../server/collab/index.ts'
import { collabFixture, synced, textOf, typeInto, waitFor } from './clients.ts'

describe('Collaboration: compaction and unloading', function () {
  const fx = collabFixture()
  let collab: Collab
  beforeEach(() => { collab = collabOf(fx.s.app.server)! })

  it('compacts the stored updates once there are more than compactAfter', async () => {
    collab.settings.compactAfter = 20
    const { bill, editor, watcher } = await fx.watchedBill()
    for (let i = 0; i < 60; i++) {
      typeInto(editor.doc, 0, 0, 0, `${i};`)
      // One change at a time, each stored on its own.
      await waitFor(() => textOf(watcher.doc).includes(`${i};`), `change ${i}`)
    }
    const stored = await fx.s.app.ctx.store.getDocUpdates(bill.id)
    assert.ok(stored.length <= 21, `${stored.length} stored updates after 60 changes`)
    assert.equal(stored.length, collab.docs.storedUpdates(bill.id))
  })

  it('unloads an idle document after compacting it, and loads it again on the next connection', async () => {
    collab.settings.idleUnloadMs = 50
    const { bill, editor } = await fx.editedBill()
    for (let i = 0; i < 10; i++) typeInto(editor.doc, 1, 0, 0, `${i}-`)
    await waitFor(() => collab.docs.get(bill.id) !== undefined && textOf(collab.docs.get(bill.id)!).includes('9-'), 'the server to have the changes')
    const text = textOf(editor.doc)
    assert.deepEqual(collab.docs.ids(), [bill.id])

    editor.provider.disconnect()
    await waitFor(() => collab.docs.ids().length === 0, 'the idle document to be unloaded')
    const stored = await fx.s.app.ctx.store.getDocUpdates(bill.id)
    assert.equal(stored.length, 1, 'compacted into one state before unloading')

    const again = fx.connect(bill.id)
    await synced(again)
    assert.equal(textOf(again.doc), text)
    assert.deepEqual(collab.docs.ids(), [bill.id])
    assert.equal(collab.docs.connections(bill.id), 1)
  })

  it('keeps a document loaded while a connection comes back before the idle delay', async () => {
    collab.settings.idleUnloadMs = 60_000
    const { bill, editor: first } = await fx.editedBill()
    const doc = collab.docs.get(bill.id)
    first.provider.disconnect()
    await waitFor(() => collab.docs.connections(bill.id) === 0, 'the connection to leave')
    const second = fx.connect(bill.id)
    await synced(second)
    assert.equal(collab.docs.get(bill.id), doc, 'the same loaded document')
  })
})
