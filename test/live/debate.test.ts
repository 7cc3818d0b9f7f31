/**
 * Live debate and moderation events over a real socket.io client: new
 * arguments, upvotes, edits and deletions reach a bill's subscribers; hidden
 * text never does; a draft's events never reach those who may not see it.
 */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { liveSuite } from '../helpers/live-suite.ts'
import { nextEvent, record, subscribe } from '../helpers/live.ts'

describe('Live: debate and moderation', () => {
  const live = liveSuite({ config: { autohideReports: 2 } })
  let author: ApiClient
  beforeEach(async () => { author = await live.s.as('author') })

  async function watching (billId: string, cookie?: string): Promise<Socket> {
    const socket = await live.open(cookie)
    assert.deepEqual(await subscribe(socket, billId), { ok: true })
    return socket
  }

  it('sends a new argument as the public sees it, with its article\'s new counts', async () => {
    const bill = await publishedBill(author)
    const article = bill.articles[0].id
    const watcher = await watching(bill.id)
    const arguer = await live.s.as('citizen', 'Camille')
    const received = nextEvent(watcher, 'argument:created')
    const posted = await arguer.post(`/articles/${article}/arguments`, { side: 'for', body: 'Trente jours, c\'est bien.' })
    assert.equal(posted.status, 201)
    const event = await received
    assert.deepEqual(event, { billId: bill.id, argument: posted.body, argumentCount: { for: 1, against: 0 } })
    assert.equal(event.argument.author.displayName, 'Camille')
    assert.equal(JSON.stringify(event).includes('@'), false)
  })

  it('sends upvotes, edits (upvotes cleared) and deletions with the new counts', async () => {
    const bill = await publishedBill(author)
    const article = bill.articles[0].id
    const watcher = await watching(bill.id)
    const arguer = await live.s.as('citizen')
    const voter = await live.s.as('citizen')
    const arg = (await arguer.post(`/articles/${article}/arguments`, { side: 'against', body: 'Trop court.' })).body
    const upvote = nextEvent(watcher, 'upvotes')
    await voter.put(`/arguments/${arg.id}/vote`)
    assert.deepEqual(await upvote, { billId: bill.id, argumentId: arg.id, upvotes: 1 })
    const updated = nextEvent(watcher, 'argument:updated')
    await arguer.patch(`/arguments/${arg.id}`, { body: 'Bien trop court.' })
    const u = await updated
    assert.deepEqual([u.argument.id, u.argument.body, u.argument.upvotes], [arg.id, 'Bien trop court.', 0])
    const deleted = nextEvent(watcher, 'argument:deleted')
    await arguer.delete(`/arguments/${arg.id}`)
    assert.deepEqual(await deleted, { billId: bill.id, argumentId: arg.id, target: { type: 'article', id: article }, side: 'against', argumentCount: { for: 0, against: 0 } })
  })

  it('never broadcasts hidden text: `moderated` carries none, and a restore sends the argument again', async () => {
    const bill = await publishedBill(author)
    const article = bill.articles[0].id
    const text = 'Un texte injurieux à cacher.'
    const arguer = await live.s.as('citizen')
    const arg = (await arguer.post(`/articles/${article}/arguments`, { side: 'for', body: text })).body
    const watcher = await watching(bill.id)
    const events = record(watcher)
    const hidden = nextEvent(watcher, 'moderated')
    for (let i = 0; i < 2; i++) await (await live.s.as('citizen')).post('/reports', { target: { type: 'argument', id: arg.id }, reason: 'offensive' })
    assert.deepEqual(await hidden, { billId: bill.id, target: { type: 'argument', id: arg.id }, hidden: true, reason: 'reported' })
    const moderator = await live.s.as('moderator')
    const confirmed = nextEvent(watcher, 'moderated')
    await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'offensive' })
    assert.deepEqual(await confirmed, { billId: bill.id, target: { type: 'argument', id: arg.id }, hidden: true, reason: 'offensive' })
    assert.equal(JSON.stringify(events).includes('injurieux'), false, 'no event carried the hidden text')
    // Still listed publicly, in its place, without its text; and in the moderation log.
    assert.equal((await live.s.client().get(`/articles/${article}/arguments`)).body.items[0].body, 'hidden by moderation: offensive')
    assert.deepEqual((await moderator.get('/moderation/log')).body.items.slice(0, 2).map((a: any) => a.target.id), [arg.id, arg.id])

    const restored = nextEvent(watcher, 'argument:updated')
    const moderated = nextEvent(watcher, 'moderated')
    await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'restore', reason: 'error' })
    assert.deepEqual(await moderated, { billId: bill.id, target: { type: 'argument', id: arg.id }, hidden: false, reason: 'error' })
    const r = await restored
    assert.deepEqual([r.argument.body, r.argument.hidden], [text, false])
  })

  it('sends nothing of a draft to a viewer who may not see it', async () => {
    const open = await publishedBill(author)
    const draft = (await author.post('/bills', { title: 'Brouillon secret', articles: [{ num: '1er', alineas: ['Texte secret.'] }] })).body
    const stranger = await live.open((await live.s.as('citizen')).cookie)
    const events = record(stranger)
    assert.equal((await subscribe(stranger, draft.id)).ok, false)
    assert.deepEqual(await subscribe(stranger, open.id), { ok: true })
    const editor = await watching(draft.id, author.cookie!)
    const draftEvent = nextEvent(editor, 'bill:updated')
    assert.equal((await author.patch(`/bills/${draft.id}`, { summary: 'Toujours secret.' })).status, 200)
    await draftEvent
    // A later event of the open bill marks the end: whatever the draft sent came before it.
    const marker = nextEvent(stranger, 'tally')
    await (await live.s.as('citizen')).put(`/articles/${open.articles[0].id}/vote`, { value: 'for' })
    await marker
    assert.deepEqual(events.map(([name, p]) => [name, p.billId]), [['tally', open.id]])
  })
})
