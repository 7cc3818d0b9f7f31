/** Keyset pages over a bill's contributions, participation figures and bulk loading, for synthesis and exports. */
import type { AmendmentStatus, ProfileType, TargetType } from '../../../shared/types.ts'
import type { UserRecord } from './accounts.ts'
import type { VoteRecord } from './votes.ts'
import type { AmendmentRecord } from './amendments.ts'
import type { ArgumentRecord } from './arguments.ts'

/** Where a page of a bill's votes starts: after this vote, in (user id, target type, target id) order. */
export interface BillVoteKey { userId: string; type: TargetType; id: string }

/** Where a page of a bill's arguments or amendments starts: after this item, in (createdAt, id) order. */
export interface CreatedKey { createdAt: string; id: string }

/** An article's amendments counted by status (withdrawn ones included). */
export type AmendmentStatusCounts = Record<AmendmentStatus, number>

/** What happened on one day (UTC): votes by the time they were last cast, amendments and arguments by creation. */
export interface DayActivity { day: string; votes: number; amendments: number; arguments: number }

/**
 * The participation figures of a bill. Participants are the distinct users
 * who voted (on an article, an amendment or an argument), argued (arguments
 * not deleted) or proposed an amendment (not withdrawn); amendments and
 * arguments are counted likewise; votes are the vote rows, by target type.
 */
export interface ParticipationRecord {
  participants: Record<ProfileType, number>
  votes: Record<TargetType, number>
  amendments: number
  arguments: number
  /** Days with any activity, ascending. */
  days: DayActivity[]
}

/** The participation of a bill nobody took part in, which a store's queries then fill. */
export function noParticipation (): ParticipationRecord {
  return {
    participants: { citizen: 0, organisation: 0, institution: 0 },
    votes: { article: 0, amendment: 0, argument: 0 },
    amendments: 0,
    arguments: 0,
    days: []
  }
}

/**
 * Records to load at once (demo data, generators, imports from another
 * platform): one transaction. Votes must be new (a user's first vote on
 * that target) and their counters are bumped in the same transaction, so a
 * recount still equals the counters; any duplicate key refuses the whole
 * batch with DuplicateKeyError.
 */
export interface BulkBatch {
  users?: UserRecord[]
  arguments?: ArgumentRecord[]
  amendments?: AmendmentRecord[]
  votes?: VoteRecord[]
}

/** Reads for the synthesis and exports, which walk a whole bill without holding it in memory. */
export interface ExportStore {
  /** A page of the bill's votes (all target types) after `after`, in (user id, target type, target id) order. */
  listBillVotes (billId: string, after: BillVoteKey | null, limit: number): Promise<VoteRecord[]>
  /** A page of the bill's amendments, every status, oldest first (then by id), after `after`. */
  listBillAmendments (billId: string, after: CreatedKey | null, limit: number): Promise<AmendmentRecord[]>
  /** The bill's amendments counted by article and status (articles without any are absent). */
  amendmentStatusCounts (billId: string): Promise<Map<string, AmendmentStatusCounts>>
  /** Who took part and how, overall and per day (see ParticipationRecord). */
  participation (billId: string): Promise<ParticipationRecord>
  /** Loads a batch in one transaction (see BulkBatch). */
  bulkInsert (batch: BulkBatch): Promise<void>
}
