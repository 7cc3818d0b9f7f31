/**
 * Votes and their counters in MongoDB. A vote is one document per user and
 * target (a unique index guarantees it); each target's counters are one
 * `tallies` document changed by `$inc` in the same transaction as the vote,
 * so a recount always equals the counters. Concurrent votes on one target
 * collide on its tally document: the loser gets a write conflict and
 * `withTransaction` runs it again on a fresh snapshot.
 */
import type { VoteStore } from '../store.ts'
import type { Tally, VoteValue } from '../../../shared/types.ts'
import type { MongoContext } from './schema.ts'
import { tallyId, toTally, voteKey } from './documents.ts'
import { runTransaction } from './transactions.ts'
import { addVoter, votersOf } from './bill-stats.ts'

/** The vote methods of the MongoDB store. */
export function mongoVotes ({ client, col }: MongoContext): VoteStore {
  return {
    async castVote (v) {
      const key = voteKey(v.userId, v.target)
      const _id = tallyId(v.target)
      // Upserts race on the unique vote key and on the tally's _id: a lost race is run again.
      return runTransaction(client, async (session): Promise<Tally> => {
        const prev = await col.votes.findOne(key, { session, projection: { value: 1 } })
        if (prev?.value === v.value) return toTally(await col.tallies.findOne({ _id }, { session }))
        await col.votes.updateOne(key,
          { $set: { value: v.value, at: v.at }, $setOnInsert: { billId: v.billId } },
          { upsert: true, session })
        const inc: Partial<Record<VoteValue, number>> = { [v.value]: 1 }
        if (prev) inc[prev.value] = -1
        // A first vote makes the user a participant of the bill (never undone: they took part).
        else {
          const voter = await col.billVoters.updateOne({ _id: `${v.billId}:${v.userId}` },
            { $setOnInsert: { billId: v.billId, userId: v.userId } }, { upsert: true, session })
          if (voter.upsertedCount === 1) await addVoter(col, v.billId, session)
        }
        // Last write before the commit: the hot document stays locked as briefly as possible.
        const tally = await col.tallies.findOneAndUpdate({ _id },
          { $inc: inc, $setOnInsert: { type: v.target.type, id: v.target.id } },
          { upsert: true, returnDocument: 'after', session })
        return toTally(tally)
      }, { retryDuplicateKey: true })
    },
    async removeVote (userId, target) {
      const _id = tallyId(target)
      return runTransaction(client, async (session): Promise<Tally> => {
        const prev = await col.votes.findOneAndDelete(voteKey(userId, target), { session, projection: { value: 1 } })
        if (!prev) return toTally(await col.tallies.findOne({ _id }, { session }))
        const tally = await col.tallies.findOneAndUpdate({ _id },
          { $inc: { [prev.value]: -1 } },
          { returnDocument: 'after', session })
        return toTally(tally)
      })
    },
    async getTally (target) {
      return toTally(await col.tallies.findOne({ _id: tallyId(target) }))
    },
    async getTallies (type, ids) {
      const out = new Map<string, Tally>()
      for (const id of ids) out.set(id, toTally(null))
      if (ids.length === 0) return out
      for (const d of await col.tallies.find({ _id: { $in: ids.map(id => tallyId({ type, id })) } }).toArray()) {
        out.set(d.id, toTally(d))
      }
      return out
    },
    async getUserVotes (userId, type, ids) {
      const out = new Map<string, VoteValue>()
      if (ids.length === 0) return out
      const votes = await col.votes.find({ userId, 'target.type': type, 'target.id': { $in: ids } },
        { projection: { target: 1, value: 1 } }).toArray()
      for (const d of votes) out.set(d.target.id, d.value)
      return out
    },
    async countVoters (billId) {
      return votersOf(col, billId)
    },
    async recountTally (target) {
      const out = toTally(null)
      const groups = col.votes.aggregate<{ _id: VoteValue; n: number }>([
        { $match: { 'target.type': target.type, 'target.id': target.id } },
        { $group: { _id: '$value', n: { $sum: 1 } } }
      ])
      for await (const g of groups) out[g._id] = g.n
      return out
    }
  }
}
