/**
 * The MongoDB documents of councils: the council (`_id` its bill id, the
 * record's fields beside it), volunteers (`_id` `billId:userId`), agenda
 * items, members' arguments and votes (`_id` `itemId:userId`), opinions
 * (`_id` the item id).
 */
import type { AgendaItemRecord, CouncilArgumentRecord, CouncilRecord, CouncilVoteRecord, OpinionRecord, VolunteerRecord } from '../store.ts'

export type CouncilDoc = Omit<CouncilRecord, 'billId'> & { _id: string }
export type VolunteerDoc = VolunteerRecord & { _id: string }
export type AgendaItemDoc = Omit<AgendaItemRecord, 'id'> & { _id: string; seq: number }
export type CouncilArgumentDoc = Omit<CouncilArgumentRecord, 'id'> & { _id: string }
export type CouncilVoteDoc = CouncilVoteRecord & { _id: string }
export type OpinionDoc = Omit<OpinionRecord, 'itemId'> & { _id: string }

/** The record of a council document (fields copied one by one). */
export function toCouncil (d: CouncilDoc): CouncilRecord {
  return {
    billId: d._id, size: d.size, categories: d.categories, closesAt: d.closesAt, commitmentText: d.commitmentText,
    status: d.status, volunteersCount: d.volunteersCount, version: d.version, commitment: d.commitment, draw: d.draw,
    members: d.members, declined: d.declined, log: d.log, updatedAt: d.updatedAt
  }
}

/** The document of a council record. */
export function councilDoc (c: CouncilRecord): CouncilDoc {
  const { billId, ...rest } = c
  return { _id: billId, ...rest }
}

/** The record of a volunteer document. */
export function toVolunteer (d: VolunteerDoc): VolunteerRecord {
  return { billId: d.billId, userId: d.userId, answers: d.answers, at: d.at }
}
