/** The digest-claim part of the Store contract (both stores): one claim per period. Declared inside `storeContract`. */
import assert from 'node:assert/strict'
import type { Store } from '../../server/store/store.ts'

/** Declares the digest-claim contract. */
export function digestContract (store: () => Store): void {
  describe('digest claims', () => {
    it('gives each period to exactly one of several concurrent claimants', async () => {
      const claims = await Promise.all(['n1', 'n2', 'n3'].map(n => store().claimDigest('24h:100', n, 't1')))
      assert.deepEqual(claims.filter(Boolean).length, 1)
      assert.equal(await store().claimDigest('24h:100', 'n1', 't2'), false, 'claimed once, even by the same node')
      assert.equal(await store().claimDigest('24h:101', 'n2', 't3'), true, 'the next period is free')
      assert.equal(await store().claimDigest('12h:200', 'n2', 't3'), true, 'another period length is another key')
    })
  })
}
