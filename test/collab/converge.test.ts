/**
 * Convergence: editors typing at the same time in the same alinéas (and
 * adding articles) end with identical documents, and the server's stored
 * updates rebuild exactly that document.
 */
import assert from 'node:assert/strict'
import type { ApiClient } from '../helpers/server.ts'
import { loadWorkingDoc, workingJSON } from '../../server/domain/documents.ts'
import { collabOf } from '../../server/collab/index.ts'
import { newId } from '../../shared/ids.ts'
import { collabFixture, appendArticle, synced, textOf, typeInto, waitFor } from './clients.ts'

describe('Collaboration: concurrent edits converge', function () {
  const fx = collabFixture()

  async function draft (author: ApiClient): Promise<string> {
    const r = await author.post('/bills', {
      title: 'Convergence',
      articles: [
        { num: '1er', alineas: ['Le délai est de trente jours.', 'Un décret fixe les modalités.'] },
        { num: '2', alineas: ['La présente loi entre en vigueur le 1er janvier.'] }
      ]
    })
    assert.equal(r.status, 201)
    return r.body.id
  }

  async function expectConverged (billId: string): Promise<void> {
    const peers = fx.peers
    await waitFor(() => peers.every(p => textOf(p.doc) === textOf(peers[0].doc)), 'every replica to hold the same text')
    await collabOf(fx.s.app.server)!.docs.flush()
    const stored = await loadWorkingDoc(fx.s.app.ctx.store, billId)
    assert.equal(textOf(stored), textOf(peers[0].doc), 'the stored updates rebuild the replicas\' document')
    assert.deepEqual(workingJSON(stored), workingJSON(peers[0].doc))
  }

  for (const n of [2, 5]) {
    it(`${n} editors typing in the same alinéas at once converge, and the store holds the result`, async () => {
      const author = await fx.s.as('author')
      const billId = await draft(author)
      // Every client signs in as an editor of the bill (the author: one session, many tabs).
      const peers = Array.from({ length: n }, () => fx.connect(billId, { cookie: author.cookie }))
      await Promise.all(peers.map(p => synced(p)))

      // Without waiting for each other: each peer types at the start, the middle and the end of two alinéas.
      for (let round = 0; round < 10; round++) {
        peers.forEach((p, i) => {
          typeInto(p.doc, 0, 0, 0, `[p${i}r${round}]`)
          typeInto(p.doc, 0, 1, 12, `{${i}.${round}}`)
          typeInto(p.doc, 1, 0, 1_000, ` <${i}>`)
        })
      }
      peers.forEach((p, i) => { appendArticle(p.doc, newId('art'), `${3 + i}`, `Article ajouté par p${i}.`) })
      await expectConverged(billId)

      const text = textOf(peers[0].doc)
      for (let i = 0; i < n; i++) {
        for (let round = 0; round < 10; round++) assert.ok(text.includes(`[p${i}r${round}]`), `p${i} round ${round} kept`)
        assert.ok(text.includes(`Article ajouté par p${i}.`))
      }
    })
  }
})
