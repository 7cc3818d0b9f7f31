/**
 * « Mon espace » (GET /me/workspace): an author sees the bills they edit with
 * their amendments by status, the proposed ones to decide oldest first, and
 * the latest amendments and arguments; other people's bills stay out; roles
 * and bad input are refused with a clear 4xx.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { proposed } from '../helpers/amendments.ts'

describe('API: the authors\' and staff\'s space (GET /me/workspace)', function () {
  this.timeout(30_000)
  let clock = Date.parse('2026-03-01T09:00:00Z')
  /** Each write a minute after the previous one, so "oldest" and "newest" are certain. */
  const tick = () => { clock += 60_000 }
  let author: ApiClient & { userId: string }
  let other: ApiClient & { userId: string }
  let citizen: ApiClient & { userId: string }
  let bill: any
  let otherBill: any
  const ids: Record<string, string> = {}

  const s = serverSuite({ now: () => new Date(clock) })
  before(async () => {
    author = await s.as('author', 'Mme Dupont')
    other = await s.as('author', 'M. Martin')
    citizen = await s.as('citizen', 'Camille')
    bill = await publishedBill(author)
    otherBill = await publishedBill(other)
    const art2 = bill.articles[1].id
    tick(); ids.first = (await proposed(citizen, art2, ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'])).id
    tick(); ids.second = (await proposed(citizen, art2, ['Le délai est de soixante jours.', 'Un décret fixe les modalités.'])).id
    tick(); ids.third = (await proposed(citizen, bill.articles[0].id, ['Premier alinéa modifié.'])).id
    tick(); assert.equal((await author.post(`/amendments/${ids.second}/decision`, { status: 'rejected', response: 'Non.' })).status, 200)
    tick(); assert.equal((await citizen.put(`/amendments/${ids.first}/vote`, { value: 'for' })).status, 200)
    tick(); ids.argument = (await citizen.post(`/amendments/${ids.third}/arguments`, { side: 'against', body: 'Trop vague.' })).body.id
    tick(); await proposed(citizen, otherBill.articles[1].id, ['Le délai est de cinq jours.', 'Un décret fixe les modalités.'])
  })

  it('lists the author\'s bills with their amendments by status and the pending total', async () => {
    const r = await author.get('/me/workspace')
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.deepEqual(r.body.bills.map((b: any) => b.id), [bill.id], 'only the bills one edits')
    assert.deepEqual(r.body.bills[0].amendments, { proposed: 2, accepted: 0, rejected: 1, withdrawn: 0 })
    assert.equal(r.body.bills[0].title, bill.title)
    assert.equal(r.body.pending, 2)
  })

  it('lists the proposed amendments to decide, oldest first, with article, author, support and stale flag', async () => {
    const r = await author.get('/me/workspace')
    const items = r.body.needsDecision
    assert.deepEqual(items.map((a: any) => a.id), [ids.first, ids.third])
    assert.equal(items[0].articleNum, '2')
    assert.equal(items[0].billTitle, bill.title)
    assert.equal(items[0].author.displayName, 'Camille')
    assert.deepEqual(items[0].tally, { for: 1, mixed: 0, against: 0 })
    assert.equal(items[0].stale, false)
    assert.equal(items[1].articleNum, '1er')
    assert.equal(JSON.stringify(r.body).includes('@example.org'), false, 'no e-mail address')
  })

  it('shows the latest activity newest first: amendments and arguments, with where and by whom, never the text', async () => {
    const r = await author.get('/me/workspace?limit=3')
    const a = r.body.activity
    assert.deepEqual(a.map((x: any) => [x.type, x.id]), [['argument', ids.argument], ['amendment', ids.third], ['amendment', ids.second]])
    assert.equal(a[0].side, 'against')
    assert.equal(a[0].amendmentId, ids.third)
    assert.equal(a[0].articleNum, '1er')
    assert.equal(JSON.stringify(a).includes('Trop vague'), false)
    assert.equal(r.body.needsDecision.length, 2)
  })

  it('keeps each author to their own bills', async () => {
    const r = await other.get('/me/workspace')
    assert.deepEqual(r.body.bills.map((b: any) => b.id), [otherBill.id])
    assert.equal(r.body.pending, 1)
    assert.equal(r.body.needsDecision.every((x: any) => x.billId === otherBill.id), true)
  })

  it('answers staff and admins who edit nothing with empty lists', async () => {
    for (const role of ['staff', 'admin'] as const) {
      const r = await (await s.as(role)).get('/me/workspace')
      assert.equal(r.status, 200)
      assert.deepEqual(r.body, { bills: [], pending: 0, needsDecision: [], activity: [] })
    }
  })

  it('refuses visitors (401), citizens and moderators (403), and a bad limit or unknown parameter (400)', async () => {
    assert.equal((await s.client().get('/me/workspace')).status, 401)
    assert.equal((await citizen.get('/me/workspace')).status, 403)
    assert.equal((await (await s.as('moderator')).get('/me/workspace')).status, 403)
    for (const q of ['limit=0', 'limit=51', 'limit=abc', 'foo=1']) {
      const r = await author.get(`/me/workspace?${q}`)
      assert.equal(r.status, 400, q)
      assert.equal(typeof r.body.error.message, 'string')
    }
  })

  it('is described in the OpenAPI document, with its query and answer', async () => {
    const doc = (await s.client().get('/api/v1/openapi.json')).body
    const op = doc.paths['/me/workspace']?.get
    assert.ok(op, 'GET /me/workspace is documented')
    assert.ok(op.parameters.some((p: any) => p.name === 'limit' && p.in === 'query'))
    assert.ok(doc.components.schemas.Workspace, 'the Workspace schema')
  })
})
