/** Arguments over HTTP: posting, lists and pages, counts, the edit window, deletion and upvotes. */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { recountTally } from '../helpers/recount.ts'

const MINUTE = 60_000

describe('API: arguments', () => {
  let clock = Date.now()
  let author: ApiClient
  const s = serverSuite({ now: () => new Date(clock) })
  before(async () => {
    author = await s.as('author')
  })

  async function setup () {
    const bill = await publishedBill(author)
    return { bill, article: bill.articles[0].id as string, citizen: await s.as('citizen'), other: await s.as('citizen') }
  }

  it('posts an argument and answers it with its public shape (no email), stored as typed', async () => {
    const { article, citizen } = await setup()
    const body = '  <b>Trente jours</b> & « quinze » : c\'est trop court.  '
    const r = await citizen.post(`/articles/${article}/arguments`, { side: 'against', body })
    assert.equal(r.status, 201)
    assert.equal(r.headers.get('location'), `/api/v1/arguments/${r.body.id}`)
    assert.deepEqual(Object.keys(r.body).sort(), ['author', 'billId', 'body', 'createdAt', 'editableUntil', 'editedAt', 'hidden', 'hiddenReason', 'id', 'myUpvote', 'side', 'target', 'upvotes'])
    assert.equal(r.body.body, body.trim())
    assert.deepEqual(r.body.target, { type: 'article', id: article })
    assert.deepEqual(Object.keys(r.body.author).sort(), ['displayName', 'id', 'profileType'])
    assert.equal(r.body.author.id, citizen.userId)
    assert.deepEqual([r.body.upvotes, r.body.myUpvote, r.body.hidden, r.body.hiddenReason, r.body.editedAt], [0, false, false, null, null])
    assert.equal(JSON.stringify(r.body).includes('@'), false)
    const got = await s.client().get(`/arguments/${r.body.id}`)
    assert.deepEqual(got.body, r.body)
  })

  it('refuses empty, too long, unknown-field and signed-out arguments, changing nothing', async () => {
    const { article, citizen } = await setup()
    const statuses = [
      (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: '   ' })).status,
      (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'x'.repeat(2001) })).status,
      (await citizen.post(`/articles/${article}/arguments`, { side: 'maybe', body: 'x' })).status,
      (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'x', html: true })).status,
      (await s.client().post(`/articles/${article}/arguments`, { side: 'for', body: 'x' })).status,
      (await citizen.post('/articles/art_nope/arguments', { side: 'for', body: 'x' })).status
    ]
    assert.deepEqual(statuses, [400, 400, 400, 400, 401, 404])
    assert.equal((await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'é'.repeat(2000) })).status, 201)
    assert.deepEqual((await s.client().get(`/articles/${article}`)).body.argumentCount, { for: 1, against: 0 })
  })

  it('counts arguments per side in the article and bill views', async () => {
    const { bill, article, citizen, other } = await setup()
    await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'Pour.' })
    await other.post(`/articles/${article}/arguments`, { side: 'for', body: 'Pour aussi.' })
    await other.post(`/articles/${article}/arguments`, { side: 'against', body: 'Contre.' })
    assert.deepEqual((await s.client().get(`/articles/${article}`)).body.argumentCount, { for: 2, against: 1 })
    const view = (await s.client().get(`/bills/${bill.id}`)).body
    assert.deepEqual(view.articles.map((a: any) => a.argumentCount), [{ for: 2, against: 1 }, { for: 0, against: 0 }])
  })

  it('lists by side, newest first or most upvoted first, in pages that join up', async () => {
    const { article, citizen } = await setup()
    const voters = await Promise.all([0, 1, 2].map(() => s.as('citizen')))
    const ids: string[] = []
    for (let i = 0; i < 7; i++) {
      clock += 1000
      ids.push((await citizen.post(`/articles/${article}/arguments`, { side: i % 3 === 2 ? 'against' : 'for', body: `Argument ${i}` })).body.id)
    }
    // ids[1] gets 3 upvotes, ids[3] gets 1.
    for (const v of voters) assert.equal((await v.put(`/arguments/${ids[1]}/vote`)).status, 200)
    await voters[0].put(`/arguments/${ids[3]}/vote`)
    const anon = s.client()
    const recent = (await anon.get(`/articles/${article}/arguments?sort=recent`)).body
    assert.deepEqual(recent.items.map((a: any) => a.id), [...ids].reverse())
    assert.equal(recent.next, null)
    const forSide = (await anon.get(`/articles/${article}/arguments?side=for&sort=upvotes`)).body.items
    assert.deepEqual(forSide.map((a: any) => a.id), [ids[1], ids[3], ids[6], ids[4], ids[0]])
    assert.deepEqual(forSide.map((a: any) => a.upvotes), [3, 1, 0, 0, 0])
    const seen: string[] = []
    let cursor: string | null = ''
    let pages = 0
    while (cursor !== null) {
      const page: any = (await anon.get(`/articles/${article}/arguments?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body
      seen.push(...page.items.map((a: any) => a.id))
      cursor = page.next
      pages++
    }
    assert.equal(pages, 4)
    assert.deepEqual(seen, [ids[1], ids[3], ids[6], ids[5], ids[4], ids[2], ids[0]])
    const mine = (await voters[0].get(`/articles/${article}/arguments?sort=upvotes&limit=2`)).body.items
    assert.deepEqual(mine.map((a: any) => a.myUpvote), [true, true])
  })

  it('refuses bad list queries: limit above 50, forged cursors, a cursor of another sort, unknown parameters', async () => {
    const { article, citizen } = await setup()
    for (let i = 0; i < 3; i++) await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: `A${i}` })
    const next = (await s.client().get(`/articles/${article}/arguments?sort=recent&limit=1`)).body.next
    const anon = s.client()
    const statuses = [
      (await anon.get(`/articles/${article}/arguments?limit=51`)).status,
      (await anon.get(`/articles/${article}/arguments?cursor=nonsense`)).status,
      (await anon.get(`/articles/${article}/arguments?cursor=${Buffer.from('{"s":"recent","u":-1}').toString('base64url')}`)).status,
      (await anon.get(`/articles/${article}/arguments?sort=upvotes&cursor=${next}`)).status,
      (await anon.get(`/articles/${article}/arguments?order=asc`)).status,
      (await anon.get(`/articles/${article}/arguments?sort=recent&cursor=${next}`)).status
    ]
    assert.deepEqual(statuses, [400, 400, 400, 400, 400, 200])
  })

  it('accepts nothing once the consultation is closed (422 consultation_closed)', async () => {
    const { bill, article, citizen, other } = await setup()
    const arg = (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'Avant.' })).body
    assert.equal((await author.post(`/bills/${bill.id}/close`)).status, 200)
    const refused = [
      await other.post(`/articles/${article}/arguments`, { side: 'for', body: 'Après.' }),
      await citizen.patch(`/arguments/${arg.id}`, { body: 'Modifié.' }),
      await other.put(`/arguments/${arg.id}/vote`),
      await citizen.delete(`/arguments/${arg.id}`)
    ]
    assert.deepEqual(refused.map(r => [r.status, r.body.error.code]), Array(4).fill([422, 'consultation_closed']))
    assert.equal((await s.client().get(`/articles/${article}/arguments`)).body.items.length, 1)
  })

  it('lets its author edit during 15 minutes; editing clears the upvotes', async () => {
    const { article, citizen, other } = await setup()
    const arg = (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'Première version.' })).body
    assert.deepEqual((await other.put(`/arguments/${arg.id}/vote`)).body, { upvotes: 1 })
    clock += 10 * MINUTE
    assert.equal((await other.patch(`/arguments/${arg.id}`, { body: 'Pas à moi.' })).status, 403)
    assert.equal((await s.client().patch(`/arguments/${arg.id}`, { body: 'Anonyme.' })).status, 401)
    const edited = await citizen.patch(`/arguments/${arg.id}`, { body: 'Deuxième version.' })
    assert.equal(edited.status, 200)
    assert.deepEqual([edited.body.body, edited.body.upvotes, edited.body.editedAt], ['Deuxième version.', 0, new Date(clock).toISOString()])
    const seenByVoter = (await other.get(`/arguments/${arg.id}`)).body
    assert.deepEqual([seenByVoter.upvotes, seenByVoter.myUpvote], [0, false])
    assert.deepEqual((await other.put(`/arguments/${arg.id}/vote`)).body, { upvotes: 1 })
    clock += 5 * MINUTE + 1000
    const late = await citizen.patch(`/arguments/${arg.id}`, { body: 'Troisième version.' })
    assert.deepEqual([late.status, late.body.error.code], [422, 'edit_window_closed'])
    assert.equal((await s.client().get(`/arguments/${arg.id}`)).body.body, 'Deuxième version.')
  })

  it('deletes: its author or a moderator; gone from lists and counts', async () => {
    const { article, citizen, other } = await setup()
    const a1 = (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'Un.' })).body
    const a2 = (await citizen.post(`/articles/${article}/arguments`, { side: 'against', body: 'Deux.' })).body
    assert.equal((await other.delete(`/arguments/${a1.id}`)).status, 403)
    assert.equal((await s.client().delete(`/arguments/${a1.id}`)).status, 401)
    assert.equal((await citizen.delete(`/arguments/${a1.id}`)).status, 204)
    assert.equal((await citizen.delete(`/arguments/${a1.id}`)).status, 404)
    assert.equal((await s.client().get(`/arguments/${a1.id}`)).status, 404)
    assert.equal((await other.put(`/arguments/${a1.id}/vote`)).status, 404)
    assert.equal((await (await s.as('moderator')).delete(`/arguments/${a2.id}`)).status, 204)
    assert.deepEqual((await s.client().get(`/articles/${article}/arguments`)).body.items, [])
    assert.deepEqual((await s.client().get(`/articles/${article}`)).body.argumentCount, { for: 0, against: 0 })
  })

  it('argues on amendments too: lists and counts apart from the article\'s', async () => {
    const { bill, article, citizen, other } = await setup()
    const am = (await other.post(`/articles/${article}/amendments`, { alineas: ['Un autre texte.'], explanation: 'Mieux.', baseRevision: bill.revision })).body
    const posted = await citizen.post(`/amendments/${am.id}/arguments`, { side: 'against', body: 'Moins bien.' })
    assert.equal(posted.status, 201)
    assert.deepEqual(posted.body.target, { type: 'amendment', id: am.id })
    assert.equal(posted.body.billId, bill.id)
    await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'Sur l\'article.' })
    assert.deepEqual((await s.client().get(`/amendments/${am.id}/arguments`)).body.items.map((a: any) => a.id), [posted.body.id])
    assert.deepEqual((await s.app.ctx.store.countArguments('amendment', [am.id])).get(am.id), { for: 0, against: 1 })
    assert.deepEqual((await s.client().get(`/amendments/${am.id}`)).body.argumentCount, { for: 0, against: 1 })
    assert.deepEqual((await s.client().get(`/articles/${article}/amendments`)).body.items[0].argumentCount, { for: 0, against: 1 })
    assert.deepEqual((await s.client().get(`/articles/${article}`)).body.argumentCount, { for: 1, against: 0 })
    assert.equal((await citizen.post('/amendments/amd_nope/arguments', { side: 'for', body: 'x' })).status, 404)
    assert.equal((await s.client().get('/amendments/amd_nope/arguments')).status, 404)
  })

  it('documents the debate and moderation routes in the OpenAPI document, query parameters included', async () => {
    const doc = (await s.client().get('/api/v1/openapi.json')).body
    const routes = [
      ['get', '/articles/{articleId}/arguments'], ['post', '/articles/{articleId}/arguments'],
      ['get', '/amendments/{amendmentId}/arguments'], ['post', '/amendments/{amendmentId}/arguments'],
      ['get', '/arguments/{argumentId}'], ['patch', '/arguments/{argumentId}'], ['delete', '/arguments/{argumentId}'],
      ['put', '/arguments/{argumentId}/vote'], ['delete', '/arguments/{argumentId}/vote'], ['post', '/reports'],
      ['get', '/moderation/queue'], ['post', '/moderation/actions'], ['get', '/moderation/log'], ['get', '/me/notifications']
    ]
    for (const [method, path] of routes) assert.ok(doc.paths[path]?.[method], `${method} ${path}`)
    const params = doc.paths['/articles/{articleId}/arguments'].get.parameters.map((p: any) => [p.name, p.in, p.required])
    assert.deepEqual(params, [['articleId', 'path', true], ['side', 'query', false], ['sort', 'query', false], ['cursor', 'query', false], ['limit', 'query', false]])
    assert.deepEqual(doc.components.schemas.ArgumentBody.properties.side.enum, ['for', 'against'])
    assert.equal(doc.components.schemas.ArgumentBody.additionalProperties, false)
    assert.ok(doc.components.schemas.Argument.properties.hiddenReason)
  })

  it('counts one upvote per user, never the author\'s own', async () => {
    const { article, citizen, other } = await setup()
    const arg = (await citizen.post(`/articles/${article}/arguments`, { side: 'for', body: 'Votez pour moi.' })).body
    const own = await citizen.put(`/arguments/${arg.id}/vote`)
    assert.deepEqual([own.status, own.body.error.code], [422, 'own_argument'])
    assert.deepEqual((await other.put(`/arguments/${arg.id}/vote`)).body, { upvotes: 1 })
    assert.deepEqual((await other.put(`/arguments/${arg.id}/vote`, { value: 'for' })).body, { upvotes: 1 })
    assert.equal((await other.put(`/arguments/${arg.id}/vote`, { value: 'against' })).status, 400)
    assert.equal((await s.client().put(`/arguments/${arg.id}/vote`)).status, 401)
    assert.deepEqual((await other.delete(`/arguments/${arg.id}/vote`)).body, { upvotes: 0 })
    assert.deepEqual((await other.delete(`/arguments/${arg.id}/vote`)).body, { upvotes: 0 })
    const t = { type: 'argument' as const, id: arg.id }
    assert.deepEqual(await recountTally(s.app.ctx.store, arg.billId, t), await s.app.ctx.store.getTally(t))
  })
})
