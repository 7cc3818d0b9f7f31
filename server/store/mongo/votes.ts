/**
 * Votes and their counters in MongoDB. A vote is one document per user and
 * target (a unique index guarantees it); each target's counters are one
 * `tallies` document changed by `$inc` in the same transaction as the vote,
 * so a recount always equals the counters. Concurrent votes on one target
 * collide on its tally document: the loser gets a write conflict and
 * `withTransaction` runs it again on a fresh snapshot.
 */
import type { RevisionCount, VoteRevisionStore, VoteStore } from '../store.ts'
import type { Tally, VoteValue } from '../../../shared/types.ts'
import type { MongoContext } from './schema.ts'
import type { TallyDoc } from './documents.ts'
import { tallyId, toTally, voteKey } from './documents.ts'
import { runTransaction } from './transactions.ts'
import { addVoter, votersOf } from './bill-stats.ts'

/** The vote methods of the MongoDB store. */
export function mongoVotes ({ client, col }: MongoContext): VoteStore & VoteRevisionStore {
  return {
    async castVote (v) {
      const key = voteKey(v.userId, v.target)
      const _id = tallyId(v.target)
      // Upserts race on the unique vote key and on the tally's _id: a lost race is run again.
      return runTransaction(client, async (session): Promise<Tally> => {
        const prev = await col.votes.findOne(key, { session, projection: { value: 1, revision: 1 } })
        const revision = v.revision ?? 1
        if (prev?.value === v.value && (prev.revision ?? 1) === revision) return toTally(await col.tallies.findOne({ _id }, { session }))
        await col.votes.updateOne(key,
          { $set: { value: v.value, at: v.at, revision }, $setOnInsert: { billId: v.billId } },
          { upsert: true, session })
        const inc: Record<string, number> = {}
        const add = (field: string, n: number) => { inc[field] = (inc[field] ?? 0) + n }
        add(v.value, 1)
        // Articles also count by revision (issue 16): a confirmation moves the vote from its old revision to this one.
        if (v.target.type === 'article') {
          add(`rev.${revision}.${v.value}`, 1)
          if (prev) add(`rev.${prev.revision ?? 1}.${prev.value}`, -1)
        }
        if (prev) add(prev.value, -1)
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
        const prev = await col.votes.findOneAndDelete(voteKey(userId, target), { session, projection: { value: 1, revision: 1 } })
        if (!prev) return toTally(await col.tallies.findOne({ _id }, { session }))
        const inc: Record<string, number> = { [prev.value]: -1 }
        if (target.type === 'article') inc[`rev.${prev.revision ?? 1}.${prev.value}`] = -1
        const tally = await col.tallies.findOneAndUpdate({ _id },
          { $inc: inc },
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
    async getRevisionTallies (articleIds) {
      const out = new Map<string, RevisionCount[]>()
      for (const id of articleIds) out.set(id, [])
      if (articleIds.length === 0) return out
      const docs = await col.tallies.find({ _id: { $in: articleIds.map(id => tallyId({ type: 'article', id })) } }).toArray()
      for (const d of docs) out.set(d.id, revisionCounts(d))
      return out
    },
    async getUserVoteRevisions (userId, articleIds) {
      const out = new Map<string, number>()
      if (articleIds.length === 0) return out
      const votes = await col.votes.find({ userId, 'target.type': 'article', 'target.id': { $in: articleIds } },
        { projection: { target: 1, revision: 1 } }).toArray()
      for (const d of votes) out.set(d.target.id, d.revision ?? 1)
      return out
    }
  }
}

/** An article's counters by revision; what the totals hold beyond them (votes from before issue 16) counts as revision 1. */
function revisionCounts (d: TallyDoc): RevisionCount[] {
  const byRevision = new Map<number, Tally>()
  const rest = toTally(d)
  for (const [key, counts] of Object.entries(d.rev ?? {})) {
    const tally = toTally(counts)
    byRevision.set(Number(key), tally)
    for (const v of ['for', 'mixed', 'against'] as const) rest[v] -= tally[v]
  }
  if (rest.for !== 0 || rest.mixed !== 0 || rest.against !== 0) {
    const first = byRevision.get(1) ?? toTally(null)
    byRevision.set(1, { for: first.for + rest.for, mixed: first.mixed + rest.mixed, against: first.against + rest.against })
  }
  return [...byRevision].sort((a, b) => a[0] - b[0]).map(([revision, tally]) => ({ revision, tally }))
}
