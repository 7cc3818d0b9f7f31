/**
 * Bad input gets a clear 4xx and changes nothing; random bodies never get a 500.
 */
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

const SEED = Number(process.env.FC_SEED ?? 20261127)

describe('API: bad input', () => {
  let author: ApiClient & { userId: string }
  let citizen: ApiClient
  let bill: any
  const s = serverSuite({ config: { maxBodyBytes: 100_000 } })
  before(async () => {
    author = await s.as('author')
    citizen = await s.as('citizen')
    bill = await publishedBill(author)
  })

  const countBills = async () => (await author.get('/bills')).body.items.length

  it('answers malformed JSON with 400 invalid_input', async () => {
    const r = await citizen.request('PUT', `/articles/${bill.articles[0].id}/vote`, '{"value": "for"')
    assert.equal(r.status, 400)
    assert.equal(r.body.error.code, 'invalid_input')
    assert.match(r.body.error.message, /JSON/)
  })

  it('answers wrong types and unknown fields with 400 and the path of the problem', async () => {
    const wrong = await citizen.put(`/articles/${bill.articles[0].id}/vote`, { value: 1 })
    assert.equal(wrong.status, 400)
    assert.equal(wrong.body.error.details.issues[0].path, 'value')
    const unknown = await citizen.put(`/articles/${bill.articles[0].id}/vote`, { value: 'for', weight: 10 })
    assert.equal(unknown.status, 400)
    const before = await countBills()
    const b = await author.post('/bills', { title: 'x', articles: [{ num: '1er', alineas: ['a'] }], admin: true })
    assert.equal(b.status, 400)
    assert.equal(await countBills(), before)
    assert.deepEqual((await s.client().get(`/articles/${bill.articles[0].id}`)).body.tally, { for: 0, mixed: 0, against: 0 })
  })

  it('answers a huge body with 413 and creates nothing', async () => {
    const before = await countBills()
    const r = await author.post('/bills', { title: 'Énorme', text: 'a'.repeat(200_000) })
    assert.equal(r.status, 413)
    assert.equal(r.body.error.code, 'too_large')
    assert.equal(await countBills(), before)
  })

  it('answers an invalid Markdown structure with 400 and details, and creates nothing', async () => {
    const before = await countBills()
    for (const text of ['Juste un paragraphe, sans article.', '## Article 1er\n\n## Article 2\n\nTexte.', '## Article 1er\n\nA.\n\n## Article 1er\n\nB.']) {
      const r = await author.post('/bills', { title: 'Mauvais', text })
      assert.equal(r.status, 400, text)
      assert.match(r.body.error.message, /invalid text/)
    }
    assert.equal(await countBills(), before)
  })

  it('answers invalid ids and dates with 4xx', async () => {
    assert.equal((await citizen.put('/articles/nope/vote', { value: 'for' })).status, 404)
    assert.equal((await author.post(`/bills/${bill.id}/publish`, { closesAt: 'tomorrow' })).status, 400)
    assert.equal((await author.post(`/bills/${bill.id}/publish`, { closesAt: '2001-01-01T00:00:00Z' })).status, 422)
  })

  it('never answers 500 to random vote bodies (fast-check)', async () => {
    const art = bill.articles[0].id
    await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.string(), fc.record({ value: fc.oneof(fc.string(), fc.constantFrom('for', 'mixed', 'against')) }, { requiredKeys: [] })), async body => {
      const r = await citizen.request('PUT', `/articles/${art}/vote`, typeof body === 'string' ? body : JSON.stringify(body))
      assert.ok(r.status < 500, `got ${r.status} for ${JSON.stringify(body)}`)
      if (r.status >= 400) assert.equal(typeof r.body.error.message, 'string')
    }), { seed: SEED, numRuns: 150 })
  })

  it('never answers 500 to random bill bodies, and only valid ones create a bill (fast-check)', async () => {
    const article = fc.record({ num: fc.oneof(fc.constantFrom('1er', '2', '2 bis'), fc.string()), heading: fc.option(fc.string(), { nil: undefined }), alineas: fc.array(fc.string(), { maxLength: 3 }) }, { requiredKeys: [] })
    const body = fc.record({
      title: fc.oneof(fc.string(), fc.integer()),
      summary: fc.option(fc.string(), { nil: undefined }),
      text: fc.option(fc.oneof(fc.string(), fc.constantFrom('## Article 1er\n\nTexte.', '# Titre\n\nTexte', '1. Un\n2. Deux')), { nil: undefined }),
      articles: fc.option(fc.array(article, { maxLength: 3 }), { nil: undefined }),
      extra: fc.option(fc.jsonValue(), { nil: undefined })
    }, { requiredKeys: [] })
    await fc.assert(fc.asyncProperty(fc.oneof(body, fc.jsonValue()), async b => {
      const before = await countBills()
      const r = await author.request('POST', '/bills', JSON.stringify(b))
      assert.ok(r.status < 500, `got ${r.status} for ${JSON.stringify(b)}`)
      assert.equal(await countBills(), before + (r.status === 201 ? 1 : 0))
    }), { seed: SEED, numRuns: 150 })
  })
})
