/**
 * The votes-by-revision part of the Store contract (both stores, issue 16):
 * a vote records its revision, re-casting the same value on a newer one
 * moves it, the per-revision counters follow casts, changes and removals,
 * and only articles are counted by revision. Declared inside `storeContract`.
 */
import assert from 'node:assert/strict'
import type { Store, VoteTarget } from '../../server/store/store.ts'
import type { VoteValue } from '../../shared/types.ts'
import { recountTally } from '../helpers/recount.ts'

const at = () => new Date().toISOString()
const counts = (f: number, m: number, a: number) => ({ for: f, mixed: m, against: a })

/** Declares the votes-by-revision contract. */
export function voteRevisionsContract (store: () => Store): void {
  describe('votes by revision', () => {
    const t: VoteTarget = { type: 'article', id: 'a1' }
    const cast = (userId: string, value: VoteValue, revision: number, target = t) =>
      store().castVote({ userId, target, billId: 'b1', value, at: at(), revision })

    it('records the revision of each vote and counts articles by revision', async () => {
      await cast('u1', 'for', 1)
      await cast('u2', 'against', 1)
      await cast('u3', 'mixed', 2)
      assert.deepEqual(await store().getUserVoteRevisions('u1', ['a1', 'a2']), new Map([['a1', 1]]))
      assert.deepEqual(await store().getUserVoteRevisions('u3', ['a1']), new Map([['a1', 2]]))
      assert.deepEqual(await store().getRevisionTallies(['a1', 'a2']), new Map([
        ['a1', [{ revision: 1, tally: counts(1, 0, 1) }, { revision: 2, tally: counts(0, 1, 0) }]],
        ['a2', []]
      ]))
    })

    it('moves a vote confirmed or changed on a newer revision, keeps the totals, and takes a removed vote out of its revision', async () => {
      await cast('u1', 'for', 1)
      await cast('u2', 'for', 1)
      // The same value on revision 2: a confirmation, the totals do not move.
      assert.deepEqual(await cast('u1', 'for', 2), counts(2, 0, 0))
      // Cast again on the same revision: nothing changes.
      assert.deepEqual(await cast('u1', 'for', 2), counts(2, 0, 0))
      assert.deepEqual(await cast('u2', 'against', 2), counts(1, 0, 1))
      assert.deepEqual(await store().getUserVoteRevisions('u1', ['a1']), new Map([['a1', 2]]))
      const byRevision = (await store().getRevisionTallies(['a1'])).get('a1')!.filter(c => c.tally.for + c.tally.mixed + c.tally.against > 0)
      assert.deepEqual(byRevision, [{ revision: 2, tally: counts(1, 0, 1) }])
      assert.deepEqual(await store().removeVote('u2', t), counts(1, 0, 0))
      const left = (await store().getRevisionTallies(['a1'])).get('a1')!.filter(c => c.tally.for + c.tally.mixed + c.tally.against > 0)
      assert.deepEqual(left, [{ revision: 2, tally: counts(1, 0, 0) }])
      assert.deepEqual(await recountTally(store(), 'b1', t), counts(1, 0, 0))
      // A change of value on the same revision moves that revision's counters from one value to the other.
      assert.deepEqual(await cast('u1', 'mixed', 2), counts(0, 1, 0))
      const changed = (await store().getRevisionTallies(['a1'])).get('a1')!.filter(c => c.tally.for + c.tally.mixed + c.tally.against > 0)
      assert.deepEqual(changed, [{ revision: 2, tally: counts(0, 1, 0) }])
    })

    it('keeps no per-revision counters for amendments', async () => {
      await cast('u1', 'for', 2, { type: 'amendment', id: 'm1' })
      assert.deepEqual(await store().getRevisionTallies(['m1']), new Map([['m1', []]]))
      assert.deepEqual(await store().getUserVoteRevisions('u1', ['m1']), new Map())
    })
  })
}
