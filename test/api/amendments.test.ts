/** Proposing amendments: what is stored and shown (diff, wording, author), and every refusal changing nothing. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2, propose, proposed } from '../helpers/amendments.ts'
import { editedBlocks, replaceWorkingText } from '../helpers/edit.ts'
import { Amendment, AmendmentList } from '../../shared/api.ts'

/** French typography puts non-breaking spaces in wordings; compare with plain ones. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

describe('API: proposing amendments', () => {
  const s = serverSuite()

  /** How many amendments the article's list shows, in every status. */
  async function stored (articleId: string): Promise<number> {
    let n = 0
    for (const status of ['proposed', 'accepted', 'rejected', 'withdrawn']) {
      n += (await s.client().get(`/articles/${articleId}/amendments?status=${status}`)).body.items.length
    }
    return n
  }

  it('stores the whole proposed article with its diff and its wording in French and English', async () => {
    const bill = await publishedBill(await s.as('author'))
    const citizen = await s.as('citizen', 'Camille')
    const art = bill.articles[1]
    const r = await propose(citizen, art.id, ['Le délai est de  quinze jours.', ARTICLE_2[1]], { explanation: '  Trente jours, c\'est trop long.  ' })
    assert.equal(r.status, 201)
    assert.equal(r.headers.get('location'), `/api/v1/amendments/${r.body.id}`)
    const a = r.body
    assert.match(a.id, /^amd_/)
    assert.equal(a.billId, bill.id)
    assert.equal(a.articleId, art.id)
    assert.equal(a.baseRevision, 1)
    assert.deepEqual(a.alineas, ['Le délai est de quinze jours.', ARTICLE_2[1]], 'alinéas are normalised')
    assert.equal(a.explanation, 'Trente jours, c\'est trop long.')
    assert.equal(a.status, 'proposed')
    assert.deepEqual(a.author, { id: citizen.userId, displayName: 'Camille', profileType: 'citizen' })
    assert.deepEqual(a.tally, { for: 0, mixed: 0, against: 0 })
    assert.equal(a.myVote, null)
    assert.equal(a.stale, false)
    assert.equal(a.rebase, undefined)
    assert.equal(a.decision, null)
    assert.deepEqual(a.diff.alineas.map((d: any) => d.kind), ['changed', 'kept'])
    assert.deepEqual(a.diff.alineas[0].parts.filter((p: any) => p.op !== 'equal'), [{ op: 'delete', text: 'trente' }, { op: 'insert', text: 'quinze' }])
    assert.equal(plain(a.wording.fr), 'À l\'alinéa 1, substituer au mot : « trente » le mot : « quinze ».')
    assert.equal(a.wording.en, 'Paragraph 1: replace the word "trente" with "quinze".')
    assert.ok(!JSON.stringify(a).includes('@'), 'no email anywhere')
    Amendment.strict().parse(a)
    AmendmentList.parse((await s.client().get(`/articles/${art.id}/amendments`)).body)
    const again = await s.client().get(`/amendments/${a.id}`)
    assert.equal(again.status, 200)
    assert.deepEqual({ ...again.body, myVote: null }, a)
  })

  it('proposes the deletion of an article with an empty list, worded as such', async () => {
    const bill = await publishedBill(await s.as('author'))
    const a = await proposed(await s.as('citizen'), bill.articles[0].id, [])
    assert.deepEqual(a.alineas, [])
    assert.equal(a.wording?.fr, 'Supprimer cet article.')
    assert.deepEqual(a.diff?.alineas.map(d => d.kind), ['deleted'])
  })

  it('counts amendments in the article and bill views, withdrawn ones left out', async () => {
    const bill = await publishedBill(await s.as('author'))
    const c = await s.as('citizen')
    const art = bill.articles[1]
    await proposed(c, art.id, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    const gone = await proposed(c, art.id, ['Le délai est de dix jours.', ARTICLE_2[1]])
    assert.equal((await c.post(`/amendments/${gone.id}/withdraw`)).status, 200)
    assert.equal((await s.client().get(`/articles/${art.id}`)).body.amendmentCount, 1)
    const view = (await s.client().get(`/bills/${bill.id}`)).body
    assert.deepEqual(view.articles.map((a: any) => a.amendmentCount), [0, 1])
  })

  it('refuses, storing nothing: identical text, empty explanation, unknown base, bad shapes, too long', async () => {
    const bill = await publishedBill(await s.as('author'))
    const c = await s.as('citizen')
    const art = bill.articles[1]
    const refusals: [Record<string, unknown>, number, string][] = [
      [{ alineas: ARTICLE_2 }, 422, 'identical'],
      [{ alineas: [' Le délai est de trente   jours. ', ARTICLE_2[1]] }, 422, 'identical'],
      [{ alineas: ['x'], explanation: '' }, 400, 'invalid_input'],
      [{ alineas: ['x'], explanation: '   ' }, 400, 'invalid_input'],
      [{ alineas: ['x'], baseRevision: 2 }, 422, 'unknown_base_revision'],
      [{ alineas: ['x'], baseRevision: 0 }, 400, 'invalid_input'],
      [{ alineas: ['x'], baseRevision: '1' }, 400, 'invalid_input'],
      [{ alineas: ['x', ''] }, 400, 'invalid_input'],
      [{ alineas: ['x', '\u200b'] }, 400, 'invalid_input'],
      [{ alineas: 'x' }, 400, 'invalid_input'],
      [{ alineas: ['x'], extra: 1 }, 400, 'invalid_input'],
      [{ alineas: ['x'.repeat(20_001)] }, 400, 'invalid_input'],
      [{ alineas: Array(501).fill('x') }, 400, 'invalid_input'],
      [{ alineas: Array(6).fill('mot '.repeat(4_500)) }, 413, 'too_large'],
      [{ alineas: Array(60).fill('mot '.repeat(4_500)) }, 413, 'too_large']
    ]
    for (const [over, status, code] of refusals) {
      const { alineas, ...rest } = over
      const r = await propose(c, art.id, alineas as string[], rest)
      assert.equal(r.status, status, `${JSON.stringify(over).slice(0, 80)}: ${JSON.stringify(r.body).slice(0, 200)}`)
      assert.equal(r.body.error.code, code)
      assert.ok(r.body.error.message.length > 0)
    }
    assert.equal(await stored(art.id), 0)
  })

  it('refuses a base revision that does not contain the article', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const c = await s.as('citizen')
    const blocks = await editedBlocks(s.app, bill.id, {})
    await replaceWorkingText(s.app, bill.id, [...blocks, { kind: 'article', id: 'art_added_in_revision_2', num: '3', heading: null, alineas: ['Nouvel article.'] }])
    assert.equal((await author.post(`/bills/${bill.id}/publish`, { closesAt: bill.closesAt })).status, 200)
    const r = await propose(c, 'art_added_in_revision_2', ['Article modifié.'], { baseRevision: 1 })
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'unknown_base_revision')
    assert.match(r.body.error.message, /revision 1 does not contain this article/)
    assert.equal((await propose(c, 'art_added_in_revision_2', ['Article modifié.'], { baseRevision: 2 })).status, 201)
  })

  it('needs a signed-in user, a visible article and an open consultation', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const art = bill.articles[1]
    const anonymous = await propose(s.client(), art.id, ['x'])
    assert.equal(anonymous.status, 401)
    assert.equal((await propose(await s.as('citizen'), 'art_nope', ['x'])).status, 404)
    assert.equal((await author.post(`/bills/${bill.id}/close`)).status, 200)
    const closed = await propose(await s.as('citizen'), art.id, ['x'])
    assert.equal(closed.status, 422)
    assert.equal(closed.body.error.code, 'consultation_closed')
    assert.equal(await stored(art.id), 0)
  })
})
