/** Additional articles through the API: propose, show, vote, argue, decide, consolidate as "2 bis", go stale and rebase. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2 } from '../helpers/amendments.ts'
import { editedBlocks, publishEdits, replaceWorkingText } from '../helpers/edit.ts'
import { Amendment, Consolidated } from '../../shared/api.ts'
import { connect, nextEvent, subscribe } from '../helpers/live.ts'

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')
const NEW_ARTICLE = ['Les données publiques sont ouvertes par défaut.', 'Un décret en fixe les exceptions.']

describe('API: additional articles', () => {
  const s = serverSuite()

  async function setup () {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const citizen = await s.as('citizen')
    const [art1, art2] = bill.articles.map((a: any) => a.id as string)
    return { editor, bill, citizen, art1, art2 }
  }

  function addArticle (c: any, billId: string, position: Record<string, string>, over: Record<string, unknown> = {}) {
    return c.post(`/bills/${billId}/amendments`, { position, alineas: NEW_ARTICLE, explanation: 'Ouvrir par défaut.', baseRevision: 1, ...over })
  }

  it('is proposed after an article, with an inserted diff, its wording and a number, and shown everywhere an amendment is', async () => {
    const { bill, citizen, art2 } = await setup()
    const r = await addArticle(citizen, bill.id, { after: art2 }, { heading: 'Données ouvertes' })
    assert.equal(r.status, 201, JSON.stringify(r.body))
    const a = Amendment.strict().parse(r.body)
    assert.equal(a.kind, 'addArticle')
    assert.equal(a.articleId, null)
    assert.deepEqual(a.position, { after: art2 })
    assert.equal(a.heading, 'Données ouvertes')
    assert.equal(a.number, 1)
    assert.deepEqual(a.diff!.alineas.map(d => d.kind), ['inserted', 'inserted'])
    assert.equal(plain(a.wording!.fr.split('\n')[0]), 'Après l\'article 2, insérer un article additionnel ainsi rédigé :')
    assert.equal(plain(a.wording!.fr.split('\n').at(-1)!), `« ${NEW_ARTICLE[1]} »`)
    assert.equal(a.wording!.en.split('\n')[0], 'After article 2, insert an additional article worded as follows:')
    assert.equal(a.stale, false)

    const one = await s.client().get(`/amendments/${a.id}`)
    assert.equal(one.status, 200)
    assert.equal(one.body.kind, 'addArticle')
    const list = (await s.client().get(`/bills/${bill.id}/amendments`)).body.items
    assert.deepEqual(list.map((x: any) => x.id), [a.id])
    const additions = (await s.client().get(`/bills/${bill.id}/amendments?kind=addArticle`)).body.items
    assert.deepEqual(additions.map((x: any) => x.id), [a.id])
    assert.deepEqual((await s.client().get(`/bills/${bill.id}/amendments?kind=article`)).body.items, [])
    // It is no amendment of article 2: the article's own list and count leave it out.
    assert.deepEqual((await s.client().get(`/articles/${art2}/amendments`)).body.items, [])

    const voter = await s.as('citizen')
    const vote = await voter.put(`/amendments/${a.id}/vote`, { value: 'for' })
    assert.equal(vote.status, 200, JSON.stringify(vote.body))
    assert.deepEqual(vote.body, { for: 1, mixed: 0, against: 0 })
    const arg = await voter.post(`/amendments/${a.id}/arguments`, { side: 'for', body: 'La transparence par défaut est un progrès.' })
    assert.equal(arg.status, 201, JSON.stringify(arg.body))
    const report = await voter.post('/reports', { target: { type: 'amendment', id: a.id }, reason: 'other', body: 'doublon' })
    assert.ok(report.status === 201 || report.status === 200, JSON.stringify(report.body))
  })

  it('refuses bad positions and bodies with a 4xx and stores nothing', async () => {
    const { bill, citizen, art2 } = await setup()
    const other = await publishedBill(await s.as('author'))
    const cases: [Record<string, unknown>, number][] = [
      [{ position: { after: other.articles[0].id } }, 400],
      [{ position: { after: 'art_nope' } }, 400],
      [{ position: { after: art2, before: art2 } }, 400],
      [{ position: { beside: art2 } }, 400],
      [{ position: { after: art2 }, alineas: [] }, 400],
      [{ position: { after: art2 }, alineas: [''] }, 400],
      [{ position: { after: art2 }, baseRevision: 9 }, 422],
      [{ position: { after: art2 }, explanation: '' }, 400]
    ]
    for (const [over, status] of cases) {
      const r = await citizen.post(`/bills/${bill.id}/amendments`, { alineas: NEW_ARTICLE, explanation: 'x', baseRevision: 1, ...over })
      assert.equal(r.status, status, `${JSON.stringify(over)}: ${JSON.stringify(r.body)}`)
    }
    assert.equal((await addArticle(s.client(), bill.id, { after: art2 })).status, 401)
    assert.deepEqual((await s.client().get(`/bills/${bill.id}/amendments`)).body.items, [])
  })

  it('once accepted, appears in the consolidated text as "2 bis", then "2 ter"; before "1er" as "1er A"', async () => {
    const { editor, bill, citizen, art1, art2 } = await setup()
    const first = (await addArticle(citizen, bill.id, { after: art2 })).body
    const second = (await addArticle(citizen, bill.id, { after: art2 }, { alineas: ['Un second article additionnel.'] })).body
    const before = (await addArticle(citizen, bill.id, { before: art1 }, { alineas: ['Un article liminaire.'] })).body
    const rejected = (await addArticle(citizen, bill.id, { after: art1 }, { alineas: ['Refusé.'] })).body
    for (const a of [first, second, before]) {
      const r = await editor.post(`/amendments/${a.id}/decision`, { status: 'accepted', response: 'Adopté.' })
      assert.equal(r.status, 200, JSON.stringify(r.body))
      assert.equal(r.body.status, 'accepted')
    }
    assert.equal((await editor.post(`/amendments/${rejected.id}/decision`, { status: 'rejected', response: 'Non.' })).status, 200)
    const c = Consolidated.parse((await s.client().get(`/bills/${bill.id}/consolidated`)).body)
    assert.deepEqual(c.articles.map(a => a.num), ['1er A', '1er', '2', '2 bis', '2 ter'])
    const bis = c.articles[3]
    assert.equal(bis.articleId, null)
    assert.equal(bis.amendmentId, first.id)
    assert.deepEqual(bis.consolidatedAlineas, NEW_ARTICLE)
    assert.deepEqual(bis.revisionAlineas, [])
    assert.equal(c.articles[4].amendmentId, second.id)
    assert.equal(c.articles[0].amendmentId, before.id)
    assert.deepEqual(c.articles[2].consolidatedAlineas, ARTICLE_2)
    // Decided: no more votes, nor withdrawal.
    assert.equal((await (await s.as('citizen')).put(`/amendments/${first.id}/vote`, { value: 'for' })).status, 422)
    assert.equal((await citizen.post(`/amendments/${first.id}/withdraw`, {})).status, 409)
  })

  it('is announced live with its number, like its decision', async () => {
    const { editor, bill, citizen, art2 } = await setup()
    const socket = await connect(s.url)
    try {
      await subscribe(socket, bill.id)
      const created = nextEvent(socket, 'amendment:created')
      const a = (await addArticle(citizen, bill.id, { after: art2 })).body
      assert.deepEqual(await created, { billId: bill.id, articleId: art2, amendmentId: a.id, number: a.number })
      const decided = nextEvent(socket, 'amendment:decided')
      await editor.post(`/amendments/${a.id}/decision`, { status: 'rejected', response: 'Non.' })
      assert.equal((await decided).number, a.number)
    } finally {
      socket.disconnect()
    }
  })

  it('is withdrawn by its author only', async () => {
    const { bill, citizen, art1 } = await setup()
    const a = (await addArticle(citizen, bill.id, { before: art1 })).body
    assert.equal((await (await s.as('citizen')).post(`/amendments/${a.id}/withdraw`, {})).status, 403)
    const r = await citizen.post(`/amendments/${a.id}/withdraw`, {})
    assert.equal(r.status, 200)
    assert.equal(r.body.status, 'withdrawn')
  })

  it('goes stale when article 2 changes; the rebase keeps its alinéas and moves its base', async () => {
    const { editor, bill, citizen, art1, art2 } = await setup()
    const a = (await addArticle(citizen, bill.id, { after: art2 })).body
    await publishEdits(s.app, editor, bill, { [art1]: ['Premier alinéa, modifié.'] })
    assert.equal((await s.client().get(`/amendments/${a.id}`)).body.stale, false, 'another article changed: not stale')
    await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de quinze jours.'] })
    const stale = (await s.client().get(`/amendments/${a.id}`)).body
    assert.equal(stale.stale, true)
    assert.equal(stale.rebase.clean, true)
    assert.equal(stale.rebase.baseRevision, 3)
    assert.deepEqual(stale.rebase.alineas, NEW_ARTICLE)
    assert.equal((await editor.post(`/amendments/${a.id}/rebase`, {})).status, 403)
    const r = await citizen.post(`/amendments/${a.id}/rebase`, {})
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.equal(r.body.baseRevision, 3)
    assert.equal(r.body.stale, false)
    assert.deepEqual(r.body.alineas, NEW_ARTICLE)
    assert.deepEqual(r.body.position, { after: art2 })
    assert.equal((await citizen.post(`/amendments/${a.id}/rebase`, {})).status, 409)
  })

  it('when its anchor leaves the bill, the rebase moves it next to the nearest article', async () => {
    const { editor, bill, citizen, art1, art2 } = await setup()
    const a = (await addArticle(citizen, bill.id, { after: art2 })).body
    const blocks = (await editedBlocks(s.app, bill.id, {})).filter(b => b.kind !== 'article' || b.id !== art2)
    await replaceWorkingText(s.app, bill.id, blocks)
    assert.equal((await editor.post(`/bills/${bill.id}/publish`, { closesAt: bill.closesAt })).status, 200)
    const stale = (await s.client().get(`/amendments/${a.id}`)).body
    assert.equal(stale.stale, true)
    const r = await citizen.post(`/amendments/${a.id}/rebase`, {})
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.deepEqual(r.body.position, { after: art1 })
    assert.equal(plain(r.body.wording.fr.split('\n')[0]), 'Après l\'article 1er, insérer un article additionnel ainsi rédigé :')
  })
})
