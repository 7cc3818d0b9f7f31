/** Live tallies over socket.io: a subscriber sees another user's vote; drafts stay private. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { liveSuite } from '../helpers/live-suite.ts'
import { subscribe } from '../helpers/live.ts'

describe('Live: tallies', () => {
  const live = liveSuite()
  const { open } = live

  it('sends the new tally to a subscriber after another user votes', async () => {
    const author = await live.s.as('author')
    const voter = await live.s.as('citizen')
    const bill = await publishedBill(author)
    const watcher = await open()
    assert.deepEqual(await subscribe(watcher, bill.id), { ok: true })
    const received = new Promise<any>(resolve => watcher.once('tally', resolve))
    const r = await voter.put(`/articles/${bill.articles[0].id}/vote`, { value: 'against' })
    assert.equal(r.status, 200)
    const event = await received
    assert.deepEqual(event, { billId: bill.id, target: { type: 'article', id: bill.articles[0].id }, tally: { for: 0, mixed: 0, against: 1 } })
  })

  it('ends on the final tally when many votes on one article come at once (tallies are folded per interval)', async () => {
    const author = await live.s.as('author')
    const bill = await publishedBill(author)
    const article = bill.articles[0].id
    const watcher = await open()
    assert.deepEqual(await subscribe(watcher, bill.id), { ok: true })
    const voters = await Promise.all(Array.from({ length: 12 }, () => live.s.as('citizen')))
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
    const author = await live.s.as('author')
    const draft = (await author.post('/bills', { title: 'Secret', articles: [{ num: '1er', alineas: ['x'] }] })).body
    const stranger = await open((await live.s.as('citizen')).cookie)
    const editor = await open(author.cookie)
    const refused = await subscribe(stranger, draft.id)
    assert.equal(refused.ok, false)
    assert.deepEqual(await subscribe(editor, draft.id), { ok: true })
    assert.equal((await subscribe(stranger, 'bil_unknown')).ok, false)
  })
})
