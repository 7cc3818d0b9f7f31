/**
 * Publishing what was co-drafted: an editor edits through the socket, a
 * publish freezes revision 1 with those edits; more edits (a changed
 * alinéa, a new article) and a second publish give revision 2, where the
 * articles that were there keep their ids and the new one has its own.
 */
import assert from 'node:assert/strict'
import { newId } from '../../shared/ids.ts'
import { collabFixture, appendArticle, synced, textOf, typeInto, waitFor } from './clients.ts'

describe('Collaboration: publishing the co-drafted text', function () {
  const fx = collabFixture({ scope: 'file' })

  it('publishes revisions 1 and 2 from live edits, keeping the ids of the articles', async () => {
    const author = await fx.s.as('author')
    const created = await author.post('/bills', {
      title: 'Publication',
      articles: [{ num: '1er', alineas: ['Le délai est de trente jours.'] }, { num: '2', alineas: ['Un décret fixe les modalités.'] }]
    })
    assert.equal(created.status, 201)
    const billId: string = created.body.id
    const editor = fx.connect(billId, { cookie: author.cookie })
    // A second tab of the editor: once it has a change, the change is stored (stored before relayed).
    const tab = fx.connect(billId, { cookie: author.cookie })
    await Promise.all([synced(editor), synced(tab)])
    const closesAt = new Date(Date.now() + 30 * 86_400_000).toISOString()

    typeInto(editor.doc, 0, 0, 13, 'franchement ')
    await waitFor(() => textOf(tab.doc).includes('franchement'), 'the edit to reach the other tab')
    const first = await author.post(`/bills/${billId}/publish`, { closesAt })
    assert.equal(first.status, 200, JSON.stringify(first.body))
    assert.equal(first.body.revision, 1)
    const rev1 = (await author.get(`/bills/${billId}/revisions/1`)).body
    assert.deepEqual(rev1.articles.map((a: any) => a.alineas), [['Le délai est franchement de trente jours.'], ['Un décret fixe les modalités.']])

    const addedId = newId('art')
    typeInto(editor.doc, 1, 0, 1_000, ' Il est publié.')
    appendArticle(editor.doc, addedId, '3', 'La présente loi entre en vigueur demain.')
    await waitFor(() => textOf(tab.doc).includes('demain'), 'the new article to reach the other tab')
    const second = await author.post(`/bills/${billId}/publish`, { closesAt })
    assert.equal(second.status, 200, JSON.stringify(second.body))
    assert.equal(second.body.revision, 2)
    const rev2 = (await author.get(`/bills/${billId}/revisions/2`)).body

    assert.equal(rev2.articles.length, 3)
    assert.deepEqual(rev2.articles.slice(0, 2).map((a: any) => a.id), rev1.articles.map((a: any) => a.id), 'the articles keep their ids')
    assert.equal(rev2.articles[0].hash, rev1.articles[0].hash, 'the untouched article has the same content hash')
    assert.notEqual(rev2.articles[1].hash, rev1.articles[1].hash)
    assert.deepEqual(rev2.articles[1].alineas, ['Un décret fixe les modalités. Il est publié.'])
    assert.equal(rev2.articles[2].id, addedId, 'the new article has its own id')
    assert.ok(!rev1.articles.some((a: any) => a.id === addedId))
  })
})
