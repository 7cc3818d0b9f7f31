/**
 * Co-drafting across nodes: editors connected to different nodes make
 * seeded random edits in phases (some go offline and come back, to any
 * node); every replica, every node's document and the stored document end
 * identical. Compaction runs often on both nodes holding the bill, so
 * concurrent compactions of one document by two nodes are exercised. A node
 * that loads a bill later gets the stored state and then the relayed
 * updates; presence and rights changes (4205) cross nodes.
 *
 * The seed is printed in the suite title; rerun one with COLLAB_SEED=<n>.
 */
import assert from 'node:assert/strict'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { newId } from '../../shared/ids.ts'
import { loadWorkingDoc } from '../../server/domain/documents.ts'
import { CLOSE_RIGHTS_CHANGED } from '../../server/collab/index.ts'
import { publishedBill } from '../helpers/server.ts'
import { articleElement, articles, connect, fragment, sameState, synced, textOf, typeInto, waitFor, type Peer } from '../collab/clients.ts'
import { seeded, seedFrom } from '../helpers/random.ts'
import { startInProcessCluster, type InProcessCluster } from './nodes.ts'

const SEED = seedFrom('COLLAB_SEED')
const PHASES = Number(process.env.COLLAB_PHASES ?? 6)

describe(`Cluster collaboration: two nodes, seeded random edits (seed ${SEED}; rerun with COLLAB_SEED=${SEED})`, function () {
  this.timeout(90_000)
  let c: InProcessCluster
  let peers: Peer[] = []
  const track = (p: Peer): Peer => { peers.push(p); return p }
  before(async () => { c = await startInProcessCluster(2) })
  after(async () => {
    for (const p of peers) p.destroy()
    await c?.stop()
  })

  it('converges: replicas, both nodes\' documents and the stored document end identical, with compactions on both nodes', async () => {
    for (const node of c.nodes) node.collab.settings.compactAfter = 6
    const rand = seeded(SEED)
    const int = rand.int
    const pick = <T>(xs: T[]): T => xs[int(xs.length)]
    const word = (): string => Array.from({ length: 1 + int(6) }, () => pick([...'abcdéèàç ’'])).join('')
    const author = await c.as('author', c.nodes[0])
    const created = await author.post('/bills', {
      title: 'Aléatoire', articles: Array.from({ length: 4 }, (_, i) => ({ num: String(i + 1), alineas: [`Article ${i + 1}.`] }))
    })
    assert.equal(created.status, 201)
    const billId: string = created.body.id
    // Four editors: two on each node.
    const nodeOf = [0, 1, 0, 1]
    peers = nodeOf.map(i => connect(c.nodes[i].url, billId, { cookie: author.cookie }))
    await Promise.all(peers.map(p => synced(p)))

    function edit (doc: Y.Doc): void {
      const arts = articles(doc)
      const op = int(100)
      if (arts.length === 0 || op >= 92) {
        const a = articleElement(newId('art'), String(100 + int(100)), word())
        fragment(doc).insert(int(fragment(doc).length + 1), [a])
        return
      }
      const art = pick(arts)
      const al = art.get(int(art.length))
      if (!(al instanceof Y.XmlElement)) return
      const t = al.get(0)
      if (!(t instanceof Y.XmlText)) { al.insert(0, [new Y.XmlText(word())]); return }
      if (op < 60) t.insert(int(t.length + 1), word())
      else if (op < 80 && t.length > 0) { const at = int(t.length); t.delete(at, Math.min(1 + int(5), t.length - at)) } else if (op < 88) {
        const n = new Y.XmlElement('alinea')
        n.insert(0, [new Y.XmlText(word())])
        art.insert(int(art.length + 1), [n])
      } else if (arts.length > 2) fragment(doc).delete(int(fragment(doc).length), 1)
    }

    for (let phase = 0; phase < PHASES; phase++) {
      const offline = peers.map(() => rand() < 0.25)
      offline.forEach((off, i) => { if (off) peers[i].provider.disconnect() })
      const steps = 15 + int(20)
      for (let step = 0; step < steps; step++) {
        for (const p of peers) if (rand() < 0.7) edit(p.doc)
        if (rand() < 0.3) await new Promise(resolve => setImmediate(resolve))
      }
      // An offline editor comes back to the other node half of the time (as behind a load balancer).
      peers = peers.map((p, i) => {
        if (!offline[i]) return p
        if (rand() < 0.5) { p.provider.connect(); return p }
        const moved = connect(c.nodes[(nodeOf[i] = 1 - nodeOf[i])].url, billId, { cookie: author.cookie, doc: p.doc })
        p.provider.destroy()
        return moved
      })
      await Promise.all(peers.map(p => synced(p, 20_000)))
      await waitFor(() => peers.every(p => sameState(p.doc, peers[0].doc)), `replicas to converge after phase ${phase}`, 20_000)
    }

    for (const node of c.nodes) {
      await waitFor(() => { const d = node.collab.docs.get(billId); return d !== undefined && sameState(d, peers[0].doc) }, 'each node\'s document to equal the replicas')
      await node.collab.docs.flush()
    }
    const compactions = c.nodes.map(n => n.collab.docs.compactions(billId) ?? 0)
    assert.ok(compactions.every(x => x > 0), `both nodes compacted the bill (${compactions.join(', ')})`)
    const stored = await loadWorkingDoc(c.nodes[0].app.ctx.store, billId)
    assert.ok(sameState(stored, peers[0].doc), 'the stored updates rebuild the same document')
    assert.ok(textOf(stored).length > 0)
  })

  it('lets a node that loads the bill later get the stored state, then the updates relayed from the other node', async () => {
    const author = await c.as('author', c.nodes[0])
    const bill = await publishedBill(author)
    const first = track(connect(c.nodes[0].url, bill.id, { cookie: author.cookie }))
    await synced(first)
    typeInto(first.doc, 0, 0, 0, 'AVANT ')
    await waitFor(() => c.nodes[0].collab.docs.get(bill.id)?.getXmlFragment('prosemirror').toString().includes('AVANT') ?? false, 'node 0 to store and apply the change')
    const late = await c.addNode()
    assert.equal(late.collab.docs.get(bill.id), undefined)
    const second = track(connect(late.url, bill.id, { cookie: author.cookie }))
    await synced(second)
    assert.ok(textOf(second.doc).includes('AVANT'), 'the stored state')
    typeInto(first.doc, 0, 0, 0, 'APRÈS ')
    await waitFor(() => textOf(second.doc).includes('APRÈS'), 'the update relayed from node 0')
    typeInto(second.doc, 1, 0, 0, 'RETOUR ')
    await waitFor(() => textOf(first.doc).includes('RETOUR'), 'the update relayed back to node 0')
  })

  it('relays presence between nodes', async () => {
    const author = await c.as('author', c.nodes[0])
    const bill = await publishedBill(author)
    const a = track(connect(c.nodes[0].url, bill.id, { cookie: author.cookie }))
    const b = track(connect(c.nodes[1].url, bill.id, { cookie: author.cookie }))
    await Promise.all([synced(a), synced(b)])
    a.provider.awareness.setLocalStateField('user', { name: 'faux', color: '#123456' })
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as any)?.user?.color === '#123456', 'a\'s presence to reach b on the other node')
    const seen = b.provider.awareness.getStates().get(a.doc.clientID) as any
    assert.equal(seen.user.id, author.userId, 'the identity stamped by node 0 travels with it')
    awarenessProtocol.removeAwarenessStates(a.provider.awareness, [a.doc.clientID], 'test')
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), 'a\'s departure to reach b')
  })

  it('sends a peer on another node to reconnect (4205) when its rights change', async () => {
    const author = await c.as('author', c.nodes[0])
    const citizen = await c.as('author', c.nodes[1])
    const bill = await publishedBill(author)
    const guest = track(connect(c.nodes[1].url, bill.id, { cookie: citizen.cookie }))
    await synced(guest)
    assert.equal((await author.patch(`/bills/${bill.id}`, { editors: [author.userId, citizen.userId] })).status, 200)
    await waitFor(() => guest.closes.some(x => x.code === CLOSE_RIGHTS_CHANGED), 'the guest on node 1 to be sent to reconnect')
    await synced(guest)
    const editor = track(connect(c.nodes[0].url, bill.id, { cookie: author.cookie }))
    await synced(editor)
    typeInto(guest.doc, 0, 0, 0, 'INVITÉ ')
    await waitFor(() => textOf(editor.doc).includes('INVITÉ'), 'the new editor\'s change to reach node 0')
  })

  it('brings the updates made while Redis was away to the other node once it is back (relay queued or catch-up from the store)', async () => {
    const author = await c.as('author', c.nodes[0])
    const bill = await publishedBill(author)
    const a = track(connect(c.nodes[0].url, bill.id, { cookie: author.cookie }))
    const b = track(connect(c.nodes[1].url, bill.id, { cookie: author.cookie }))
    await Promise.all([synced(a), synced(b)])
    await c.redis.stop()
    typeInto(a.doc, 0, 0, 0, 'PENDANT ')
    // Stored by node 0 (its own peers have it), not relayed: Redis is away.
    await waitFor(() => c.nodes[0].collab.docs.get(bill.id)?.getXmlFragment('prosemirror').toString().includes('PENDANT') ?? false, 'node 0 to store the change')
    await c.nodes[0].collab.docs.flush()
    assert.ok(!textOf(b.doc).includes('PENDANT'))
    await c.redis.start()
    await waitFor(() => textOf(b.doc).includes('PENDANT'), 'node 1 to catch up once Redis is back', 20_000)
    typeInto(b.doc, 0, 0, 0, 'APRÈS ')
    await waitFor(() => textOf(a.doc).includes('APRÈS'), 'the relay to work again')
  })
})
