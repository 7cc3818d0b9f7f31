/**
 * The Store contract of « Mon espace » (`WorkspaceStore`): amendments counted
 * by status per bill, the oldest proposed, the newest amendments and
 * arguments across several bills, bounded by the limit. Run by `contract.ts`
 * inside each store's suite.
 */
import assert from 'node:assert/strict'
import type { ArgumentRecord, Store } from '../../server/store/store.ts'
import { amendment } from './amendments-contract.ts'

const at = (n: number) => `2030-01-01T00:00:${String(n).padStart(2, '0')}.000Z`

function argument (id: string, billId: string, n: number, over: Partial<ArgumentRecord> = {}): ArgumentRecord {
  return { id, billId, target: { type: 'article', id: billId === 'b1' ? 'a1' : 'c1' }, side: 'for', body: `body ${id}`, authorId: 'u1', createdAt: at(n), editedAt: null, deletedAt: null, deletedBy: null, ...over }
}

/** Declares the workspace tests; `store()` gives the current test's store. */
export function workspaceContract (store: () => Store): void {
  describe('workspace', () => {
    beforeEach(async () => {
      const s = store()
      for (const [billId, articleId] of [['b1', 'a1'], ['b2', 'c1']]) {
        await s.createBill({ id: billId, title: billId, summary: '', status: 'open', opensAt: null, closesAt: null, editors: ['u1'], revision: 0, createdBy: 'u1', createdAt: 't', updatedAt: 't' })
        await s.publishRevision({
          billId, number: 1, doc: { type: 'doc', content: [] },
          articles: [{ id: articleId, num: '1', heading: null, alineas: ['Le délai est de trente jours.'], hash: 'h1' }],
          publishedAt: 't', publishedBy: 'u1'
        }, { revision: 1 })
      }
      // b1: m1 (proposed, oldest), m2 (rejected), m4 (proposed), m5 (withdrawn); b2: m3 (proposed), m6 (proposed, newest).
      await s.createAmendment(amendment('m1', 1))
      await s.createAmendment(amendment('m2', 2))
      await s.createAmendment(amendment('m3', 3, { billId: 'b2', articleId: 'c1' }))
      await s.createAmendment(amendment('m4', 4))
      await s.createAmendment(amendment('m5', 5))
      await s.createAmendment(amendment('m6', 6, { billId: 'b2', articleId: 'c1' }))
      assert.ok(await s.decideAmendment('m2', 'rejected', { by: 'u1', at: at(7), response: 'Non.' }))
      assert.ok(await s.withdrawAmendment('m5', at(8)))
      await s.createArgument(argument('g1', 'b1', 10))
      await s.createArgument(argument('g2', 'b2', 11))
      await s.createArgument(argument('g3', 'b1', 12))
      await s.deleteArgument('g3', 'u1', at(13))
    })

    it('counts each bill\'s amendments by status, zeros for a bill without any', async () => {
      const counts = await store().countAmendmentsByStatus(['b1', 'b2', 'none'])
      assert.deepEqual(counts.get('b1'), { proposed: 2, accepted: 0, rejected: 1, withdrawn: 1 })
      assert.deepEqual(counts.get('b2'), { proposed: 2, accepted: 0, rejected: 0, withdrawn: 0 })
      assert.deepEqual(counts.get('none'), { proposed: 0, accepted: 0, rejected: 0, withdrawn: 0 })
      assert.equal((await store().countAmendmentsByStatus([])).size, 0)
    })

    it('lists the oldest proposed amendments across bills, within the limit', async () => {
      assert.deepEqual((await store().listOldestProposed(['b1', 'b2'], 10)).map(a => a.id), ['m1', 'm3', 'm4', 'm6'])
      assert.deepEqual((await store().listOldestProposed(['b1', 'b2'], 2)).map(a => a.id), ['m1', 'm3'])
      assert.deepEqual((await store().listOldestProposed(['b2'], 10)).map(a => a.id), ['m3', 'm6'])
      assert.deepEqual(await store().listOldestProposed([], 10), [])
    })

    it('lists the newest amendments (any status) and arguments (not deleted) across bills, within the limit', async () => {
      assert.deepEqual((await store().listRecentAmendments(['b1', 'b2'], 3)).map(a => a.id), ['m6', 'm5', 'm4'])
      assert.deepEqual((await store().listRecentAmendments(['b1'], 10)).map(a => a.id), ['m5', 'm4', 'm2', 'm1'])
      const args = await store().listRecentArguments(['b1', 'b2'], 10)
      assert.deepEqual(args.map(g => g.id), ['g2', 'g1'])
      assert.equal(args[1].body, 'body g1')
      assert.deepEqual((await store().listRecentArguments(['b1', 'b2'], 1)).map(g => g.id), ['g2'])
    })
  })
}
