/** Votes on amendments, and an article's amendment list: sorts, stable random order, cursor pages, status filter. */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient, type ApiResponse } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { proposed } from '../helpers/amendments.ts'

describe('API: amendment votes and lists', () => {
  const s = serverSuite()

  /** Every page of a list, following `next`; checks page sizes. */
  async function pages (c: ApiClient, path: string, limit: number): Promise<string[]> {
    const ids: string[] = []
    let cursor: string | null = null
    for (let i = 0; i < 50; i++) {
      const sep = path.includes('?') ? '&' : '?'
      const r: ApiResponse = await c.get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      assert.equal(r.status, 200, JSON.stringify(r.body))
      assert.ok(r.body.items.length <= limit)
      ids.push(...r.body.items.map((a: any) => a.id))
      cursor = r.body.next
      if (!cursor) return ids
    }
    throw new Error('pagination does not end')
  }

  it('takes one changeable vote per user on a proposed amendment while open, and shows it', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const am = await proposed(await s.as('citizen'), bill.articles[0].id, ['Autre texte.'])
    const v1 = await s.as('citizen')
    const v2 = await s.as('citizen')
    assert.deepEqual((await v1.put(`/amendments/${am.id}/vote`, { value: 'for' })).body, { for: 1, mixed: 0, against: 0 })
    assert.deepEqual((await v2.put(`/amendments/${am.id}/vote`, { value: 'mixed' })).body, { for: 1, mixed: 1, against: 0 })
    assert.deepEqual((await v1.put(`/amendments/${am.id}/vote`, { value: 'against' })).body, { for: 0, mixed: 1, against: 1 })
    const seen = (await v1.get(`/amendments/${am.id}`)).body
    assert.equal(seen.myVote, 'against')
    assert.deepEqual(seen.tally, { for: 0, mixed: 1, against: 1 })
    assert.equal((await s.client().get(`/amendments/${am.id}`)).body.myVote, null)
    assert.deepEqual((await v2.delete(`/amendments/${am.id}/vote`)).body, { for: 0, mixed: 0, against: 1 })
    assert.equal((await s.client().put(`/amendments/${am.id}/vote`, { value: 'for' })).status, 401)
    assert.equal((await v1.put(`/amendments/${am.id}/vote`, { value: 'maybe' })).status, 400)
    assert.equal((await v1.put('/amendments/amd_nope/vote', { value: 'for' })).status, 404)
  })

  it('lists every amendment of a bill, all articles together, with the same sorts, filters and cursors', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const [a1, a2] = bill.articles
    const c1 = await s.as('citizen')
    const c2 = await s.as('citizen')
    const x = await proposed(c1, a1.id, ['Premier texte.'])
    const y = await proposed(c2, a2.id, ['Le délai est de dix jours.', 'Un décret fixe les modalités.'])
    const z = await proposed(c1, a2.id, ['Le délai est de vingt jours.'])
    const other = await publishedBill(author)
    await proposed(c2, other.articles[0].id, ['Ailleurs.'])
    assert.deepEqual(await pages(s.client(), `/bills/${bill.id}/amendments`, 2), [z.id, y.id, x.id])
    await (await s.as('citizen')).put(`/amendments/${y.id}/vote`, { value: 'for' })
    assert.deepEqual(await pages(s.client(), `/bills/${bill.id}/amendments?sort=supported`, 1), [y.id, z.id, x.id])
    assert.equal((await author.post(`/amendments/${x.id}/decision`, { status: 'accepted', response: 'Oui.' })).status, 200)
    assert.deepEqual(await pages(s.client(), `/bills/${bill.id}/amendments?status=accepted`, 5), [x.id])
    const item = (await s.client().get(`/bills/${bill.id}/amendments?limit=1`)).body.items[0]
    assert.equal(item.articleId, a2.id)
    assert.equal(item.stale, false)
    assert.equal((await s.client().get('/bills/bil_nope/amendments')).status, 404)
    const draft = (await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['x'] }] })).body
    assert.equal((await s.client().get(`/bills/${draft.id}/amendments`)).status, 404)
    assert.equal((await author.get(`/bills/${draft.id}/amendments`)).status, 200)
  })

  it('freezes the tally once decided or withdrawn, and when the consultation closes', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const c = await s.as('citizen')
    const decided = await proposed(c, bill.articles[0].id, ['Décidé.'])
    const withdrawn = await proposed(c, bill.articles[0].id, ['Retiré.'])
    const open = await proposed(c, bill.articles[0].id, ['Ouvert.'])
    const voter = await s.as('citizen')
    await voter.put(`/amendments/${decided.id}/vote`, { value: 'for' })
    assert.equal((await author.post(`/amendments/${decided.id}/decision`, { status: 'rejected', response: 'Non.' })).status, 200)
    assert.equal((await c.post(`/amendments/${withdrawn.id}/withdraw`)).status, 200)
    for (const id of [decided.id, withdrawn.id]) {
      const r = await voter.put(`/amendments/${id}/vote`, { value: 'against' })
      assert.equal(r.status, 422)
      assert.equal(r.body.error.code, 'amendment_closed')
      assert.equal((await voter.delete(`/amendments/${id}/vote`)).status, 422)
    }
    assert.deepEqual((await s.client().get(`/amendments/${decided.id}`)).body.tally, { for: 1, mixed: 0, against: 0 })
    assert.equal((await author.post(`/bills/${bill.id}/close`)).status, 200)
    const closed = await voter.put(`/amendments/${open.id}/vote`, { value: 'for' })
    assert.equal(closed.status, 422)
    assert.equal(closed.body.error.code, 'consultation_closed')
  })

  describe('lists', () => {
    let articleId: string
    let ids: string[]
    const viewers: ApiClient[] = []
    before(async () => {
      const bill = await publishedBill(await s.as('author'))
      articleId = bill.articles[0].id
      ids = []
      for (let i = 0; i < 9; i++) ids.push((await proposed(await s.as('citizen'), articleId, [`Texte numéro ${i}.`])).id)
      for (let i = 0; i < 6; i++) viewers.push(await s.as('citizen'))
      // ids[3]: 5 for; ids[7]: 3 for 1 mixed; ids[1]: 1 for; ids[5]: 2 against; others: no votes.
      const votes: [number, number, 'for' | 'mixed' | 'against'][] = [[3, 5, 'for'], [7, 3, 'for'], [7, 1, 'mixed'], [1, 1, 'for'], [5, 2, 'against']]
      let v = 0
      for (const [i, n, value] of votes) {
        for (let k = 0; k < n; k++) await viewers[v++ % viewers.length].put(`/amendments/${ids[i]}/vote`, { value })
      }
    })

    it('lists the most recent first by default, in pages of `limit`', async () => {
      const all = (await s.client().get(`/articles/${articleId}/amendments`)).body
      assert.deepEqual(all.items.map((a: any) => a.id), [...ids].reverse())
      assert.equal(all.next, null)
      assert.deepEqual(await pages(s.client(), `/articles/${articleId}/amendments?sort=recent`, 4), [...ids].reverse())
      const item = all.items[0]
      assert.deepEqual(Object.keys(item).sort(), ['alineas', 'applies', 'appliesReason', 'argumentCount', 'articleId', 'author', 'baseRevision', 'billId', 'createdAt',
        'decision', 'diff', 'explanation', 'falls', 'heading', 'hidden', 'hiddenReason', 'id', 'kind', 'myVote', 'number', 'origin', 'position', 'stale', 'status',
        'tally', 'updatedAt', 'wording'])
    })

    it('lists the most supported first (Wilson lower bound, mixed counting half), then the most recent', async () => {
      const unvoted = [8, 6, 4, 2, 0].map(i => ids[i])
      const expected = [ids[3], ids[7], ids[1], ...unvoted, ids[5]]
      assert.deepEqual(await pages(s.client(), `/articles/${articleId}/amendments?sort=supported`, 50), expected)
      assert.deepEqual(await pages(s.client(), `/articles/${articleId}/amendments?sort=supported`, 2), expected)
      const mine = (await viewers[0].get(`/articles/${articleId}/amendments?sort=supported&limit=1`)).body.items[0]
      assert.equal(mine.myVote, 'for')
      assert.deepEqual(mine.tally, { for: 5, mixed: 0, against: 0 })
    })

    it('lists in a random order stable for each viewer, different between viewers, without repeats across pages', async () => {
      const path = `/articles/${articleId}/amendments?sort=random`
      const orders: string[][] = []
      for (const v of viewers.slice(0, 3)) {
        const order = await pages(v, path, 50)
        assert.deepEqual([...order].sort(), [...ids].sort())
        assert.deepEqual(await pages(v, path, 2), order, 'same order in pages')
        assert.deepEqual(await pages(v, path, 50), order, 'same order next time')
        orders.push(order)
      }
      assert.ok(new Set(orders.map(o => o.join())).size > 1, 'viewers see different orders')
      const anonymous = await pages(s.client(), `${path}&seed=visitor-42`, 3)
      assert.deepEqual([...anonymous].sort(), [...ids].sort())
      assert.deepEqual(await pages(s.client(), `${path}&seed=visitor-42`, 50), anonymous)
      const unseeded = await pages(s.client(), path, 2)
      assert.deepEqual([...unseeded].sort(), [...ids].sort(), 'a fresh seed travels in the cursor')
    })

    it('filters by status, withdrawn ones only when asked', async () => {
      const bill = await publishedBill(await s.as('author'))
      const c = await s.as('citizen')
      const kept = await proposed(c, bill.articles[0].id, ['Gardé.'])
      const gone = await proposed(c, bill.articles[0].id, ['Retiré.'])
      await c.post(`/amendments/${gone.id}/withdraw`)
      const list = (q: string) => s.client().get(`/articles/${bill.articles[0].id}/amendments${q}`).then(r => r.body.items.map((a: any) => a.id))
      assert.deepEqual(await list(''), [kept.id])
      assert.deepEqual(await list('?status=withdrawn'), [gone.id])
      assert.deepEqual(await list('?status=proposed'), [kept.id])
      assert.deepEqual(await list('?status=accepted'), [])
    })

    it('refuses bad queries and foreign or damaged cursors with 400', async () => {
      const base = `/articles/${articleId}/amendments`
      const first = (await s.client().get(`${base}?sort=recent&limit=2`)).body
      for (const q of ['?limit=51', '?limit=0', '?sort=best', '?status=gone', '?unknown=1', '?cursor=%%%', '?cursor=eyJ4IjoxfQ',
        `?sort=supported&cursor=${first.next}`, `?sort=recent&status=withdrawn&cursor=${first.next}`]) {
        const r = await s.client().get(base + q)
        assert.equal(r.status, 400, q)
        assert.equal(r.body.error.code, 'invalid_input')
      }
      assert.equal((await s.client().get('/articles/art_nope/amendments')).status, 404)
    })
  })
})
