/**
 * Amendment numbers (per bill, in order of tabling, never reused, under
 * concurrent proposals) and the order of discussion, with fallen amendments,
 * on a bill with deletions, rewrites, word changes and additional articles.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { proposed } from '../helpers/amendments.ts'
import { Amendment } from '../../shared/api.ts'

const ARTICLES = [
  { num: '1er', alineas: ['Les administrations publient leurs données.', 'Un décret précise les formats.'] },
  { num: '2', alineas: ['Le délai est de trente jours.', 'La demande est écrite et motivée.', 'Un décret fixe les modalités.'] },
  { num: '3', alineas: ['La présente loi entre en vigueur le 1er janvier.'] }
]

describe('API: amendment numbers and the order of discussion', () => {
  const s = serverSuite()

  it('numbers amendments 1, 2, 3 ... per bill under concurrent proposals, never twice, never reused after a withdrawal', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor, ARTICLES)
    const other = await publishedBill(editor, ARTICLES)
    const [a1, a2] = bill.articles.map((a: any) => a.id)
    const people = await Promise.all(Array.from({ length: 16 }, () => s.as('citizen')))
    const results = await Promise.all(people.map((p, i) => i % 3 === 0
      ? p.post(`/bills/${bill.id}/amendments`, { position: { after: a1 }, alineas: [`Article additionnel ${i}.`], explanation: 'x', baseRevision: 1 })
      : p.post(`/articles/${i % 2 ? a1 : a2}/amendments`, { alineas: i % 2 ? [`Les administrations publient ${i} données.`, ARTICLES[0].alineas[1]] : [`Le délai est de ${i} jours.`, ...ARTICLES[1].alineas.slice(1)], explanation: 'x', baseRevision: 1 })))
    for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body))
    const numbers = results.map(r => r.body.number as number).sort((x, y) => x - y)
    assert.deepEqual(numbers, Array.from({ length: 16 }, (_, i) => i + 1))
    // Another bill counts on its own.
    assert.equal((await proposed(people[0], other.articles[0].id, ['Autre.', ARTICLES[0].alineas[1]])).number, 1)
    // A withdrawn number is not given again.
    const last = results.find(r => r.body.number === 16)!
    const author = people[results.indexOf(last)]
    assert.equal((await author.post(`/amendments/${last.body.id}/withdraw`, {})).status, 200)
    assert.equal((await proposed(people[1], a2, ['Le délai est de dix-sept jours.', ...ARTICLES[1].alineas.slice(1)])).number, 17)
    assert.equal(Amendment.parse((await s.client().get(`/amendments/${last.body.id}`)).body).number, 16)
  })

  it('lists a bill\'s amendments in the order of discussion, marks fallen ones, and pages through it', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor, ARTICLES)
    const [a1, a2, a3] = bill.articles.map((a: any) => a.id)
    const c = await s.as('citizen')
    const base2 = ARTICLES[1].alineas
    // Tabled in an order unlike the discussion's.
    const wordLate = await proposed(c, a2, [base2[0], base2[1], 'Un décret en Conseil d\'État fixe les modalités.']) // alinéa 3
    const addAfter2 = (await c.post(`/bills/${bill.id}/amendments`, { position: { after: a2 }, alineas: ['Un article 2 bis.'], explanation: 'x', baseRevision: 1 })).body
    const wordEarly = await proposed(c, a2, ['Le délai est de quinze jours.', base2[1], base2[2]]) // alinéa 1, word 5
    const rewrite = await proposed(c, a2, ['Tout autre texte.', 'Entièrement.'])
    const deletion = await proposed(c, a2, [])
    const wordEarlier = await proposed(c, a2, ['Le délai maximal est de trente jours.', base2[1], base2[2]]) // alinéa 1, word 3
    const sameSpotSmall = await proposed(c, a2, ['Le délai est de vingt jours.', base2[1], base2[2]]) // alinéa 1, word 5 ("trente" -> "vingt")
    const sameSpotBig = await proposed(c, a2, ['Le délai est de vingt jours ouvrés.', base2[1], base2[2]]) // alinéa 1, word 5, more ("trente jours." -> ...)
    const on1 = await proposed(c, a1, ['Les administrations publient toutes leurs données.', ARTICLES[0].alineas[1]])
    const addBefore1 = (await c.post(`/bills/${bill.id}/amendments`, { position: { before: a1 }, alineas: ['Un article liminaire.'], explanation: 'x', baseRevision: 1 })).body
    const on3 = await proposed(c, a3, [])
    const withdrawn = await proposed(c, a3, ['Retiré.'])
    assert.equal((await c.post(`/amendments/${withdrawn.id}/withdraw`, {})).status, 200)

    const order = async (query = ''): Promise<any[]> => (await s.client().get(`/bills/${bill.id}/amendments?sort=discussion&limit=50${query}`)).body.items
    const ids = (await order()).map(a => a.id)
    const expected = [
      addBefore1, on1,
      deletion, rewrite, wordEarlier, sameSpotBig, sameSpotSmall, wordEarly, wordLate,
      addAfter2,
      on3
    ].map(a => a.id)
    // The two on alinéa 1 from the same word: the one that changes more first; "quinze" and "vingt" change the same word equally.
    assert.deepEqual(ids.filter(id => id !== wordEarly.id), expected.filter(id => id !== wordEarly.id))
    assert.ok(ids.indexOf(wordEarly.id) > ids.indexOf(sameSpotBig.id) && ids.indexOf(wordEarly.id) < ids.indexOf(wordLate.id))

    // Pages of 4 give the same order.
    const paged: string[] = []
    let cursor: string | null = null
    do {
      const page: any = (await s.client().get(`/bills/${bill.id}/amendments?sort=discussion&limit=4${cursor ? `&cursor=${cursor}` : ''}`)).body
      paged.push(...page.items.map((a: any) => a.id))
      cursor = page.next
    } while (cursor)
    assert.deepEqual(paged, ids)
    assert.equal((await s.client().get(`/articles/${a2}/amendments?sort=discussion`)).status, 400)

    // Accepting "quinze jours" makes the other changes of the same words fall; the rewrite of alinéa 3 still applies.
    assert.equal((await editor.post(`/amendments/${wordEarly.id}/decision`, { status: 'accepted', response: 'Oui.' })).status, 200)
    const after = await order()
    const falls = Object.fromEntries(after.map(a => [a.id, a.falls]))
    assert.equal(falls[sameSpotSmall.id], true)
    assert.equal(falls[sameSpotBig.id], true)
    assert.equal(falls[rewrite.id], true)
    assert.equal(falls[wordLate.id], false)
    assert.equal(falls[wordEarly.id], false, 'the accepted one does not fall')
    assert.equal(falls[on1.id], false)
    assert.equal((await s.client().get(`/amendments/${sameSpotSmall.id}`)).body.falls, true)
    const consolidated = (await s.client().get(`/bills/${bill.id}/consolidated`)).body
    const art2 = consolidated.articles.find((a: any) => a.articleId === a2)
    const pending = Object.fromEntries(art2.pending.map((p: any) => [p.amendmentId, p.falls]))
    assert.equal(pending[sameSpotSmall.id], true)
    assert.equal(pending[wordLate.id], false)
    assert.equal(art2.pending.length, 6)
    assert.equal(pending[wordEarlier.id], false, "an insertion elsewhere in the alinéa still applies")
  })
})
