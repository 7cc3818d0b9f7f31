/** Live tallies over socket.io: a subscriber sees another user's vote; drafts stay private. */
import assert from 'node:assert/strict'
import { io, type Socket } from 'socket.io-client'
import { startServer, publishedBill, type TestServer } from '../helpers/server.ts'
import type { SubscribeAck } from '../../shared/live.ts'

function connect (url: string, cookie?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false })
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

const subscribe = (socket: Socket, billId: string) => socket.emitWithAck('subscribe', { billId }) as Promise<SubscribeAck>

describe('Live: tallies', () => {
  let s: TestServer
  const sockets: Socket[] = []
  before(async () => { s = await startServer() })
  after(async () => {
    for (const so of sockets) so.disconnect()
    await s.stop()
  })

  it('sends the new tally to a subscriber after another user votes', async () => {
    const author = await s.as('author')
    const voter = await s.as('citizen')
    const bill = await publishedBill(author)
    const watcher = await connect(s.url)
    sockets.push(watcher)
    assert.deepEqual(await subscribe(watcher, bill.id), { ok: true })
    const received = new Promise<any>(resolve => watcher.once('tally', resolve))
    const r = await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'against' })
    assert.equal(r.status, 200)
    const event = await received
    assert.deepEqual(event, { billId: bill.id, target: { type: 'article', id: bill.articles[0].id }, tally: { for: 0, mixed: 0, against: 1 } })
  })

  it('ends on the final tally when many votes on one article come at once (tallies are folded per interval)', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const article = bill.articles[0].id
    const watcher = await connect(s.url)
    sockets.push(watcher)
    assert.deepEqual(await subscribe(watcher, bill.id), { ok: true })
    const voters = await Promise.all(Array.from({ length: 12 }, () => s.as('citizen')))
    const seen: number[] = []
    const final = new Promise<void>(resolve => {
      watcher.on('tally', (p: any) => { if (p.target.id === article) { seen.push(p.tally.for); if (p.tally.for === voters.length) resolve() } })
    })
    const answers = await Promise.all(voters.map(v => v.put(`/articles/${article}/vote`, { value: 'for' })))
    assert.deepEqual(answers.map(r => r.status), voters.map(() => 200))
    await final
    assert.ok(seen.length <= voters.length, `at most one tally per vote (${seen.length})`)
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b), 'tallies arrive in order')
  })

  it('refuses a subscription to a draft the viewer does not edit, and accepts its editor', async () => {
    const author = await s.as('author')
    const draft = (await author.post('/bills', { title: 'Secret', articles: [{ num: '1er', alineas: ['x'] }] })).body
    const stranger = await connect(s.url, (await s.as('citizen')).cookie!)
    const editor = await connect(s.url, author.cookie!)
    sockets.push(stranger, editor)
    const refused = await subscribe(stranger, draft.id)
    assert.equal(refused.ok, false)
    assert.deepEqual(await subscribe(editor, draft.id), { ok: true })
    assert.equal((await subscribe(stranger, 'bil_unknown')).ok, false)
  })
})
