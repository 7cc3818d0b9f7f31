/**
 * Durability of co-editing: the server process is killed (SIGKILL) during
 * a burst of edits by an editor while a second client watches. Every
 * change the watcher had received was stored before it was relayed, so
 * after a restart on the same data file the reloaded document contains
 * everything the watcher saw.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { ApiClient } from '../helpers/server.ts'
import { spawnServer, exited } from '../helpers/process.ts'
import { DEMO_ACCOUNTS } from '../../server/demo/seed.ts'
import { connect, synced, textOf, typeInto, waitFor, type Peer } from './clients.ts'

describe('Collaboration: durability of relayed changes', function () {
  this.timeout(90_000)
  let dir: string
  const peers: Peer[] = []
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-collab-durable-')) })
  after(() => {
    for (const p of peers) p.destroy()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps every change a watcher received before a SIGKILL, after a restart', async () => {
    const env = { ALINEA_DB: join(dir, 'alinea.db'), ALINEA_DEMO: '1', ALINEA_CLIENT_DIR: join(dir, 'none') }
    const first = await spawnServer(env)
    const depute = DEMO_ACCOUNTS.find(a => a.email === 'depute@demo.alinea')!
    const api = new ApiClient(first.url)
    const login = await api.post('/auth/login', { email: depute.email, password: depute.password })
    assert.equal(login.status, 200)
    const billId: string = (await api.get('/bills')).body.items[0].id

    const editor = connect(first.url, billId, { cookie: api.cookie })
    const watcher = connect(first.url, billId)
    peers.push(editor, watcher)
    await Promise.all([synced(editor), synced(watcher)])
    const markers = (doc: Y.Doc): number => (textOf(doc).match(/⟦\d+⟧/g) ?? []).length

    // The editor types without pause; the process is killed once the watcher has seen 200 changes.
    let typing = true
    const burst = (async () => {
      for (let k = 0; typing; k++) {
        typeInto(editor.doc, k % 3, 0, 0, `⟦${k}⟧`)
        if (k % 4 === 0) await new Promise(resolve => setImmediate(resolve))
      }
    })()
    await waitFor(() => markers(watcher.doc) >= 200, 'the watcher to receive 200 changes', 30_000)
    first.child.kill('SIGKILL')
    typing = false
    await burst
    await exited(first.child)
    // What the watcher holds now is all it ever received from the killed server.
    editor.provider.disconnect()
    watcher.provider.disconnect()
    const seen = Y.encodeStateAsUpdate(watcher.doc)
    const seenText = textOf(watcher.doc)

    const second = await spawnServer(env)
    try {
      const reader = connect(second.url, billId)
      peers.push(reader)
      await synced(reader)
      const reloaded = reader.doc
      assert.ok(markers(reloaded) >= markers(watcher.doc), `the reloaded document has ${markers(reloaded)} changes, the watcher saw ${markers(watcher.doc)}`)
      // Nothing the watcher holds is missing from the reloaded document: applying it changes nothing.
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(reloaded))
      const before = { text: textOf(copy), sv: Buffer.from(Y.encodeStateVector(copy)) }
      Y.applyUpdate(copy, seen)
      assert.equal(textOf(copy), before.text, 'the watcher\'s changes are all in the reloaded document')
      assert.ok(Buffer.from(Y.encodeStateVector(copy)).equals(before.sv), 'no struct the watcher had is missing after the restart')
      for (const m of seenText.match(/⟦\d+⟧/g) ?? []) assert.ok(textOf(reloaded).includes(m), `${m} survived`)
    } finally {
      second.child.kill('SIGTERM')
      assert.equal(await exited(second.child), 0, 'SIGTERM exits cleanly')
    }
  })
})
