/**
 * Several nodes (processes) on one SQLite file, Redis between them, nginx in
 * front (round robin, no stickiness): live events reach sockets on every
 * node, limits are counted once for the cluster, a killed node loses no
 * acknowledged vote and its live clients come back through nginx to another
 * node, and /readyz follows Redis.
 */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import { publishedBill } from '../helpers/server.ts'
import { connect, nextEvent, subscribe } from '../helpers/live.ts'
import { exited } from '../helpers/process.ts'
import { startCluster, onNode, type TestCluster } from './cluster.ts'
import { until } from './redis.ts'

describe('Cluster: three nodes behind nginx, Redis between them', function () {
  this.timeout(120_000)
  let c: TestCluster
  let bill: any
  const sockets: Socket[] = []
  before(async () => {
    c = await startCluster(3, { ALINEA_IP_LIMITS: '1', ALINEA_CONTRIBUTIONS_PER_MINUTE: '2' })
    bill = await publishedBill(await c.as('author'))
  })
  after(async () => {
    for (const s of sockets) s.close()
    await c?.stop()
  })

  it('starts three nodes at once on one new SQLite file; each is ready', async () => {
    for (const node of c.nodes) {
      const r = await fetch(`${node.url}/readyz`)
      assert.equal(r.status, 200)
      assert.deepEqual((await r.json()).checks, { store: true, redis: true })
    }
  })

  it('brings a vote cast on one node to a live socket connected to another', async () => {
    const voter = await c.as('citizen')
    const socket = await connect(c.nodes[1].url)
    sockets.push(socket)
    assert.deepEqual(await subscribe(socket, bill.id), { ok: true })
    const article = bill.articles[0].id
    const tally = nextEvent(socket, 'tally', (p: any) => p.target.id === article)
    const r = await onNode(voter, c.nodes[0]).put(`/articles/${article}/vote`, { value: 'for' })
    assert.equal(r.status, 200)
    assert.equal((await tally).tally.for, 1)
  })

  it('counts per-user contribution limits once for the cluster (2 a minute, round robin over 3 nodes)', async () => {
    const citizen = await c.as('citizen')
    const article = bill.articles[1].id
    const statuses: number[] = []
    for (let i = 0; i < 4; i++) statuses.push((await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: `Argument ${i}.` })).status)
    assert.deepEqual(statuses, [201, 201, 429, 429])
  })

  it('counts sign-in attempts per address once for the cluster (10 a minute)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const r = await fetch(`${c.url}/api/v1/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password' })
      })
      statuses.push(r.status)
    }
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401))
    assert.deepEqual(statuses.slice(10), [429, 429])
  })

  it('answers /readyz 503 while Redis is away and 200 once it is back', async () => {
    const living = c.nodes.filter(n => n.child.exitCode === null && n.child.signalCode === null)
    await c.redis.stop()
    for (const node of living) await until(async () => (await fetch(`${node.url}/readyz`)).status === 503, 'readyz to turn 503')
    const body = await (await fetch(`${c.nodes[0].url}/readyz`)).json()
    assert.deepEqual(body.checks, { store: true, redis: false })
    await c.redis.start()
    for (const node of living) await until(async () => (await fetch(`${node.url}/readyz`)).status === 200, 'readyz to turn 200 again')
  })

  it('loses no acknowledged vote when a node is killed (SIGKILL); its live clients come back through nginx to another node', async () => {
    const article = bill.articles[1].id
    const voters = await Promise.all(Array.from({ length: 24 }, () => c.as('citizen')))
    // Six live clients through nginx, connected one after another: round robin puts two on each node.
    const clients: { socket: Socket; connects: number; disconnects: number; subscribed: boolean }[] = []
    for (let i = 0; i < 6; i++) {
      const socket = await connect(c.url, undefined, { reconnection: true, reconnectionDelay: 50, reconnectionDelayMax: 200 })
      sockets.push(socket)
      const state = { socket, connects: 1, disconnects: 0, subscribed: false }
      socket.on('disconnect', () => { state.disconnects++; state.subscribed = false })
      // As client/live.ts does: after a reconnection that did not recover the session, subscribe again.
      socket.on('connect', () => {
        state.connects++
        if (!socket.recovered) void subscribe(socket, bill.id).then(ack => { state.subscribed = ack.ok })
        else state.subscribed = true
      })
      assert.deepEqual(await subscribe(socket, bill.id), { ok: true })
      state.subscribed = true
      clients.push(state)
    }
    const victim = c.nodes[2]
    const acknowledged: string[] = []
    const vote = async (v: typeof voters[number]) => {
      const r = await v.put(`/articles/${article}/vote`, { value: 'against' }).catch(() => null)
      if (r?.status === 200) acknowledged.push(v.userId)
    }
    const first = Promise.all(voters.slice(0, 12).map(vote))
    victim.child.kill('SIGKILL')
    await Promise.all([first, exited(victim.child)])
    await Promise.all(voters.slice(12).map(vote))
    assert.ok(acknowledged.length >= 12, `votes after the kill are served by the other nodes (${acknowledged.length} acknowledged)`)

    // Every acknowledged vote is stored.
    const stored = await Promise.all(acknowledged.map(id => c.ctx.store.getUserVotes(id, 'article', [article])))
    assert.deepEqual(stored.map(m => m.get(article)), acknowledged.map(() => 'against'))

    // The clients of the killed node reconnected (through nginx, to another node) and subscribed again.
    assert.ok(clients.some(x => x.disconnects > 0), 'some live clients were on the killed node')
    await until(() => clients.every(x => x.socket.connected && x.subscribed), 'every live client to be subscribed again')
    // A vote the killed node committed without answering would count too: the store says what to expect.
    const seen = clients.map(() => new Set<number>())
    clients.forEach((x, i) => x.socket.on('tally', (p: any) => { if (p.target.id === article) seen[i].add(p.tally.against) }))
    const latecomer = await c.as('citizen')
    assert.equal((await latecomer.put(`/articles/${article}/vote`, { value: 'against' })).status, 200)
    const expected = (await c.ctx.store.getTally({ type: 'article', id: article })).against
    assert.ok(expected >= acknowledged.length + 1)
    await until(() => seen.every(s => s.has(expected)), 'every live client to get the tally of a vote cast after the kill')
  })
})
