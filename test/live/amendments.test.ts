/** Live amendment events: a bill's subscriber sees amendments proposed, voted on, decided and withdrawn. */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import { publishedBill } from '../helpers/server.ts'
import { liveSuite } from '../helpers/live-suite.ts'
import { proposed } from '../helpers/amendments.ts'

describe('Live: amendments', () => {
  const live = liveSuite()
  let watcher: Socket
  beforeEach(async () => { watcher = await live.open() })

  it('relays amendment:created, its tally, amendment:decided and amendment:withdrawn to the bill room', async () => {
    const editor = await live.s.as('author')
    const bill = await publishedBill(editor)
    const articleId = bill.articles[0].id
    assert.deepEqual(await watcher.emitWithAck('subscribe', { billId: bill.id }), { ok: true })
    const citizen = await live.s.as('citizen')

    const created = new Promise<any>(resolve => watcher.once('amendment:created', resolve))
    const a = await proposed(citizen, articleId, ['Autre texte.'])
    assert.deepEqual(await created, { billId: bill.id, articleId, amendmentId: a.id, number: 1 })

    const tally = new Promise<any>(resolve => watcher.once('tally', resolve))
    await (await live.s.as('citizen')).put(`/amendments/${a.id}/vote`, { value: 'for' })
    assert.deepEqual(await tally, { billId: bill.id, target: { type: 'amendment', id: a.id }, tally: { for: 1, mixed: 0, against: 0 } })

    const decided = new Promise<any>(resolve => watcher.once('amendment:decided', resolve))
    await editor.post(`/amendments/${a.id}/decision`, { status: 'accepted', response: 'Oui.' })
    assert.deepEqual(await decided, { billId: bill.id, articleId, amendmentId: a.id, number: 1, status: 'accepted', decidedSeq: 1 })

    const b = await proposed(citizen, articleId, ['Encore un autre texte.'])
    const withdrawn = new Promise<any>(resolve => watcher.once('amendment:withdrawn', resolve))
    await citizen.post(`/amendments/${b.id}/withdraw`)
    assert.deepEqual(await withdrawn, { billId: bill.id, articleId, amendmentId: b.id, number: 2 })
  })
})
