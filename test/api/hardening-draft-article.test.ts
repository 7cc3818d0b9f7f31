import assert from 'node:assert/strict'
import { serverSuite } from '../helpers/server-suite.ts'

describe('hardening: a draft\'s article is readable by its editors', () => {
  const s = serverSuite()

  it('answers 200 to the editors, 404 to everyone else', async () => {
    const author = await s.as('author')
    const created = await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', heading: 'Objet', alineas: ['Premier alinéa.', 'Second alinéa.'] }] })
    assert.equal(created.status, 201)
    const article = created.body.articles[0]
    const r = await author.get(`/articles/${article.id}`)
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.equal(r.body.id, article.id)
    assert.equal(r.body.billId, created.body.id)
    assert.equal(r.body.revision, 0)
    assert.deepEqual(r.body.alineas, ['Premier alinéa.', 'Second alinéa.'])
    const admin = await s.as('admin')
    assert.equal((await admin.get(`/articles/${article.id}`)).status, 200)
    assert.equal((await (await s.as('author')).get(`/articles/${article.id}`)).status, 404)
    assert.equal((await s.client().get(`/articles/${article.id}`)).status, 404)
    assert.equal((await author.get('/articles/art_nothing')).status, 404)
  })
})
