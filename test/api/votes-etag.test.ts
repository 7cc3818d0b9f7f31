/**
 * ETags only where a conditional request can use them (server/http/etag.ts):
 * a read answers with a weak ETag and 304 when it still matches; a vote (a
 * PUT) answers without one, so no hash of its body is computed.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: ETags on reads, not on votes', () => {
  const s = serverSuite()

  it('tags a read and answers 304 to its ETag until the tally moves; a vote has no ETag', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const article = bill.articles[0].id
    const ann = await s.as('citizen', 'Ann')

    const first = await ann.get(`/articles/${article}`)
    assert.equal(first.status, 200)
    const tag = first.headers.get('etag')
    assert.match(tag ?? '', /^W\/"/, 'a weak ETag, as express gives')
    // fetch adds `Cache-Control: no-cache` to a conditional request unless it carries one (a browser's revalidation sends max-age=0).
    const revalidate = { 'if-none-match': tag!, 'cache-control': 'max-age=0' }
    assert.equal((await ann.request('GET', `/articles/${article}`, undefined, revalidate)).status, 304)
    const head = await ann.request('HEAD', `/articles/${article}`)
    assert.equal(head.headers.get('etag'), tag, 'HEAD carries the same ETag')

    const vote = await ann.put(`/articles/${article}/vote`, { value: 'for' })
    assert.equal(vote.status, 200)
    assert.deepEqual(vote.body, { for: 1, mixed: 0, against: 0 })
    assert.equal(vote.headers.get('etag'), null)

    const after = await ann.request('GET', `/articles/${article}`, undefined, revalidate)
    assert.equal(after.status, 200, 'the article changed (tally, own vote): a new body, a new ETag')
    assert.notEqual(after.headers.get('etag'), tag)
  })
})
