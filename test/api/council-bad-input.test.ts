import assert from 'node:assert/strict'
import fc from 'fast-check'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

/**
 * Anything a client can send to the council's routes gets a clear 4xx, never
 * a 500, and a refused setup changes nothing (fast-check, seeded).
 */
const SEED = Number(process.env.ALINEA_SEED ?? 20261205)

describe('citizens\' council: bad input (fast-check)', function () {
  this.timeout(120_000)
  let editor: ApiClient
  let citizen: ApiClient
  let bill: any
  const key = fc.oneof(fc.constantFrom('g', 'f', 'm', 'a', ''), fc.string({ maxLength: 5 }))
  const num = fc.oneof(fc.integer({ min: -3, max: 50 }), fc.double(), fc.string({ maxLength: 3 }))

  const s = serverSuite()
  before(async () => {
    editor = await s.as('author', 'Éditrice')
    citizen = await s.as('citizen', 'Citoyen')
    bill = await publishedBill(editor)
  })

  it('never answers 500 to random setups, and a refused one changes nothing', async () => {
    const value = fc.record({ key, label: fc.string({ maxLength: 4 }), min: num, max: num }, { requiredKeys: [] })
    const category = fc.record({ key, label: fc.string({ maxLength: 4 }), values: fc.array(value, { maxLength: 3 }) }, { requiredKeys: [] })
    const body = fc.record({
      size: num, categories: fc.array(category, { maxLength: 3 }), closesAt: fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.constant('2031-01-01T00:00:00Z')),
      commitmentText: fc.string({ maxLength: 5 }), extra: fc.option(fc.jsonValue(), { nil: undefined })
    }, { requiredKeys: [] })
    await fc.assert(fc.asyncProperty(fc.oneof(body, fc.jsonValue()), async b => {
      const before = (await s.client().get(`/bills/${bill.id}/council`)).body
      const r = await editor.request('PUT', `/bills/${bill.id}/council`, JSON.stringify(b))
      assert.ok(r.status < 500, `got ${r.status} for ${JSON.stringify(b)}`)
      if (r.status >= 400) {
        assert.equal(typeof r.body.error.message, 'string')
        assert.deepEqual((await s.client().get(`/bills/${bill.id}/council`)).body, before)
      }
    }), { seed: SEED, numRuns: 80 })
  })

  it('never answers 500 to random volunteering, commitment, draw and agenda bodies', async () => {
    const ok = await editor.put(`/bills/${bill.id}/council`, {
      size: 2, closesAt: null, commitmentText: '',
      categories: [{ key: 'g', label: 'G', values: [{ key: 'f', label: 'F', min: 1, max: 1 }, { key: 'm', label: 'M', min: 1, max: 1 }] }]
    })
    assert.ok(ok.status === 200 || ok.status === 201, JSON.stringify(ok.body))
    const routes: [ApiClient, string, string][] = [
      [citizen, 'POST', 'volunteers'], [editor, 'POST', 'agenda'], [editor, 'POST', 'commit'], [editor, 'POST', 'draw'],
      [citizen, 'PUT', 'agenda/nope/vote'], [citizen, 'PUT', 'agenda/nope/opinion'], [citizen, 'POST', 'decline']
    ]
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ answers: fc.dictionary(key, fc.oneof(key, fc.integer())) }, { requiredKeys: [] }),
      fc.record({ target: fc.record({ type: fc.oneof(fc.constantFrom('bill', 'article', 'amendment', 'argument'), fc.string()), id: fc.string({ maxLength: 6 }) }, { requiredKeys: [] }) }, { requiredKeys: [] }),
      fc.record({ publicRandomness: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), value: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()) }, { requiredKeys: [] })
    )
    await fc.assert(fc.asyncProperty(fc.constantFrom(...routes), body, async ([who, method, path], b) => {
      const r = await who.request(method, `/bills/${bill.id}/council/${path}`, JSON.stringify(b))
      assert.ok(r.status < 500, `got ${r.status} for ${method} ${path} ${JSON.stringify(b)}`)
    }), { seed: SEED + 1, numRuns: 120 })
  })
})
