/**
 * The moderation log keeps an excerpt of the content as it was when acted
 * on (automatic hiding and moderators' actions, arguments and amendments),
 * and the queue says after how many reports content hides itself.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: moderation log excerpts and the automatic hiding threshold', () => {
  let author: ApiClient
  let moderator: ApiClient
  const s = serverSuite({ config: { autohideReports: 2 } })
  before(async () => {
    author = await s.as('author')
    moderator = await s.as('moderator', 'Modération')
  })

  const report = (c: ApiClient, type: 'argument' | 'amendment', id: string) =>
    c.post('/reports', { target: { type, id }, reason: 'spam' })

  it('keeps the excerpt of an automatically hidden argument, and of a restore after it was edited away', async () => {
    const bill = await publishedBill(author)
    const writer = await s.as('citizen', 'Auteur')
    const arg = (await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'Achetez   mes\ncasseroles !' })).body
    await report(await s.as('citizen'), 'argument', arg.id)
    await report(await s.as('citizen'), 'argument', arg.id)
    const queue = (await moderator.get('/moderation/queue')).body
    assert.equal(queue.autoHideReports, 2, 'the queue says the threshold')
    const restore = await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'restore', reason: 'Pas du spam, finalement.', category: 'error' })
    assert.equal(restore.status, 201)
    assert.equal(restore.body.excerpt, 'Achetez mes casseroles !', 'the answer carries it, spaces folded')
    const log = (await moderator.get('/moderation/log?limit=2')).body.items
    assert.deepEqual(log.map((a: any) => [a.action, a.by?.displayName ?? null, a.excerpt]), [
      ['restore', 'Modération', 'Achetez mes casseroles !'],
      ['hide', null, 'Achetez mes casseroles !']
    ])
  })

  it('cuts a long text to 200 characters and takes an amendment\'s explanation', async () => {
    const bill = await publishedBill(author)
    const citizen = await s.as('citizen', 'Longue')
    const long = 'mot '.repeat(120).trim()
    const arg = (await citizen.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'against', body: long })).body
    const hide = await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'Trop long.', category: 'other' })
    assert.equal(hide.status, 201)
    assert.equal([...hide.body.excerpt].length, 200)
    assert.ok(hide.body.excerpt.endsWith('…'))
    assert.ok(long.startsWith(hide.body.excerpt.slice(0, -1)))

    const amd = await citizen.post(`/articles/${bill.articles[1].id}/amendments`, {
      baseRevision: bill.revision ?? 1, alineas: ['Le délai est de soixante jours.', 'Un décret fixe les modalités.'], explanation: 'Trente jours ne suffisent pas.'
    })
    assert.equal(amd.status, 201, JSON.stringify(amd.body))
    const hidden = await moderator.post('/moderation/actions', { target: { type: 'amendment', id: amd.body.id }, action: 'hide', reason: 'spam' })
    assert.equal(hidden.body.excerpt, 'Trente jours ne suffisent pas.')
    // The citizen's own text never leaves the moderators' log: the public sees no excerpt anywhere.
    assert.equal((await s.client().get('/moderation/log')).status, 401)
  })
})
