/**
 * A working text stored with what the schema does not allow (written before
 * updates were checked, or by other means) degrades to its valid part
 * instead of failing: `GET /bills/:id`, `PATCH` and publishing answer as
 * usual with the unknown elements and marks dropped, and the collaboration
 * socket loads the document repaired (and stores the repair), so that its
 * editors can work on it.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { collabOf } from '../../server/collab/index.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { articles, fragment, synced, textOf, typeInto, waitFor, collabFixture } from './clients.ts'

describe('Collaboration: a stored text outside the schema', function () {
  const fx = collabFixture()

  it('is read as its valid part by the API and repaired when the editor loads it', async () => {
    const author = await fx.s.as('author')
    const created = await author.post('/bills', { title: 'Réparation', articles: [{ num: '1er', alineas: ['Le délai est de trente jours.'] }, { num: '2', alineas: ['Un décret.'] }] })
    assert.equal(created.status, 201)
    const billId: string = created.body.id
    const store = fx.s.app.ctx.store

    // Written straight into the store: a script element, an unknown mark, an article without alinéa.
    const doc = await loadWorkingDoc(store, billId)
    const sv = Y.encodeStateVector(doc)
    doc.transact(() => {
      const script = new Y.XmlElement('script')
      script.insert(0, [new Y.XmlText('alert(1)')])
      fragment(doc).insert(1, [script])
      const text = (articles(doc)[0].get(0) as Y.XmlElement).get(0) as Y.XmlText
      text.format(0, 2, { onclick: { code: 'x' } })
      text.format(3, 5, { em: {} })
      articles(doc)[1].delete(0, 1)
      articles(doc)[1].setAttribute('num', 2 as unknown as string)
    })
    await store.appendDocUpdate(billId, Y.encodeStateAsUpdate(doc, sv))

    const view = await author.get(`/bills/${billId}`)
    assert.equal(view.status, 200, JSON.stringify(view.body))
    assert.deepEqual(view.body.articles.map((a: any) => [a.num, a.alineas]), [['1er', ['Le délai est de trente jours.']], ['', ['']]])
    const patched = await author.patch(`/bills/${billId}`, { title: 'Réparation (bis)' })
    assert.equal(patched.status, 200, JSON.stringify(patched.body))

    const editor = fx.connect(billId, { cookie: author.cookie })
    await synced(editor)
    const xml = textOf(editor.doc)
    assert.ok(!xml.includes('script') && !xml.includes('onclick'), xml)
    assert.match(xml, /<em>délai<\/em>/, 'valid marks are kept')
    assert.equal((articles(editor.doc)[1].get(0) as Y.XmlElement).nodeName, 'alinea', 'the emptied article got an alinéa back')
    const stored = textOf(await loadWorkingDoc(store, billId))
    assert.equal(stored, xml, 'the repair is stored')

    // The editor repairs the rest by hand and publishes.
    articles(editor.doc)[1].setAttribute('num', '2')
    typeInto(editor.doc, 1, 0, 0, 'Un décret fixe les modalités.')
    await waitFor(() => textOf(collabOf(fx.s.app.server)!.docs.get(billId)!).includes('modalités'), 'the edit to reach the server')
    await collabOf(fx.s.app.server)!.docs.flush()
    const published = await author.post(`/bills/${billId}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    assert.equal(published.status, 200, JSON.stringify(published.body))
    const rev = (await author.get(`/bills/${billId}/revisions/1`)).body
    assert.deepEqual(rev.articles.map((a: any) => a.alineas), [['Le délai est de trente jours.'], ['Un décret fixe les modalités.']])
  })

  it('publishes the valid part of a stored text that no editor opened', async () => {
    const author = await fx.s.as('author')
    const created = await author.post('/bills', { title: 'Publication', articles: [{ num: '1er', alineas: ['Texte.'] }] })
    const billId: string = created.body.id
    const store = fx.s.app.ctx.store
    const doc = await loadWorkingDoc(store, billId)
    const sv = Y.encodeStateVector(doc)
    fragment(doc).insert(0, [new Y.XmlElement('iframe')])
    await store.appendDocUpdate(billId, Y.encodeStateAsUpdate(doc, sv))
    const published = await author.post(`/bills/${billId}/publish`, { closesAt: new Date(Date.now() + 86_400_000).toISOString() })
    assert.equal(published.status, 200, JSON.stringify(published.body))
    const rev = (await author.get(`/bills/${billId}/revisions/1`)).body
    assert.deepEqual(rev.articles.map((a: any) => a.alineas), [['Texte.']])
    assert.ok(!JSON.stringify(rev.doc).includes('iframe'))
  })
})
