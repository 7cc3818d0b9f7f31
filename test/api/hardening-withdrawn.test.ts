import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'

describe('hardening: no argument on a withdrawn amendment', () => {
  const s = serverSuite()

  it('answers 422 amendment_withdrawn and stores nothing', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const citizen = await s.as('citizen')
    const amendment = await proposed(citizen, bill.articles[1].id, [ARTICLE_2[0], 'Un arrêté fixe les modalités.'])
    assert.equal((await citizen.post(`/amendments/${amendment.id}/withdraw`)).status, 200)
    const other = await s.as('citizen')
    const r = await other.post(`/amendments/${amendment.id}/arguments`, { side: 'for', body: 'Je soutiens cet amendement.' })
    assert.equal(r.status, 422, JSON.stringify(r.body))
    assert.equal(r.body.error.code, 'amendment_withdrawn')
    const list = await other.get(`/amendments/${amendment.id}/arguments`)
    assert.equal(list.status, 200)
    assert.equal(list.body.items.length, 0)
  })
})
