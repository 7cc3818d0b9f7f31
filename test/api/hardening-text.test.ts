import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { download } from '../helpers/consultation.ts'

describe('hardening: text normalised at the edge (lone surrogates, control characters)', () => {
  const s = serverSuite()
  let bill: any
  before(async () => {
    bill = await publishedBill(await s.as('author'))
  })

  it('stores and echoes a lone surrogate as U+FFFD, the same in the answer and on reading back', async () => {
    const citizen = await s.as('citizen')
    // Raw JSON, so the lone surrogate really travels as "\ud800".
    const r = await citizen.request('POST', `/articles/${bill.articles[0].id}/arguments`, '{"side":"for","body":"avant \\ud800 après \\udc00"}')
    assert.equal(r.status, 201)
    assert.equal(r.body.body, 'avant \uFFFD après \uFFFD')
    const back = await citizen.get(`/arguments/${r.body.id}`)
    assert.equal(back.body.body, r.body.body)
  })

  it('counts the length after normalisation: what is stored is what was checked', async () => {
    const citizen = await s.as('citizen')
    const at = (n: number) => citizen.request('POST', `/articles/${bill.articles[0].id}/arguments`, `{"side":"for","body":"${'\\ud800'.repeat(n)}"}`)
    const fits = await at(2000)
    assert.equal(fits.status, 201)
    assert.equal(fits.body.body, '\uFFFD'.repeat(2000))
    const stored = (await citizen.get(`/arguments/${fits.body.id}`)).body.body
    assert.equal(stored, fits.body.body)
    assert.equal(Buffer.byteLength(stored), 3 * 2000)
    assert.equal((await at(2001)).status, 400)
  })

  it('strips control characters from user text but keeps line breaks and tabs', async () => {
    const citizen = await s.as('citizen')
    const r = await citizen.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'against', body: 'un\u0000 deux\u0007\u001b[31m\ntrois\tquatre\u0085' })
    assert.equal(r.status, 201)
    assert.equal(r.body.body, 'un deux[31m\ntrois\tquatre')
    assert.equal((await citizen.get(`/arguments/${r.body.id}`)).body.body, r.body.body)
  })

  it('refuses a body nested absurdly deep with a 400, not a 500', async () => {
    const citizen = await s.as('citizen')
    const deep = '['.repeat(5000) + ']'.repeat(5000)
    const r = await citizen.request('POST', `/articles/${bill.articles[0].id}/arguments`, deep)
    assert.equal(r.status, 400)
  })

  it('no NUL reaches the HTML report', async () => {
    const author = await s.as('author')
    const own = await publishedBill(author)
    const citizen = await s.as('citizen')
    assert.equal((await citizen.post(`/articles/${own.articles[0].id}/arguments`, { side: 'for', body: 'caché\u0000ici' })).status, 201)
    const html = await download(author, `/bills/${own.id}/export?format=html`)
    assert.equal(html.status, 200)
    assert.ok(!html.text.includes('\u0000'))
  })
})
