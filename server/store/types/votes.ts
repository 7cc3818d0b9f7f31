/** Stored votes and their counters. */
import type { Tally, TargetType, VoteValue } from '../../../shared/types.ts'

/** What a vote points at: an article, an amendment (value) or an argument (upvote). */
export interface VoteTarget { type: TargetType; id: string }

/** One user's vote on one target. For arguments the value is always `for` (an upvote). */
export interface VoteRecord {
  userId: string
  target: VoteTarget
  billId: string
  value: VoteValue
  at: string
  /** The bill's revision when the vote was cast (or confirmed); stores record 1 when absent (bulk loads). */
  revision?: number
}

export interface VoteStore {
  /**
   * Records the user's vote (replacing any earlier vote on the same target)
   * and updates the target's counters in the same transaction. Returns the
   * new tally.
   */
  castVote (vote: VoteRecord): Promise<Tally>
  /** Removes the user's vote, if any, and updates the counters likewise. */
  removeVote (userId: string, target: VoteTarget): Promise<Tally>
  /** The counters of one target (zeros when none). */
  getTally (target: VoteTarget): Promise<Tally>
  /** Counters of many targets of one type, keyed by id (missing ids are zero). */
  getTallies (type: TargetType, ids: string[]): Promise<Map<string, Tally>>
  /** The user's own votes on these targets, keyed by target id. */
  getUserVotes (userId: string, type: TargetType, ids: string[]): Promise<Map<string, VoteValue>>
  /** Distinct users who ever voted on anything of a bill (withdrawing a vote does not undo taking part): its participants so far. */
  countVoters (billId: string): Promise<number>
}
