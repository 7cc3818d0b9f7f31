/**
 * Reports and moderation over HTTP: reporting once per user, hiding after N
 * distinct reports, the queue, hide and restore, the log, the author's
 * notifications, and what the public still sees of hidden content.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: reports and moderation', () => {
  let author: ApiClient
  let moderator: ApiClient
  const s = serverSuite({ config: { autohideReports: 3 } })
  before(async () => {
    author = await s.as('author')
    moderator = await s.as('moderator', 'Modération')
  })

  async function argument (body = 'Un argument douteux.') {
    const bill = await publishedBill(author)
    const writer = await s.as('citizen', 'Auteur')
    const arg = (await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'against', body })).body
    return { bill, article: bill.articles[0].id as string, writer, arg }
  }

  const report = (c: ApiClient, id: string, reason = 'spam', body?: string) =>
    c.post('/reports', { target: { type: 'argument', id }, reason, ...(body ? { body } : {}) })

  it('counts a user\'s report once (201, then 200 with the same report) and hides after 3 distinct users', async () => {
    const { article, writer, arg } = await argument()
    const [r1, r2, r3] = await Promise.all([1, 2, 3].map(i => s.as('citizen', `Rapporteur ${i}`)))
    const first = await report(r1, arg.id, 'offensive', 'Insultant.')
    assert.equal(first.status, 201)
    assert.deepEqual(Object.keys(first.body).sort(), ['body', 'createdAt', 'id', 'reason', 'target'])
    const again = await report(r1, arg.id, 'spam')
    assert.deepEqual([again.status, again.body.id, again.body.reason], [200, first.body.id, 'offensive'])
    assert.equal((await report(r2, arg.id)).status, 201)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, false, 'two distinct users do not hide it')
    assert.equal((await report(r2, arg.id)).status, 200)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, false, 'a repeated report counts once')
    assert.equal((await report(r3, arg.id)).status, 201)

    const publicList = (await s.client().get(`/articles/${article}/arguments`)).body.items
    assert.equal(publicList.length, 1)
    assert.deepEqual([publicList[0].id, publicList[0].hidden, publicList[0].hiddenReason, publicList[0].body],
      [arg.id, true, 'reported', 'hidden by moderation: reported'])
    assert.equal(publicList[0].author.id, writer.userId, 'the author stays')
    assert.equal(JSON.stringify(publicList).includes('douteux'), false)
    assert.deepEqual((await s.client().get(`/articles/${article}`)).body.argumentCount, { for: 0, against: 1 })
    assert.equal((await writer.get(`/arguments/${arg.id}`)).body.body, 'Un argument douteux.', 'its author still reads it')

    const queue = (await moderator.get('/moderation/queue')).body.items
    const item = queue.find((q: any) => q.target.id === arg.id)
    assert.deepEqual([item.content.body, item.content.side, item.reportCount, item.pendingReports], ['Un argument douteux.', 'against', 3, 3])
    assert.deepEqual(item.reports.map((r: any) => [r.reporter.displayName, r.reason, r.body]),
      [['Rapporteur 1', 'offensive', 'Insultant.'], ['Rapporteur 2', 'spam', null], ['Rapporteur 3', 'spam', null]])
    assert.deepEqual([item.context.article.id, item.context.about], [article, { type: 'article', id: article }])
    assert.deepEqual([item.state.hidden, item.state.reason, item.state.by], [true, 'reported', null])
    assert.equal(JSON.stringify(queue).includes('@'), false)

    const log = (await moderator.get('/moderation/log')).body.items
    assert.deepEqual([log[0].target, log[0].action, log[0].reason, log[0].by], [{ type: 'argument', id: arg.id }, 'hide', 'reported', null])
    const notes = (await writer.get('/me/notifications')).body
    assert.deepEqual(notes.items.map((n: any) => [n.kind, n.action, n.reason, n.target.id]), [['moderation', 'hide', 'reported', arg.id]])
  })

  it('refuses reports of one\'s own, deleted or unknown content, and bad reasons', async () => {
    const { writer, arg } = await argument()
    const other = await s.as('citizen')
    const own = await report(writer, arg.id)
    assert.deepEqual([own.status, own.body.error.code], [422, 'own_content'])
    assert.equal((await report(other, arg.id, 'boring')).status, 400)
    assert.equal((await other.post('/reports', { target: { type: 'article', id: arg.id }, reason: 'spam' })).status, 400)
    assert.equal((await report(other, 'arg_nope')).status, 404)
    assert.equal((await report(s.client(), arg.id)).status, 401)
    await writer.delete(`/arguments/${arg.id}`)
    assert.equal((await report(other, arg.id)).status, 404)
  })

  it('hides and restores by a moderator: the log keeps both, the author is told, the queue empties', async () => {
    const { article, writer, arg } = await argument('Du spam, du spam.')
    await report(await s.as('citizen'), arg.id)
    assert.ok((await moderator.get('/moderation/queue')).body.items.some((q: any) => q.target.id === arg.id))
    const hide = await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'spam' })
    assert.equal(hide.status, 201)
    assert.deepEqual([hide.body.action, hide.body.reason, hide.body.by.displayName], ['hide', 'spam', 'Modération'])
    assert.equal((await moderator.get('/moderation/queue')).body.items.some((q: any) => q.target.id === arg.id), false)
    assert.equal((await s.client().get(`/articles/${article}/arguments`)).body.items[0].body, 'hidden by moderation: spam')
    const upvote = await (await s.as('citizen')).put(`/arguments/${arg.id}/vote`)
    assert.deepEqual([upvote.status, upvote.body.error.code], [422, 'argument_hidden'])
    const edit = await writer.patch(`/arguments/${arg.id}`, { body: 'Plus du spam.' })
    assert.deepEqual([edit.status, edit.body.error.code], [422, 'argument_hidden'])

    const restore = await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'restore', reason: 'error' })
    assert.equal(restore.status, 201)
    const back = (await s.client().get(`/articles/${article}/arguments`)).body.items[0]
    assert.deepEqual([back.hidden, back.hiddenReason, back.body], [false, null, 'Du spam, du spam.'])
    const log = (await moderator.get('/moderation/log?limit=2')).body
    assert.deepEqual(log.items.map((a: any) => [a.target.id, a.action, a.reason]), [[arg.id, 'restore', 'error'], [arg.id, 'hide', 'spam']])
    const notes = (await writer.get('/me/notifications')).body.items
    assert.deepEqual(notes.map((n: any) => [n.action, n.reason]), [['restore', 'error'], ['hide', 'spam']])
  })

  it('pages the log with its cursor, newest first, without gaps', async () => {
    const { arg } = await argument()
    for (let i = 0; i < 5; i++) {
      await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: i % 2 ? 'restore' : 'hide', reason: 'other' })
    }
    const all = (await moderator.get('/moderation/log?limit=50')).body.items.map((a: any) => a.id)
    const paged: string[] = []
    let cursor: string | null = ''
    while (cursor !== null) {
      const page: any = (await moderator.get(`/moderation/log?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body
      paged.push(...page.items.map((a: any) => a.id))
      cursor = page.next
    }
    assert.deepEqual(paged, all)
    assert.equal((await moderator.get('/moderation/log?cursor=zzz')).status, 400)
  })

  it('starts again after a restore: N new distinct reporters hide it again', async () => {
    const { arg } = await argument()
    const reporters = await Promise.all(Array.from({ length: 6 }, () => s.as('citizen')))
    for (const r of reporters.slice(0, 3)) await report(r, arg.id)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, true)
    await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'restore', reason: 'other' })
    for (const r of reporters.slice(0, 3)) assert.equal((await report(r, arg.id)).status, 200)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, false, 'the same reporters count once, ever')
    for (const r of reporters.slice(3)) await report(r, arg.id)
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.hidden, true)
  })

  it('keeps hidden arguments, full text included, in the staff listing of a bill', async () => {
    const { bill, arg } = await argument('Texte à garder pour le personnel.')
    await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'offensive' })
    const staff = await s.app.ctx.store.listBillArguments(bill.id)
    assert.deepEqual(staff.map(a => [a.id, a.body, a.hidden, a.hiddenReason]), [[arg.id, 'Texte à garder pour le personnel.', true, 'offensive']])
  })

  it('moderates amendments too: reported, hidden in the moderation state, listed with their text', async () => {
    const { bill, article } = await argument()
    const proposer = await s.as('citizen', 'Amendeur')
    const am = await proposer.post(`/articles/${article}/amendments`, { alineas: ['Un texte tout autre.'], explanation: 'Parce que.', baseRevision: bill.revision })
    assert.equal(am.status, 201, JSON.stringify(am.body))
    for (let i = 0; i < 3; i++) {
      assert.equal((await (await s.as('citizen')).post('/reports', { target: { type: 'amendment', id: am.body.id }, reason: 'off_topic' })).status, 201)
    }
    const state = (await s.app.ctx.store.getModerationStates('amendment', [am.body.id])).get(am.body.id)
    assert.deepEqual([state?.hidden, state?.reason], [true, 'reported'])
    const item = (await moderator.get('/moderation/queue')).body.items.find((q: any) => q.target.id === am.body.id)
    assert.deepEqual([item.content.body, item.content.alineas, item.content.side, item.content.author.displayName], ['Parce que.', ['Un texte tout autre.'], null, 'Amendeur'])
    const refused = await proposer.post(`/amendments/${am.body.id}/arguments`, { side: 'for', body: 'Pour.' })
    assert.deepEqual([refused.status, refused.body.error.code], [422, 'target_hidden'])
    assert.deepEqual((await proposer.get('/me/notifications')).body.items.map((n: any) => [n.target.type, n.action]), [['amendment', 'hide']])
  })

  it('lets only moderators and admins see the queue and the log and act', async () => {
    const { arg } = await argument()
    const citizen = await s.as('citizen')
    const staff = await s.as('staff')
    for (const c of [citizen, staff, author]) {
      assert.equal((await c.get('/moderation/queue')).status, 403)
      assert.equal((await c.get('/moderation/log')).status, 403)
      assert.equal((await c.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'spam' })).status, 403)
    }
    assert.equal((await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'Signalé', category: 'reported' })).status, 400, 'the automatic category is not a moderator\'s')
    assert.equal((await (await s.as('admin')).get('/moderation/queue')).status, 200)
    assert.equal((await s.client().get('/me/notifications')).status, 401)
  })
})
