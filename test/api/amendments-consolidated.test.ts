/** The consolidated text: accepted amendments applied in decision order by three-way merge, conflicts listed. */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'
import { publishEdits } from '../helpers/edit.ts'
import { Consolidated } from '../../shared/api.ts'

describe('API: consolidated text', () => {
  const s = serverSuite()

  const accept = async (editor: ApiClient, id: string) => {
    const r = await editor.post(`/amendments/${id}/decision`, { status: 'accepted', response: 'Adopté.' })
    assert.equal(r.status, 200, JSON.stringify(r.body))
  }

  it('applies two accepted amendments that change different words, in decision order', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const [art1, art2] = bill.articles.map((a: any) => a.id)
    const delay = await proposed(await s.as('citizen'), art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    const decree = await proposed(await s.as('citizen'), art2, [ARTICLE_2[0], 'Un arrêté fixe les modalités.'])
    const rejected = await proposed(await s.as('citizen'), art2, ['Autre chose.'])
    await proposed(await s.as('citizen'), art2, ['Encore autre chose.'])
    await accept(editor, decree.id)
    await editor.post(`/amendments/${rejected.id}/decision`, { status: 'rejected', response: 'Non.' })
    await accept(editor, delay.id)
    const r = await s.client().get(`/bills/${bill.id}/consolidated`)
    assert.equal(r.status, 200)
    assert.equal(r.body.billId, bill.id)
    assert.equal(r.body.revision, 1)
    Consolidated.strict().parse(r.body)
    const [c1, c2] = r.body.articles
    assert.deepEqual(c1, {
      articleId: art1,
      amendmentId: null,
      num: '1er',
      heading: null,
      revisionAlineas: bill.articles[0].alineas,
      consolidatedAlineas: bill.articles[0].alineas,
      diff: { baseCount: 1, proposedCount: 1, alineas: [{ kind: 'kept', base: 1, proposed: 1, text: bill.articles[0].alineas[0] }] },
      applied: [],
      conflicts: [],
      pending: []
    })
    assert.deepEqual(c2.revisionAlineas, ARTICLE_2)
    assert.deepEqual(c2.consolidatedAlineas, ['Le délai est de quinze jours.', 'Un arrêté fixe les modalités.'])
    assert.deepEqual(c2.applied, [decree.id, delay.id])
    assert.deepEqual(c2.conflicts, [])
    assert.deepEqual(c2.diff.alineas.map((d: any) => d.kind), ['changed', 'changed'])
  })

  it('lists an accepted amendment that conflicts with an earlier decision, never dropping it', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const art2 = bill.articles[1].id
    const fifteen = await proposed(await s.as('citizen'), art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    const twenty = await proposed(await s.as('citizen'), art2, ['Le délai est de vingt jours.', ARTICLE_2[1]])
    await accept(editor, twenty.id)
    await accept(editor, fifteen.id)
    const c2 = (await s.client().get(`/bills/${bill.id}/consolidated`)).body.articles[1]
    assert.deepEqual(c2.consolidatedAlineas, ['Le délai est de vingt jours.', ARTICLE_2[1]])
    assert.deepEqual(c2.applied, [twenty.id])
    assert.equal(c2.conflicts.length, 1)
    Consolidated.parse((await s.client().get(`/bills/${bill.id}/consolidated`)).body)
    assert.equal(c2.conflicts[0].amendmentId, fifteen.id)
    assert.equal(c2.conflicts[0].conflicts[0].alinea, 1)
    assert.match(c2.conflicts[0].conflicts[0].ours, /vingt/)
    assert.match(c2.conflicts[0].conflicts[0].theirs, /quinze/)
  })

  it('merges an accepted stale amendment from its own base onto the latest revision, and applies a deletion', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const [art1, art2] = bill.articles.map((a: any) => a.id)
    const delay = await proposed(await s.as('citizen'), art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    const deletion = await proposed(await s.as('citizen'), art1, [])
    await publishEdits(s.app, editor, bill, { [art2]: [ARTICLE_2[0], 'Un décret en Conseil d\'État fixe les modalités.'] })
    assert.equal((await s.client().get(`/amendments/${delay.id}`)).body.stale, true)
    await accept(editor, delay.id)
    await accept(editor, deletion.id)
    const r = (await s.client().get(`/bills/${bill.id}/consolidated`)).body
    assert.equal(r.revision, 2)
    assert.deepEqual(r.articles[0].consolidatedAlineas, [])
    assert.deepEqual(r.articles[0].applied, [deletion.id])
    assert.deepEqual(r.articles[1].revisionAlineas, [ARTICLE_2[0], 'Un décret en Conseil d\'État fixe les modalités.'])
    assert.deepEqual(r.articles[1].consolidatedAlineas, ['Le délai est de quinze jours.', 'Un décret en Conseil d\'État fixe les modalités.'])
  })

  it('follows the bill\'s visibility', async () => {
    const editor = await s.as('author')
    const draft = (await editor.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
    assert.equal((await s.client().get(`/bills/${draft.id}/consolidated`)).status, 404)
    assert.equal((await (await s.as('citizen')).get(`/bills/${draft.id}/consolidated`)).status, 404)
    assert.deepEqual((await editor.get(`/bills/${draft.id}/consolidated`)).body, { billId: draft.id, revision: 0, articles: [] })
    assert.equal((await s.client().get('/bills/bil_nope/consolidated')).status, 404)
  })
})
