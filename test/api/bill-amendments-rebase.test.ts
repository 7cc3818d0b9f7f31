/**
 * The list of a bill's amendments (the decisions page's source) carries the
 * rebase of each stale proposed amendment, as GET /amendments/:id does: the
 * clean merge onto the latest text, or the conflicts; decided ones and
 * up-to-date ones carry none.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2, proposed } from '../helpers/amendments.ts'
import { publishEdits } from '../helpers/edit.ts'
import { AmendmentList } from '../../shared/api.ts'

describe('API: a bill\'s amendments carry the rebase of the stale ones', () => {
  const s = serverSuite()

  it('gives the clean rebase, the conflict, and nothing for the others, in every order', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const citizen = await s.as('citizen')
    const [art1, art2] = bill.articles.map((a: any) => a.id)
    const clean = await proposed(citizen, art2, [ARTICLE_2[0], 'Un arrêté fixe les modalités.'])
    const conflicting = await proposed(citizen, art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
    const decided = await proposed(citizen, art2, ['Le délai est de dix jours.', ARTICLE_2[1]])
    assert.equal((await editor.post(`/amendments/${decided.id}/decision`, { status: 'rejected', response: 'Non.' })).status, 200)
    const fresh = await proposed(citizen, art1, ['Premier alinéa, autrement.'])
    await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de vingt jours.', ARTICLE_2[1]] })

    for (const q of ['sort=supported', 'sort=recent', 'sort=discussion']) {
      const r = await s.client().get(`/bills/${bill.id}/amendments?${q}`)
      assert.equal(r.status, 200, JSON.stringify(r.body))
      AmendmentList.parse(r.body)
      const byId = new Map(r.body.items.map((a: any) => [a.id, a]))
      const c = byId.get(clean.id) as any
      assert.equal(c.stale, true, q)
      assert.equal(c.rebase.clean, true, q)
      assert.equal(c.rebase.baseRevision, 2)
      assert.deepEqual(c.rebase.alineas, ['Le délai est de vingt jours.', 'Un arrêté fixe les modalités.'])
      assert.deepEqual(c.rebase.diff.alineas.map((d: any) => d.kind), ['kept', 'changed'])
      const k = byId.get(conflicting.id) as any
      assert.equal(k.rebase.clean, false, q)
      assert.equal(k.rebase.conflicts.length, 1)
      assert.equal((byId.get(fresh.id) as any).rebase, undefined, 'not stale: no rebase')
      if (byId.has(decided.id)) assert.equal((byId.get(decided.id) as any).rebase, undefined, 'decided: no rebase')
    }
  })
})
