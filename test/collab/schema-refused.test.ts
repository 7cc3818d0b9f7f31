/**
 * An editor's update that would put into the bill text what the schema
 * does not allow (an element it does not know, such as `script`; a mark it
 * does not know; an article left without alinéa; a number that is not
 * text; another root type) is refused before it is stored or relayed: the
 * sender is closed with 4415, the others never see it, the stored text and
 * `GET /bills/:id` are unchanged, and a valid edit still goes through.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { CLOSE_INVALID_CONTENT, collabOf } from '../../server/collab/index.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { articles, closedBy, fragment, synced, textOf, typeInto, waitFor, collabFixture } from './clients.ts'

/** Edits no client of the schema makes, each as one Yjs transaction. */
const BAD_EDITS: Record<string, (doc: Y.Doc) => void> = {
  'a script element at the top': doc => { fragment(doc).insert(0, [new Y.XmlElement('script')]) },
  'a script element inside an alinéa': doc => {
    const alinea = articles(doc)[0].get(0) as Y.XmlElement
    const el = new Y.XmlElement('script')
    el.insert(0, [new Y.XmlText('alert(1)')])
    alinea.insert(0, [el])
  },
  'an unknown mark': doc => {
    const text = (articles(doc)[0].get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.format(0, 3, { onclick: { code: 'alert(1)' } })
  },
  'a mark in a division heading': doc => {
    doc.transact(() => {
      const div = new Y.XmlElement('division')
      div.setAttribute('level', 1 as unknown as string)
      div.insert(0, [new Y.XmlText('Titre')])
      fragment(doc).insert(0, [div])
      ;(div.get(0) as Y.XmlText).format(0, 5, { em: {} })
    })
  },
  'an article emptied of its alinéas': doc => { articles(doc)[0].delete(0, articles(doc)[0].length) },
  'an alinéa at the top': doc => {
    const alinea = new Y.XmlElement('alinea')
    alinea.insert(0, [new Y.XmlText('orphelin')])
    fragment(doc).insert(0, [alinea])
  },
  'an article number that is not text': doc => { articles(doc)[0].setAttribute('num', 5 as unknown as string) },
  'an unknown attribute': doc => { articles(doc)[0].setAttribute('onload', 'alert(1)') },
  'another root type': doc => { doc.getMap('junk').set('a', 'b') },
  'an empty document': doc => { fragment(doc).delete(0, fragment(doc).length) }
}

describe('Collaboration: updates outside the schema', function () {
  const fx = collabFixture()

  it('refuses each with 4415 before storing or relaying it, and keeps valid edits', async () => {
    const author = await fx.s.as('author')
    const created = await author.post('/bills', { title: 'Schéma', articles: [{ num: '1er', alineas: ['Le délai est de trente jours.'] }, { num: '2', alineas: ['Un décret.'] }] })
    assert.equal(created.status, 201)
    const billId: string = created.body.id
    const collab = collabOf(fx.s.app.server)!
    const watcher = fx.connect(billId, { cookie: author.cookie })
    await synced(watcher)
    const before = textOf(watcher.doc)

    for (const [name, edit] of Object.entries(BAD_EDITS)) {
      const bad = fx.connect(billId, { cookie: author.cookie })
      await synced(bad)
      edit(bad.doc)
      const close = await closedBy(bad)
      assert.equal(close.code, CLOSE_INVALID_CONTENT, `${name}: ${JSON.stringify(close)}`)
      assert.match(close.reason, /^refused: /, name)
      await collab.docs.flush()
      assert.equal(textOf(watcher.doc), before, `${name}: the other editor never got it`)
      assert.equal(textOf(collab.docs.get(billId)!), before, `${name}: the server's document is unchanged`)
      assert.equal(textOf(await loadWorkingDoc(fx.s.app.ctx.store, billId)), before, `${name}: nothing stored`)
      assert.equal((await author.get(`/bills/${billId}`)).status, 200, name)
      bad.destroy()
    }

    // A valid edit after all this still reaches the others (the server's check copy is in step).
    const good = fx.connect(billId, { cookie: author.cookie })
    await synced(good)
    typeInto(good.doc, 0, 0, 0, 'VALIDE ')
    await waitFor(() => textOf(watcher.doc).includes('VALIDE'), 'the valid edit to reach the other editor')
    assert.equal(good.closed, null)
    const view = await author.get(`/bills/${billId}`)
    assert.equal(view.body.articles[0].alineas[0], 'VALIDE Le délai est de trente jours.')
  })
})
