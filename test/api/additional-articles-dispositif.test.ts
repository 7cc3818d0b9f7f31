/**
 * An additional article proposed by its dispositif (POST /bills/:billId/amendments
 * with `dispositif`): the place comes from the text (« Après l'article 2 »,
 * « Avant l'article 1er », either house style), the alinéas from what follows;
 * a dispositif that cannot be read, that changes an article instead of adding
 * one, or that names no article of the bill is refused (422) and stores nothing;
 * accepted, it is consolidated at its place (« 2 bis », « 1er A »).
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('API: an additional article by its dispositif', () => {
  const s = serverSuite()

  it('reads the place and the alinéas in both house styles, and refuses what does not add an article', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const [art1, art2] = bill.articles.map((a: any) => a.id as string)
    const citizen = await s.as('citizen')
    const propose = (dispositif: string) => citizen.post(`/bills/${bill.id}/amendments`, { dispositif, explanation: 'Utile.', baseRevision: bill.revision })

    const assemblee = await propose('Après l\'article 2, insérer un article additionnel ainsi rédigé :\n« Le Gouvernement remet un rapport au Parlement. »')
    assert.equal(assemblee.status, 201, JSON.stringify(assemblee.body))
    assert.deepEqual([assemblee.body.kind, assemblee.body.position, assemblee.body.alineas], ['addArticle', { after: art2 }, ['Le Gouvernement remet un rapport au Parlement.']])

    const senat = await propose('Avant l\'article 1er\nInsérer un article additionnel ainsi rédigé :\nLe présent titre s\'applique partout.\nUn décret en fixe les modalités.')
    assert.equal(senat.status, 201, JSON.stringify(senat.body))
    assert.deepEqual([senat.body.position, senat.body.alineas], [{ before: art1 }, ['Le présent titre s\'applique partout.', 'Un décret en fixe les modalités.']])

    const count = async () => (await s.client().get(`/bills/${bill.id}/amendments`)).body.items.length
    const before = await count()
    for (const [dispositif, code] of [
      ['Ceci n\'est pas un dispositif.', 'wording_unreadable'],
      ['À l\'alinéa 1, substituer au mot : « trente » le mot : « quinze ».', 'wording_not_applicable'],
      ['Après l\'article 9, insérer un article additionnel ainsi rédigé :\n« Rien. »', 'wording_not_applicable']
    ] as const) {
      const r = await propose(dispositif)
      assert.deepEqual([r.status, r.body.error?.code], [422, code], dispositif)
    }
    assert.equal((await citizen.post(`/bills/${bill.id}/amendments`, { dispositif: 'x', position: { after: art2 }, explanation: 'Les deux.', baseRevision: bill.revision })).status, 400, 'position and dispositif together')
    assert.equal(await count(), before, 'nothing stored')

    // Parse, apply, consolidate: accepted, the article read from the dispositif takes its place and number.
    for (const a of [assemblee.body, senat.body]) assert.equal((await editor.post(`/amendments/${a.id}/decision`, { status: 'accepted', response: 'Adopté.' })).status, 200)
    const consolidated = (await s.client().get(`/bills/${bill.id}/consolidated`)).body
    assert.deepEqual(consolidated.articles.map((a: any) => a.num), ['1er A', '1er', '2', '2 bis'])
    assert.deepEqual(consolidated.articles[3].consolidatedAlineas, ['Le Gouvernement remet un rapport au Parlement.'])
  })
})
