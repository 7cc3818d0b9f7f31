/**
 * Seeded random co-editing: four editors make random edits (typing,
 * deleting, adding and removing alinéas and articles, renumbering) in
 * phases, some of them offline for part of a phase (disconnect, edit,
 * reconnect). After every phase all replicas converge; at the end the
 * server's document and the document rebuilt from the store are the same.
 *
 * The seed is printed in the suite title; rerun one with COLLAB_SEED=<n>.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { collabOf } from '../../server/collab/index.ts'
import { newId } from '../../shared/ids.ts'
import { seeded, seedFrom } from '../helpers/random.ts'
import { collabFixture, articleElement, articles, fragment, sameState, synced, textOf, waitFor } from './clients.ts'

const SEED = seedFrom('COLLAB_SEED')
const PHASES = Number(process.env.COLLAB_PHASES ?? 8)
const CLIENTS = 4

describe(`Collaboration: seeded random edits with disconnects (seed ${SEED}; rerun with COLLAB_SEED=${SEED})`, function () {
  this.timeout(60_000)
  const fx = collabFixture({ scope: 'file' })

  it('every replica, the server document and the stored document end identical', async () => {
    const rand = seeded(SEED)
    const int = rand.int
    const pick = <T>(xs: T[]): T => xs[int(xs.length)]
    const word = (): string => Array.from({ length: 1 + int(8) }, () => pick([...'abcdéèàçôœ «»:;’ '])).join('')

    const author = await fx.s.as('author')
    const created = await author.post('/bills', {
      title: 'Aléatoire',
      articles: Array.from({ length: 5 }, (_, i) => ({ num: String(i + 1), alineas: [`Article ${i + 1}, alinéa 1.`, `Article ${i + 1}, alinéa 2.`] }))
    })
    assert.equal(created.status, 201)
    const billId: string = created.body.id
    const peers = Array.from({ length: CLIENTS }, () => fx.connect(billId, { cookie: author.cookie }))
    await Promise.all(peers.map(p => synced(p)))

    const newArticle = (): Y.XmlElement => articleElement(newId('art'), String(100 + int(100)), word())
    /** One random edit of a replica; any edit is fine for the CRDT, even one that leaves an article without alinéa. */
    function edit (doc: Y.Doc): void {
      const arts = articles(doc)
      if (arts.length === 0) { fragment(doc).push([newArticle()]); return }
      const art = pick(arts)
      const alineas = art.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement)
      const op = int(100)
      if (op < 50 && alineas.length > 0) {
        const al = pick(alineas)
        let text = al.get(0)
        if (!(text instanceof Y.XmlText)) { text = new Y.XmlText(); al.insert(0, [text]) }
        const t = text as Y.XmlText
        t.insert(int(t.length + 1), word())
      } else if (op < 70 && alineas.length > 0) {
        const t = pick(alineas).get(0)
        if (t instanceof Y.XmlText && t.length > 0) {
          const at = int(t.length)
          t.delete(at, Math.min(1 + int(6), t.length - at))
        }
      } else if (op < 80) {
        const al = new Y.XmlElement('alinea')
        al.insert(0, [new Y.XmlText(word())])
        art.insert(int(art.length + 1), [al])
      } else if (op < 85 && art.length > 1) {
        art.delete(int(art.length), 1)
      } else if (op < 92) {
        fragment(doc).insert(int(fragment(doc).length + 1), [newArticle()])
      } else if (op < 96 && arts.length > 2) {
        fragment(doc).delete(int(fragment(doc).length), 1)
      } else {
        art.setAttribute('num', `${1 + int(20)}${pick(['', ' bis', ' ter'])}`)
      }
    }

    for (let phase = 0; phase < PHASES; phase++) {
      // Some peers go offline for this phase, at its start or half-way.
      const offline = peers.map(() => rand() < 0.3)
      const late = peers.map(() => rand() < 0.2)
      offline.forEach((off, i) => { if (off) peers[i].provider.disconnect() })
      const steps = 20 + int(30)
      for (let step = 0; step < steps; step++) {
        for (let i = 0; i < peers.length; i++) {
          if (step === Math.floor(steps / 2) && late[i]) peers[i].provider.disconnect()
          if (rand() < 0.7) edit(peers[i].doc)
        }
        // Let messages flow now and then (a turn of the event loop, not a timed sleep).
        if (rand() < 0.3) await new Promise(resolve => setImmediate(resolve))
      }
      for (const p of peers) if (!p.provider.wsconnected && !p.provider.wsconnecting) p.provider.connect()
      await Promise.all(peers.map(p => synced(p, 20_000)))
      await waitFor(() => peers.every(p => sameState(p.doc, peers[0].doc)), `replicas to converge after phase ${phase}`, 20_000)
    }

    const collab = collabOf(fx.s.app.server)!
    await collab.docs.flush()
    const serverDoc = collab.docs.get(billId)!
    assert.ok(sameState(serverDoc, peers[0].doc), 'the server document equals the replicas')
    const stored = await loadWorkingDoc(fx.s.app.ctx.store, billId)
    assert.ok(sameState(stored, peers[0].doc), 'the stored updates rebuild the same document')
    assert.ok(textOf(stored).length > 0)
  })
})
