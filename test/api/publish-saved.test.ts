/**
 * Publishing with the editor's state vector: refused (409) while the server
 * has not stored every change that editor has, accepted once it has.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { serverSuite } from '../helpers/server-suite.ts'
import { FRAGMENT, loadWorkingDoc } from '../../server/domain/documents.ts'

describe('API: publishing waits for the editor\'s changes', () => {
  const s = serverSuite()

  it('refuses with 409 not_saved_yet while a change of the editor is not stored, then publishes it', async () => {
    const author = await s.as('author')
    const bill = (await author.post('/bills', { title: 'Texte', articles: [{ num: '1er', alineas: ['Premier alinéa.'] }] })).body
    const { store } = s.app.ctx
    // The editor's copy: the stored text plus one change the server has not received.
    const editor = await loadWorkingDoc(store, bill.id)
    const before = Y.encodeStateVector(editor)
    const alinea = (editor.getXmlFragment(FRAGMENT).get(0) as Y.XmlElement).get(0) as Y.XmlElement
    ;(alinea.get(0) as Y.XmlText).insert(0, 'Nouveau : ')
    const pending = Y.encodeStateAsUpdate(editor, before)
    const stateVector = Buffer.from(Y.encodeStateVector(editor)).toString('base64')
    const closesAt = new Date(Date.now() + 86_400_000).toISOString()

    const early = await author.post(`/bills/${bill.id}/publish`, { closesAt, stateVector })
    assert.equal(early.status, 409)
    assert.equal(early.body.error.code, 'not_saved_yet')
    assert.equal((await author.get(`/bills/${bill.id}`)).body.revision, 0, 'nothing published')

    await store.appendDocUpdate(bill.id, pending)
    const published = await author.post(`/bills/${bill.id}/publish`, { closesAt, stateVector })
    assert.equal(published.status, 200)
    assert.deepEqual(published.body.articles[0].alineas, ['Nouveau : Premier alinéa.'])
  })

  it('answers a malformed state vector with 400', async () => {
    const author = await s.as('author')
    const bill = (await author.post('/bills', { title: 'Texte', articles: [{ num: '1er', alineas: ['A.'] }] })).body
    const r = await author.post(`/bills/${bill.id}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString(), stateVector: '////' })
    assert.equal(r.status, 400)
  })
})
