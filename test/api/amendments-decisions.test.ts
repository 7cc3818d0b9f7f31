/** Decisions on amendments by the bill's editors (final, with a response) and withdrawal by their authors. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { proposed } from '../helpers/amendments.ts'

describe('API: amendment decisions and withdrawal', () => {
  const s = serverSuite()

  async function setup () {
    const editor = await s.as('author', 'Députée')
    const bill = await publishedBill(editor)
    const citizen = await s.as('citizen')
    const am = await proposed(citizen, bill.articles[0].id, ['Texte amendé.'])
    return { editor, bill, citizen, am }
  }

  it('lets an editor accept with a response, shown with who decided and when; the decision is final', async () => {
    const { editor, am } = await setup()
    const r = await editor.post(`/amendments/${am.id}/decision`, { status: 'accepted', response: '  Bonne idée, merci.  ' })
    assert.equal(r.status, 200)
    assert.equal(r.body.status, 'accepted')
    assert.deepEqual(r.body.decision.by, { id: editor.userId, displayName: 'Députée', profileType: 'citizen' })
    assert.equal(r.body.decision.response, 'Bonne idée, merci.')
    assert.ok(!Number.isNaN(Date.parse(r.body.decision.at)))
    assert.deepEqual((await s.client().get(`/amendments/${am.id}`)).body.decision, r.body.decision)
    for (const status of ['accepted', 'rejected']) {
      const again = await editor.post(`/amendments/${am.id}/decision`, { status, response: 'Finalement non.' })
      assert.equal(again.status, 409)
      assert.equal(again.body.error.code, 'not_proposed')
      assert.deepEqual(again.body.error.details, { status: 'accepted' })
    }
    assert.equal((await s.client().get(`/amendments/${am.id}`)).body.decision.response, 'Bonne idée, merci.')
  })

  it('keeps deciding to the bill\'s editors and admins, even once the consultation is closed', async () => {
    const { editor, bill, am } = await setup()
    for (const role of ['citizen', 'author', 'staff', 'moderator'] as const) {
      const r = await (await s.as(role)).post(`/amendments/${am.id}/decision`, { status: 'rejected', response: 'Non.' })
      assert.equal(r.status, 403, role)
      assert.equal(r.body.error.code, 'forbidden')
    }
    assert.equal((await s.client().post(`/amendments/${am.id}/decision`, { status: 'rejected', response: 'Non.' })).status, 401)
    assert.equal((await s.client().get(`/amendments/${am.id}`)).body.status, 'proposed')
    assert.equal((await editor.post(`/bills/${bill.id}/close`)).status, 200)
    const admin = await s.as('admin')
    assert.equal((await admin.post(`/amendments/${am.id}/decision`, { status: 'rejected', response: 'Hors sujet.' })).status, 200)
  })

  it('refuses a decision without a response or with another status', async () => {
    const { editor, am } = await setup()
    for (const body of [{ status: 'accepted' }, { status: 'accepted', response: '  ' }, { status: 'withdrawn', response: 'x' }, { status: 'accepted', response: 'x', extra: 1 }]) {
      const r = await editor.post(`/amendments/${am.id}/decision`, body)
      assert.equal(r.status, 400, JSON.stringify(body))
    }
    assert.equal((await editor.post('/amendments/amd_nope/decision', { status: 'accepted', response: 'x' })).status, 404)
    assert.equal((await s.client().get(`/amendments/${am.id}`)).body.status, 'proposed')
  })

  it('gives exactly one of concurrent decisions', async () => {
    const { editor, am } = await setup()
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      editor.post(`/amendments/${am.id}/decision`, { status: i % 2 ? 'accepted' : 'rejected', response: `Réponse ${i}` })))
    assert.deepEqual(results.map(r => r.status).sort(), [200, 409, 409, 409, 409, 409])
    const winner = results.find(r => r.status === 200)!.body
    assert.deepEqual((await s.client().get(`/amendments/${am.id}`)).body.decision, winner.decision)
  })

  it('lets its author (only) withdraw a proposed amendment, once; a withdrawn amendment cannot be decided', async () => {
    const { editor, citizen, am } = await setup()
    const other = await s.as('citizen')
    assert.equal((await other.post(`/amendments/${am.id}/withdraw`)).status, 403)
    assert.equal((await editor.post(`/amendments/${am.id}/withdraw`)).status, 403)
    assert.equal((await s.client().post(`/amendments/${am.id}/withdraw`)).status, 401)
    assert.equal((await citizen.post(`/amendments/${am.id}/withdraw`, { reason: 'x' })).status, 400)
    const r = await citizen.post(`/amendments/${am.id}/withdraw`, {})
    assert.equal(r.status, 200)
    assert.equal(r.body.status, 'withdrawn')
    assert.equal((await citizen.post(`/amendments/${am.id}/withdraw`)).status, 409)
    const decided = await editor.post(`/amendments/${am.id}/decision`, { status: 'accepted', response: 'Trop tard.' })
    assert.equal(decided.status, 409)
    assert.deepEqual(decided.body.error.details, { status: 'withdrawn' })
  })

  it('does not let an author withdraw a decided amendment', async () => {
    const { editor, citizen, am } = await setup()
    await editor.post(`/amendments/${am.id}/decision`, { status: 'rejected', response: 'Non.' })
    const r = await citizen.post(`/amendments/${am.id}/withdraw`)
    assert.equal(r.status, 409)
    assert.equal(r.body.error.code, 'not_proposed')
    assert.equal((await s.client().get(`/amendments/${am.id}`)).body.status, 'rejected')
  })
})
