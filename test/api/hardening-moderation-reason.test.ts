/**
 * A moderator says why in their own words (issue 10, item 14): the reason
 * is free text, required, kept in the log and shown to the author; an
 * optional category names the public placeholder ("hidden by moderation:
 * off_topic"), so the moderator's words are not published. Restoring asks for
 * words too, and the author reads them instead of a category. A missing or
 * empty reason is a 400 that changes nothing; a category alone as the reason
 * (the earlier form) is still read as that category.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('hardening: a moderator\'s reason in words', () => {
  let author: ApiClient
  let moderator: ApiClient
  const s = serverSuite()
  before(async () => {
    author = await s.as('author')
    moderator = await s.as('moderator', 'Modération')
  })

  async function argument () {
    const bill = await publishedBill(author)
    const writer = await s.as('citizen', 'Autrice')
    const arg = (await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'Il fera beau demain.' })).body
    return { article: bill.articles[0].id as string, writer, arg }
  }
  const act = (body: unknown) => moderator.post('/moderation/actions', body)
  const notes = async (c: ApiClient) => (await c.get('/me/notifications')).body.items.filter((n: any) => n.kind === 'moderation')

  it('keeps the words for the author and the log, and names only the category in public', async () => {
    const { article, writer, arg } = await argument()
    const words = 'Cet argument parle de la météo, pas de l’article.'
    const hidden = await act({ target: { type: 'argument', id: arg.id }, action: 'hide', reason: words, category: 'off_topic' })
    assert.equal(hidden.status, 201, JSON.stringify(hidden.body))
    assert.deepEqual([hidden.body.reason, hidden.body.note], ['off_topic', words])

    const shown = (await s.client().get(`/articles/${article}/arguments`)).body.items.find((a: any) => a.id === arg.id)
    assert.deepEqual([shown.hidden, shown.body], [true, 'hidden by moderation: off_topic'])
    assert.equal(JSON.stringify(shown).includes('météo'), false, 'the moderator\'s words are not public')

    const log = (await moderator.get('/moderation/log')).body.items
    assert.deepEqual([log[0].action, log[0].reason, log[0].note], ['hide', 'off_topic', words])
    const [told] = await notes(writer)
    assert.equal(told.data?.note, words, 'the author reads the words')

    const restoreWords = 'Signalement abusif : l’argument répond à l’article.'
    const restored = await act({ target: { type: 'argument', id: arg.id }, action: 'restore', reason: restoreWords })
    assert.equal(restored.status, 201)
    assert.deepEqual([restored.body.reason, restored.body.note], ['other', restoreWords])
    const [latest] = await notes(writer)
    assert.deepEqual([latest.action, latest.data?.note], ['restore', restoreWords])
  })

  it('refuses an action without words (400) and changes nothing', async () => {
    const { arg } = await argument()
    const before = (await moderator.get('/moderation/log')).body.items.length
    for (const body of [
      { target: { type: 'argument', id: arg.id }, action: 'hide' },
      { target: { type: 'argument', id: arg.id }, action: 'hide', reason: '   ' },
      { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'x'.repeat(501) },
      { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'Pourquoi pas.', category: 'weather' }
    ]) {
      const r = await act(body)
      assert.equal(r.status, 400, JSON.stringify(body))
    }
    assert.equal((await moderator.get('/moderation/log')).body.items.length, before)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, false)
  })

  it('still reads a category alone as the reason', async () => {
    const { arg } = await argument()
    const r = await act({ target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'spam' })
    assert.equal(r.status, 201)
    assert.deepEqual([r.body.reason, r.body.note], ['spam', null])
  })
})
