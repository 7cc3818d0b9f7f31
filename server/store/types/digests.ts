/** Stored claims of notification digests: which node sends the digest of a period. */

export interface DigestClaimStore {
  /**
   * Claims the digest of `period` (e.g. `24h:20426`) for `node`: true for exactly one caller per
   * period, whatever the number of processes sharing the store; false when it was claimed already.
   */
  claimDigest (period: string, node: string, at: string): Promise<boolean>
}
