/**
 * A target's tally counted from the stored votes themselves (not the
 * counters), through the store's own listing of a bill's votes: what the
 * tests compare the counters with after concurrent votes.
 */
import type { BillVoteKey, Store, VoteTarget } from '../../server/store/store.ts'
import type { Tally } from '../../shared/types.ts'

/** Counts the votes on `target` among the votes of `bills` (one bill id, or several). */
export async function recountTally (store: Store, bills: string | readonly string[], target: VoteTarget): Promise<Tally> {
  const out: Tally = { for: 0, mixed: 0, against: 0 }
  for (const billId of typeof bills === 'string' ? [bills] : bills) {
    let after: BillVoteKey | null = null
    for (;;) {
      const page = await store.listBillVotes(billId, after, 500)
      for (const v of page) if (v.target.type === target.type && v.target.id === target.id) out[v.value]++
      if (page.length < 500) break
      const last = page[page.length - 1]!
      after = { userId: last.userId, type: last.target.type, id: last.target.id }
    }
  }
  return out
}
