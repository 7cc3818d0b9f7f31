/** An amendment hidden by moderation keeps its place; its text is withheld except from its author, the editors and moderators. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { proposed } from '../helpers/amendments.ts'
import { Amendment } from '../../shared/api.ts'

describe('API: amendments hidden by moderation', () => {
  const s = serverSuite()

  it('shows "hidden by moderation: <reason>" in place of the text, to everyone but its author, the editors and moderators; restores it', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const articleId = bill.articles[0].id
    const author = await s.as('citizen')
    const before = await proposed(author, articleId, ['Un texte injurieux.'], { explanation: 'Des injures.' })
    const other = await proposed(await s.as('citizen'), articleId, ['Un texte correct.'])
    const moderator = await s.as('moderator')
    const act = (action: 'hide' | 'restore') => moderator.post('/moderation/actions', { target: { type: 'amendment', id: before.id }, action, reason: 'offensive' })
    assert.equal((await act('hide')).status, 201)

    const seen = (await (await s.as('citizen')).get(`/amendments/${before.id}`)).body
    Amendment.strict().parse(seen)
    assert.equal(seen.hidden, true)
    assert.equal(seen.hiddenReason, 'offensive')
    assert.equal(seen.explanation, 'hidden by moderation: offensive')
    assert.deepEqual(seen.alineas, [])
    assert.equal(seen.diff, null)
    assert.equal(seen.wording, null)
    assert.deepEqual(seen.author, before.author, 'the author stays')
    assert.equal(seen.status, 'proposed')
    assert.ok(!JSON.stringify(seen).includes('injur'))

    const listed = (await s.client().get(`/articles/${articleId}/amendments`)).body.items
    assert.deepEqual(listed.map((a: any) => a.id), [other.id, before.id], 'it keeps its place')
    assert.equal(listed[1].explanation, 'hidden by moderation: offensive')
    assert.equal(listed[0].hidden, false)
    assert.equal((await s.client().get(`/articles/${articleId}`)).body.amendmentCount, 2)

    for (const reader of [author, editor, moderator]) {
      const r = (await reader.get(`/amendments/${before.id}`)).body
      assert.equal(r.hidden, true)
      assert.equal(r.explanation, 'Des injures.')
      assert.deepEqual(r.alineas, ['Un texte injurieux.'])
      assert.notEqual(r.diff, null)
    }

    assert.equal((await act('restore')).status, 201)
    const restored = (await s.client().get(`/amendments/${before.id}`)).body
    assert.equal(restored.hidden, false)
    assert.equal(restored.hiddenReason, null)
    assert.equal(restored.explanation, 'Des injures.')
  })
})
