/**
 * Article votes by the bill revision they were cast on (issue 16): a vote
 * records the revision that was current when it was last cast or
 * confirmed, and each article's counters are also kept per revision, so the
 * votes on its current text and those on an earlier text are told apart
 * without counting the votes themselves.
 */
import type { Tally } from '../../../shared/types.ts'

/** An article's counters for the votes cast on one revision. */
export interface RevisionCount { revision: number; tally: Tally }

export interface VoteRevisionStore {
  /** Per article, its counters by the revision the votes were cast on (revisions without votes left out; missing ids: empty). */
  getRevisionTallies (articleIds: string[]): Promise<Map<string, RevisionCount[]>>
  /** The revision each of the user's own votes on these articles was cast on, keyed by article id. */
  getUserVoteRevisions (userId: string, articleIds: string[]): Promise<Map<string, number>>
}
