/**
 * Persist before relay, when the store fails: an update the store could not
 * append is neither applied nor relayed; its sender is closed with 1011 (a
 * transient code), reconnects by itself and sends it again in its sync, and
 * once the store works again the change is stored and reaches the others.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { CLOSE_INTERNAL_ERROR, collabOf } from '../../server/collab/index.ts'
import { collabFixture, textOf, typeInto, waitFor } from './clients.ts'

describe('Collaboration: a failing store', function () {
  let dir: string
  let failing = false
  const fx = collabFixture({
    scope: 'file',
    store: () => {
      dir = mkdtempSync(join(tmpdir(), 'alinea-collab-store-'))
      const store = openSqliteStore(join(dir, 'alinea.db'))
      const append = store.appendDocUpdate.bind(store)
      store.appendDocUpdate = async (billId, update) => {
        if (failing) throw new Error('disk full (simulated)')
        return append(billId, update)
      }
      return store
    }
  })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  it('neither applies nor relays an update the store refused, and stores it once the sender resends it', async () => {
    const { bill, editor, watcher } = await fx.watchedBill()

    failing = true
    typeInto(editor.doc, 0, 0, 0, 'PERDU? ')
    await waitFor(() => editor.closes.length > 0, 'the editor to be closed')
    assert.equal(editor.closes[0].code, CLOSE_INTERNAL_ERROR)
    assert.equal(editor.closes[0].reason, 'the change could not be saved; reconnecting resends it')
    assert.ok(!textOf(collabOf(fx.s.app.server)!.docs.get(bill.id)!).includes('PERDU?'), 'not applied')
    assert.ok(!textOf(watcher.doc).includes('PERDU?'), 'not relayed')

    failing = false
    await waitFor(() => textOf(watcher.doc).includes('PERDU?'), 'the resent change to reach the watcher', 15_000)
    await collabOf(fx.s.app.server)!.docs.flush()
    assert.ok(textOf(await loadWorkingDoc(fx.s.app.ctx.store, bill.id)).includes('PERDU?'), 'stored')
  })
})
