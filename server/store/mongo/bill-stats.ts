/**
 * A bill's participant count as one counter document (`billStats`, `_id` the
 * bill id), like SQLite's `bill_stats`: `countVoters` is on every bill page,
 * and counting `billVoters` there walked one index key per participant (a
 * million for a national bill) on every view. The counter moves in the
 * transaction that records a participant's first vote. A bill without a
 * counter (its votes came before the counter existed) gets one at its next
 * first vote, set from a count of `billVoters` in that transaction; until
 * then `countVoters` counts. Under snapshot isolation a count and the
 * counter's write in one transaction are exact: any concurrent first vote
 * writes the same counter document, so one of the two is run again.
 */
import type { ClientSession } from 'mongodb'
import type { MongoCollections } from './schema.ts'

/** `billStats`: per bill, how many users ever voted on it (never decremented: they took part). */
export interface BillStatsDoc { _id: string; voters: number }

/** Counts a new participant of `billId` (call only when their `billVoters` document was just inserted). */
export async function addVoter (col: MongoCollections, billId: string, session: ClientSession): Promise<void> {
  const res = await col.billStats.updateOne({ _id: billId }, { $inc: { voters: 1 } }, { session })
  if (res.matchedCount === 0) await recountVoters(col, billId, session)
}

/** Sets the counter of `billId` from `billVoters` (its first use, bulk imports). */
export async function recountVoters (col: MongoCollections, billId: string, session: ClientSession): Promise<void> {
  const voters = await col.billVoters.countDocuments({ billId }, { session })
  await col.billStats.updateOne({ _id: billId }, { $set: { voters } }, { upsert: true, session })
}

/** The participants of `billId`: the counter, or a count while the bill has none yet. */
export async function votersOf (col: MongoCollections, billId: string): Promise<number> {
  const stats = await col.billStats.findOne({ _id: billId })
  return stats ? stats.voters : col.billVoters.countDocuments({ billId })
}
