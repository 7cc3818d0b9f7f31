/**
 * A compaction never drops an update: one appended to the store by another
 * writer while the document is loaded (another process, other server code)
 * is read back before compacting, applied to the server's document, sent to
 * the connected peers, and kept in the compacted state.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { collabOf } from '../../server/collab/index.ts'
import { collabFixture, textOf, typeInto, waitFor } from './clients.ts'

describe('Collaboration: compaction with another writer', function () {
  const fx = collabFixture({ scope: 'file' })

  it('keeps, and relays, an update another writer appended before the compaction', async () => {
    const collab = collabOf(fx.s.app.server)!
    collab.settings.compactAfter = 10
    const { bill, editor, watcher } = await fx.watchedBill()

    // Another writer appends straight to the store.
    const other = await loadWorkingDoc(fx.s.app.ctx.store, bill.id)
    const before = Y.encodeStateVector(other)
    const alinea = ((other.getXmlFragment('prosemirror').get(1) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlText
    alinea.insert(0, 'ÉCRIT AILLEURS ')
    await fx.s.app.ctx.store.appendDocUpdate(bill.id, Y.encodeStateAsUpdate(other, before))
    assert.ok(!textOf(watcher.doc).includes('ÉCRIT AILLEURS'))

    // Enough changes to compact.
    for (let i = 0; i < 12; i++) {
      typeInto(editor.doc, 0, 0, 0, `${i};`)
      await waitFor(() => textOf(watcher.doc).includes(`${i};`), `change ${i}`)
    }
    await waitFor(() => textOf(watcher.doc).includes('ÉCRIT AILLEURS'), 'the other writer\'s change to be relayed at compaction')
    await waitFor(() => textOf(editor.doc).includes('ÉCRIT AILLEURS'), 'and to reach the editor')
    await collab.docs.flush()
    const stored = await fx.s.app.ctx.store.getDocUpdates(bill.id)
    assert.ok(stored.length < 5, `compacted (${stored.length} stored updates)`)
    const reloaded = await loadWorkingDoc(fx.s.app.ctx.store, bill.id)
    assert.ok(textOf(reloaded).includes('ÉCRIT AILLEURS'), 'kept in the compacted state')
    assert.equal(textOf(reloaded), textOf(editor.doc))
  })
})
