/** Stored councils, their volunteers, agenda, members' deliberation and opinions. */
import type { Tally, VoteValue } from '../../../shared/types.ts'

/** A category of the council's quotas, with labels for people. */
export interface CouncilCategoryRecord {
  key: string
  label: string
  values: { key: string; label: string; min: number; max: number }[]
}

/** One volunteer of a frozen pool: the user, their pseudonym in the audit, their answers. */
export interface FrozenVolunteer { userId: string; pseudonym: string; answers: Record<string, string> }

/** What the commitment froze. */
export interface CouncilCommitment {
  hash: string
  publicRandomness: string
  algorithm: string
  at: string
  pool: FrozenVolunteer[]
}

/** The draw's inputs and outputs, as the audit publishes them. */
export interface CouncilDrawRecord {
  value: string
  seed: string
  at: string
  /** The exact distribution: strata (pseudonyms), panels with integer weights, numerators. */
  distribution: {
    denominator: number
    strata: { key: string; answers: string[]; members: string[] }[]
    panels: { seats: number[]; weight: number }[]
    numerators: number[]
    maximin: number
  }
  result: { panelIndex: number; members: string[]; alternates: { stratum: string; ids: string[] }[] }
}

/** A replacement after a member declined (pseudonyms in the audit, user ids here). */
export interface CouncilLogRecord { at: string; kind: 'declined'; member: string; replacement: string | null }

/** A bill's council. `version` increases at every change (compare-and-set). */
export interface CouncilRecord {
  billId: string
  size: number
  categories: CouncilCategoryRecord[]
  closesAt: string | null
  commitmentText: string
  status: 'recruiting' | 'committed' | 'drawn'
  volunteersCount: number
  version: number
  commitment: CouncilCommitment | null
  draw: CouncilDrawRecord | null
  /** Current members (user ids), in seat order. */
  members: string[]
  /** Members who declined (user ids). */
  declined: string[]
  log: CouncilLogRecord[]
  updatedAt: string
}

/** A volunteer while recruiting. */
export interface VolunteerRecord { billId: string; userId: string; answers: Record<string, string>; at: string }

/** Councils and their volunteers; the methods that must be atomic are single methods. */
export interface CouncilStore {
  /** The council of a bill, or null. */
  getCouncil (billId: string): Promise<CouncilRecord | null>
  /**
   * Writes the council if its stored version is `expectedVersion` (null: only
   * if none exists); the record's version must be the next one. False when
   * someone changed it first.
   */
  saveCouncil (council: CouncilRecord, expectedVersion: number | null): Promise<boolean>
  /**
   * Adds or replaces a volunteer's answers, only while the council recruits;
   * bumps `volunteersCount` (new volunteers) and `version` in the same transaction.
   */
  addVolunteer (v: VolunteerRecord): Promise<'added' | 'updated' | 'closed'>
  /** Removes a volunteer, only while the council recruits. */
  removeVolunteer (billId: string, userId: string): Promise<'removed' | 'absent' | 'closed'>
  /** One user's volunteering, or null. */
  getVolunteer (billId: string, userId: string): Promise<VolunteerRecord | null>
  /** Counts of volunteers per category and value (answers never leave the store otherwise, except at commit). */
  volunteerCounts (billId: string): Promise<Record<string, Record<string, number>>>
  /**
   * In one transaction: reads every volunteer, calls `freeze` with them and
   * writes the council it returns, if the stored version is still
   * `expectedVersion` and it recruits. Null when it changed meanwhile.
   */
  commitCouncil (billId: string, expectedVersion: number, freeze: (volunteers: VolunteerRecord[]) => CouncilRecord): Promise<CouncilRecord | null>
}

/** An item on the council's agenda. */
export interface AgendaItemRecord {
  id: string
  billId: string
  target: { type: 'bill' | 'article' | 'amendment' | 'argument'; id: string }
  title: string
  articleId: string | null
  note: string
  addedBy: string
  addedAt: string
}

/** A member's argument on an agenda item (members only). */
export interface CouncilArgumentRecord { id: string; billId: string; itemId: string; userId: string; side: 'for' | 'against'; body: string; at: string }

/** A member's vote on an agenda item; one per member and item. */
export interface CouncilVoteRecord { billId: string; itemId: string; userId: string; value: VoteValue; at: string }

/** The council's published opinion on an agenda item; one per item (republishing replaces it). */
export interface OpinionRecord { itemId: string; billId: string; target: AgendaItemRecord['target']; text: string; vote: Tally; by: string; at: string }

/** The council's agenda, members' deliberation and opinions. */
export interface CouncilWorkStore {
  /** Adds an item unless the same target is already on the agenda (false then). */
  addAgendaItem (item: AgendaItemRecord): Promise<boolean>
  /** Removes an item and its arguments and votes; false when absent. */
  removeAgendaItem (billId: string, itemId: string): Promise<boolean>
  /** The agenda, in the order items were added. */
  listAgenda (billId: string): Promise<AgendaItemRecord[]>
  addCouncilArgument (arg: CouncilArgumentRecord): Promise<void>
  /** Every member argument of a bill's council, oldest first. */
  listCouncilArguments (billId: string): Promise<CouncilArgumentRecord[]>
  /** Casts or changes a member's vote on an item. */
  setCouncilVote (vote: CouncilVoteRecord): Promise<void>
  listCouncilVotes (billId: string): Promise<CouncilVoteRecord[]>
  /** Publishes (or replaces) the opinion on an item. */
  saveOpinion (opinion: OpinionRecord): Promise<void>
  listOpinions (billId: string): Promise<OpinionRecord[]>
}
