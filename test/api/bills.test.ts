import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

const MARKDOWN = `# Titre Ier – Dispositions générales

## Article 1er – Objet

La présente loi s'applique aux entreprises de transport aérien.

## Article 2

Le délai est de trente jours.

Un décret en Conseil d'État fixe les modalités.
`

describe('API: bills, publication and revisions', () => {
  const s = serverSuite()

  it('creates a draft from Markdown: divisions, articles with numbers and headings, alinéas', async () => {
    const author = await s.as('author')
    const r = await author.post('/bills', { title: 'Loi Markdown', summary: 'Résumé', text: MARKDOWN })
    assert.equal(r.status, 201)
    assert.equal(r.body.status, 'draft')
    assert.equal(r.body.revision, 0)
    assert.deepEqual(r.body.editors, [author.userId])
    assert.equal(r.body.canEdit, true)
    assert.deepEqual(r.body.outline.map((o: any) => o.kind), ['division', 'article', 'article'])
    assert.deepEqual(r.body.articles.map((a: any) => [a.num, a.heading, a.alineas.length]), [['1er', 'Objet', 1], ['2', null, 2]])
  })

  it('keeps a draft visible to its editors only', async () => {
    const author = await s.as('author')
    const other = await s.as('author')
    const r = await author.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })
    const id = r.body.id
    assert.equal((await author.get(`/bills/${id}`)).status, 200)
    assert.equal((await other.get(`/bills/${id}`)).status, 404)
    assert.equal((await s.client().get(`/bills/${id}`)).status, 404)
    assert.ok(!(await s.client().get('/bills')).body.items.some((b: any) => b.id === id))
    assert.ok((await author.get('/bills')).body.items.some((b: any) => b.id === id))
  })

  it('publishes revision 1 then 2, keeping article ids, and opens the consultation', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    assert.equal(bill.status, 'open')
    assert.equal(bill.revision, 1)
    const rev = await s.client().get(`/bills/${bill.id}/revisions/1`)
    assert.equal(rev.status, 200)
    assert.deepEqual(rev.body.articles.map((a: any) => a.id), bill.articles.map((a: any) => a.id))
    assert.match(rev.body.articles[0].hash, /\S{8,}/)
    assert.equal(rev.body.publishedBy.email, undefined)
    const again = await author.post(`/bills/${bill.id}/publish`, { closesAt: bill.closesAt })
    assert.equal(again.status, 422)
    assert.equal(again.body.error.code, 'nothing_to_publish')
    assert.equal((await s.client().get(`/bills/${bill.id}/revisions/2`)).status, 404)
    assert.equal((await s.client().get(`/bills/${bill.id}/revisions/zero`)).status, 400)
  })

  it('edits title, summary, dates and editors (editors only), and refuses unknown editors', async () => {
    const author = await s.as('author')
    const staff = await s.as('staff')
    const bill = await publishedBill(author)
    assert.equal((await staff.patch(`/bills/${bill.id}`, { title: 'x' })).status, 403)
    const r = await author.patch(`/bills/${bill.id}`, { title: 'Nouveau titre', editors: [author.userId, staff.userId] })
    assert.equal(r.status, 200)
    assert.equal(r.body.title, 'Nouveau titre')
    assert.deepEqual(r.body.authors.map((a: any) => a.id), [author.userId, staff.userId])
    assert.equal((await staff.patch(`/bills/${bill.id}`, { summary: 'Par la collaboratrice' })).status, 200)
    const bad = await author.patch(`/bills/${bill.id}`, { editors: ['usr_ghost'] })
    assert.equal(bad.status, 400)
    assert.deepEqual(bad.body.error.details.unknown, ['usr_ghost'])
    const dates = await author.patch(`/bills/${bill.id}`, { opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' })
    assert.equal(dates.status, 422)
    assert.equal((await s.client().get(`/bills/${bill.id}`)).body.title, 'Nouveau titre')
  })

  it('closes a consultation, after which votes get 422', async () => {
    const author = await s.as('author')
    const citizen = await s.as('citizen')
    const bill = await publishedBill(author)
    const art = bill.articles[0].id
    assert.equal((await citizen.put(`/articles/${art}/vote`, { value: 'for' })).status, 200)
    const closed = await author.post(`/bills/${bill.id}/close`)
    assert.equal(closed.status, 200)
    assert.equal(closed.body.status, 'closed')
    const late = await citizen.put(`/articles/${art}/vote`, { value: 'against' })
    assert.equal(late.status, 422)
    assert.equal(late.body.error.code, 'consultation_closed')
    assert.deepEqual((await s.client().get(`/articles/${art}`)).body.tally, { for: 1, mixed: 0, against: 0 })
    assert.equal((await author.post(`/bills/${bill.id}/close`)).status, 422)
  })

  it('refuses votes before the consultation opens (422)', async () => {
    const author = await s.as('author')
    const citizen = await s.as('citizen')
    const created = await author.post('/bills', { title: 'Plus tard', articles: [{ num: '1er', alineas: ['Texte.'] }] })
    const opensAt = new Date(Date.now() + 86_400_000).toISOString()
    const closesAt = new Date(Date.now() + 10 * 86_400_000).toISOString()
    const pub = await author.post(`/bills/${created.body.id}/publish`, { opensAt, closesAt })
    assert.equal(pub.status, 200)
    assert.equal((await citizen.put(`/articles/${pub.body.articles[0].id}/vote`, { value: 'for' })).status, 422)
  })

  it('votes, changes and withdraws a vote; the tally and my vote follow', async () => {
    const author = await s.as('author')
    const a = await s.as('citizen')
    const b = await s.as('citizen')
    const bill = await publishedBill(author)
    const art = bill.articles[1].id
    assert.deepEqual((await a.put(`/articles/${art}/vote`, { value: 'for' })).body, { for: 1, mixed: 0, against: 0 })
    assert.deepEqual((await b.put(`/articles/${art}/vote`, { value: 'against' })).body, { for: 1, mixed: 0, against: 1 })
    assert.deepEqual((await a.put(`/articles/${art}/vote`, { value: 'mixed' })).body, { for: 0, mixed: 1, against: 1 })
    assert.equal((await a.get(`/articles/${art}`)).body.myVote, 'mixed')
    assert.deepEqual((await a.delete(`/articles/${art}/vote`)).body, { for: 0, mixed: 0, against: 1 })
    assert.equal((await a.get(`/articles/${art}`)).body.myVote, null)
    const view = await s.client().get(`/bills/${bill.id}`)
    assert.deepEqual(view.body.articles[1].tally, { for: 0, mixed: 0, against: 1 })
    assert.equal(view.body.participants, 2, 'a voter who withdrew still took part')
  })

  it('lists bills with their participants and contributions so far', async () => {
    const author = await s.as('author')
    const citizen = await s.as('citizen')
    const bill = await publishedBill(author)
    const [first, second] = bill.articles
    await citizen.put(`/articles/${first.id}/vote`, { value: 'for' })
    assert.equal((await citizen.post(`/articles/${first.id}/arguments`, { side: 'for', body: 'Utile.' })).status, 201)
    assert.equal((await citizen.post(`/articles/${second.id}/arguments`, { side: 'against', body: 'Trop long.' })).status, 201)
    assert.equal((await citizen.post(`/articles/${second.id}/amendments`, { alineas: ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'], explanation: 'Plus court.', baseRevision: bill.revision })).status, 201)
    const listed = (await s.client().get('/bills')).body.items.find((b: any) => b.id === bill.id)
    assert.equal(listed.participants, 1)
    assert.equal(listed.contributions, 3)
    assert.equal(listed.articleCount, 2)
  })

  it('serves the OpenAPI document and health', async () => {
    const doc = await s.client().get('/api/v1/openapi.json')
    assert.equal(doc.status, 200)
    assert.equal(doc.body.openapi, '3.1.0')
    assert.ok(doc.body.paths['/articles/{articleId}/vote'].put.requestBody)
    const ref = doc.body.paths['/articles/{articleId}/vote'].put.requestBody.content['application/json'].schema.$ref
    assert.equal(ref, '#/components/schemas/VoteBody')
    assert.deepEqual(doc.body.components.schemas.VoteBody.properties.value.enum, ['for', 'mixed', 'against'])
    assert.equal(doc.body.components.schemas.VoteBody.additionalProperties, false)
    assert.ok(doc.body.components.schemas.Bill.properties.articles)
    const h = await s.client().get('/healthz')
    assert.deepEqual(h.body, { ok: true, store: 'sqlite', storeReachable: true })
  })

  it('sets helmet security headers', async () => {
    const r = await s.client().get('/api/v1/bills')
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff')
    assert.ok(r.headers.get('content-security-policy'))
    assert.equal(r.headers.get('x-powered-by'), null)
  })
})
