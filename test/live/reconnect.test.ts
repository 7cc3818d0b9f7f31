/**
 * Catching up after a lost connection, as a client does it: on `connect`,
 * a socket that was not recovered subscribes again and re-fetches the bill;
 * a recovered one (socket.io connection-state recovery) gets the events it
 * missed replayed. Either way the counts it shows end up right.
 */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { liveSuite } from '../helpers/live-suite.ts'
import { subscribe } from '../helpers/live.ts'

/** What a bill page keeps live: per article its tally and argument counts. */
interface Counts { tally: { for: number; mixed: number; against: number }; argumentCount: { for: number; against: number } }

/**
 * The client side of the contract: subscribe and fetch on every connect that
 * was not recovered; apply `tally` and `argument:*` events to the counts.
 */
class LiveBill {
  counts = new Map<string, Counts>()
  refetches = 0
  private waiters: (() => void)[] = []

  constructor (readonly socket: Socket, readonly api: ApiClient, readonly billId: string) {
    socket.on('connect', () => { if (!socket.recovered) void this.catchUp() })
    socket.on('tally', (p: any) => {
      if (p.target.type === 'article') this.update(p.target.id, c => { c.tally = p.tally })
    })
    socket.on('argument:created', (p: any) => { this.update(p.argument.target.id, c => { c.argumentCount = p.argumentCount }) })
    socket.on('argument:deleted', (p: any) => { this.update(p.target.id, c => { c.argumentCount = p.argumentCount }) })
  }

  async catchUp (): Promise<void> {
    const ack = await subscribe(this.socket, this.billId)
    assert.deepEqual(ack, { ok: true })
    const bill = (await this.api.get(`/bills/${this.billId}`)).body
    for (const a of bill.articles) this.counts.set(a.id, { tally: a.tally, argumentCount: a.argumentCount })
    this.refetches++
    this.changed()
  }

  private update (articleId: string, f: (c: Counts) => void): void {
    const c = this.counts.get(articleId)
    if (c) f(c)
    this.changed()
  }

  private changed (): void {
    for (const w of this.waiters.splice(0)) w()
  }

  /** Resolves once the shown counts equal the server's (checked after each change). */
  async settles (truth: () => Promise<Map<string, Counts>>): Promise<void> {
    for (;;) {
      const want = await truth()
      if (JSON.stringify([...this.counts].sort()) === JSON.stringify([...want].sort())) return
      await new Promise<void>(resolve => this.waiters.push(resolve))
    }
  }
}

describe('Live: catching up after a disconnection', () => {
  const suite = liveSuite()
  let author: ApiClient
  beforeEach(async () => { author = await suite.s.as('author') })

  const truthOf = (billId: string) => async () => {
    const bill = (await suite.s.client().get(`/bills/${billId}`)).body
    return new Map<string, Counts>(bill.articles.map((a: any) => [a.id, { tally: a.tally, argumentCount: a.argumentCount }]))
  }

  async function live (billId: string, options = {}): Promise<LiveBill> {
    const socket = await suite.open(null, options)
    const view = new LiveBill(socket, suite.s.client(), billId)
    await view.catchUp()
    return view
  }

  it('recovers the session after the transport drops and replays what it missed', async () => {
    const bill = await publishedBill(author)
    const [a1, a2] = bill.articles.map((a: any) => a.id)
    const view = await live(bill.id, { reconnection: true, reconnectionDelay: 100, randomizationFactor: 0 })
    const voters = await Promise.all([0, 1, 2].map(() => suite.s.as('citizen')))
    await voters[0].put(`/articles/${a1}/vote`, { value: 'for' })
    await view.settles(truthOf(bill.id))
    const dropped = new Promise<string>(resolve => view.socket.once('disconnect', resolve))
    view.socket.io.engine.close()
    assert.equal(await dropped, 'forced close', 'the transport is gone, the socket will reconnect')
    // While it is away: votes and an argument it must not miss.
    await voters[1].put(`/articles/${a1}/vote`, { value: 'against' })
    await voters[2].put(`/articles/${a2}/vote`, { value: 'mixed' })
    await voters[2].post(`/articles/${a2}/arguments`, { side: 'for', body: 'Pendant la coupure.' })
    if (!view.socket.connected) await new Promise<void>(resolve => view.socket.once('connect', () => resolve()))
    assert.equal(view.socket.recovered, true)
    await view.settles(truthOf(bill.id))
    assert.equal(view.refetches, 1, 'recovered: no re-fetch needed')
    assert.deepEqual(view.counts.get(a1)?.tally, { for: 1, mixed: 0, against: 1 })
    assert.deepEqual(view.counts.get(a2), { tally: { for: 0, mixed: 1, against: 0 }, argumentCount: { for: 1, against: 0 } })
  })

  it('re-subscribes and re-fetches when the server ended the session (not recovered)', async () => {
    const bill = await publishedBill(author)
    const [a1] = bill.articles.map((a: any) => a.id)
    const view = await live(bill.id)
    const voters = await Promise.all([0, 1].map(() => suite.s.as('citizen')))
    await voters[0].put(`/articles/${a1}/vote`, { value: 'for' })
    await view.settles(truthOf(bill.id))
    const dropped = new Promise<string>(resolve => view.socket.once('disconnect', resolve))
    suite.s.app.live.io.disconnectSockets(true)
    assert.equal(await dropped, 'io server disconnect')
    await voters[1].put(`/articles/${a1}/vote`, { value: 'for' })
    await voters[0].post(`/articles/${a1}/arguments`, { side: 'against', body: 'Manqué pendant la coupure.' })
    // A client whose socket the server closed connects again itself (socket.io does not).
    const back = new Promise<void>(resolve => view.socket.once('connect', () => resolve()))
    view.socket.connect()
    await back
    assert.equal(view.socket.recovered, false)
    await view.settles(truthOf(bill.id))
    assert.equal(view.refetches, 2)
    assert.deepEqual(view.counts.get(a1), { tally: { for: 2, mixed: 0, against: 0 }, argumentCount: { for: 0, against: 1 } })
    // And it is subscribed again: the next event reaches it.
    await voters[1].put(`/articles/${a1}/vote`, { value: 'mixed' })
    await view.settles(truthOf(bill.id))
    assert.deepEqual(view.counts.get(a1)?.tally, { for: 1, mixed: 1, against: 0 })
  })
})
