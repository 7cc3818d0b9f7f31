/** Per-user limits on proposing amendments: per minute (any article) and per article per hour; 429 changes nothing. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2, propose } from '../helpers/amendments.ts'

describe('API: amendment rate limits', () => {
  let offset = 0
  const tick = (seconds: number) => { offset += seconds * 1000 }
  const s = serverSuite({ config: { contributionsPerMinute: 2, amendmentsPerArticlePerHour: 3 }, now: () => new Date(Date.now() + offset) })

  const count = async (articleId: string) => (await s.client().get(`/articles/${articleId}`)).body.amendmentCount as number

  it('allows contributionsPerMinute amendments in a sliding minute, then 429 with Retry-After, storing nothing', async () => {
    const bill = await publishedBill(await s.as('author'))
    const c = await s.as('citizen')
    const [a1, a2] = bill.articles.map((a: any) => a.id)
    assert.equal((await propose(c, a1, ['Premier.'])).status, 201)
    assert.equal((await propose(c, a2, ['Second.'])).status, 201)
    const refused = await propose(c, a2, ['Troisième.'])
    assert.equal(refused.status, 429)
    assert.equal(refused.body.error.code, 'rate_limited')
    assert.match(refused.body.error.message, /at most 2 a minute/)
    assert.ok(Number(refused.headers.get('retry-after')) >= 1)
    assert.equal(await count(a2), 1)
    assert.equal((await propose(await s.as('citizen'), a2, ['Quelqu\'un d\'autre.'])).status, 201, 'per user')
    tick(61)
    assert.equal((await propose(c, a2, ['Troisième.'])).status, 201)
  })

  it('does not count refused proposals against the limit', async () => {
    const bill = await publishedBill(await s.as('author'))
    const c = await s.as('citizen')
    const a2 = bill.articles[1].id
    for (let i = 0; i < 3; i++) assert.equal((await propose(c, a2, ARTICLE_2)).status, 422)
    assert.equal((await propose(c, a2, ['Un.'])).status, 201)
    assert.equal((await propose(c, a2, ['Deux.'])).status, 201)
  })

  it('allows amendmentsPerArticlePerHour to one article in a sliding hour, withdrawn ones included', async () => {
    const bill = await publishedBill(await s.as('author'))
    const c = await s.as('citizen')
    const [a1, a2] = bill.articles.map((a: any) => a.id)
    const first = await propose(c, a2, ['Un.'])
    assert.equal(first.status, 201)
    for (const text of ['Deux.', 'Trois.']) {
      tick(31)
      assert.equal((await propose(c, a2, [text])).status, 201)
    }
    assert.equal((await c.post(`/amendments/${first.body.id}/withdraw`)).status, 200)
    tick(31)
    const refused = await propose(c, a2, ['Quatre.'])
    assert.equal(refused.status, 429)
    assert.equal(refused.body.error.code, 'rate_limited')
    assert.match(refused.body.error.message, /at most 3 an hour/)
    const wait = Number(refused.headers.get('retry-after'))
    assert.ok(wait > 3000 && wait <= 3600, `Retry-After ${wait}`)
    assert.equal(await count(a2), 2)
    assert.equal((await propose(c, a1, ['Autre article.'])).status, 201, 'per article')
    tick(wait)
    assert.equal((await propose(c, a2, ['Quatre.'])).status, 201)
  })
})
