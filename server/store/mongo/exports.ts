/**
 * What the synthesis and the exports read in MongoDB: keyset pages over a
 * bill's votes and amendments (on the `{ billId, userId, target }` and
 * `{ billId, createdAt, _id }` indexes), amendment counts by status and
 * participation figures as aggregations (with `allowDiskUse`, since a
 * national consultation's distinct participants do not fit the 100 MB
 * stage limit); and `bulkInsert` in one transaction per batch.
 */
import type { AnyBulkWriteOperation, Document } from 'mongodb'
import type { AmendmentStatusCounts, BulkBatch, DayActivity, ExportStore } from '../store.ts'
import { noParticipation } from '../types/exports.ts'
import { noAmendments } from '../types/workspace.ts'
import type { AmendmentStatus, ProfileType, TargetType } from '../../../shared/types.ts'
import type { MongoContext } from './schema.ts'
import type { TallyDoc, VoteDoc } from './documents.ts'
import { tallyId, userDoc } from './documents.ts'
import { nameKey } from '../../../shared/names.ts'
import { argumentDoc } from './debate-documents.ts'
import { amendmentDoc, toAmendment } from './amendment-documents.ts'
import { refuseDuplicate } from './errors.ts'
import { runTransaction } from './transactions.ts'
import { recountVoters } from './bill-stats.ts'

/** `{ _id: day, n }` groups of a collection's documents of a bill by the UTC day of `field`. */
const byDay = (match: Document, field: string): Document[] => [
  { $match: match },
  { $group: { _id: { $substrBytes: [`$${field}`, 0, 10] }, n: { $sum: 1 } } }
]

/** The export methods of the MongoDB store. */
export function mongoExports ({ client, col }: MongoContext): ExportStore {
  return {
    async listBillVotes (billId, after, limit) {
      const filter: Document = { billId }
      if (after) {
        filter.$or = [
          { userId: { $gt: after.userId } },
          { userId: after.userId, 'target.type': { $gt: after.type } },
          { userId: after.userId, 'target.type': after.type, 'target.id': { $gt: after.id } }
        ]
      }
      const docs = await col.votes.find(filter, { projection: { _id: 0 } })
        .sort({ userId: 1, 'target.type': 1, 'target.id': 1 }).limit(limit).toArray()
      return docs.map(d => ({ userId: d.userId, target: { type: d.target.type, id: d.target.id }, billId: d.billId, value: d.value, at: d.at }))
    },
    async listBillAmendments (billId, after, limit) {
      const filter: Document = after
        ? { billId, $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }] }
        : { billId }
      return (await col.amendments.find(filter).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray()).map(toAmendment)
    },
    async amendmentStatusCounts (billId) {
      const out = new Map<string, AmendmentStatusCounts>()
      const groups = col.amendments.aggregate<{ _id: { article: string; status: AmendmentStatus }; n: number }>([
        { $match: { billId } },
        { $group: { _id: { article: '$articleId', status: '$status' }, n: { $sum: 1 } } }
      ])
      for await (const g of groups) {
        let counts = out.get(g._id.article)
        if (!counts) out.set(g._id.article, counts = noAmendments())
        counts[g._id.status] = g.n
      }
      return out
    },
    async participation (billId) {
      const out = noParticipation()
      const argumentMatch = { billId, deletedAt: null }
      const amendmentMatch = { billId, status: { $ne: 'withdrawn' } }
      const profiles = col.votes.aggregate<{ _id: ProfileType; n: number }>([
        { $match: { billId } },
        { $project: { _id: 0, user: '$userId' } },
        { $unionWith: { coll: 'arguments', pipeline: [{ $match: argumentMatch }, { $project: { _id: 0, user: '$authorId' } }] } },
        { $unionWith: { coll: 'amendments', pipeline: [{ $match: amendmentMatch }, { $project: { _id: 0, user: '$authorId' } }] } },
        { $group: { _id: '$user' } },
        { $lookup: { from: 'users', localField: '_id', foreignField: '_id', as: 'u' } },
        { $unwind: '$u' },
        { $group: { _id: '$u.profileType', n: { $sum: 1 } } }
      ], { allowDiskUse: true })
      for await (const g of profiles) out.participants[g._id] = g.n
      const types = col.votes.aggregate<{ _id: TargetType; n: number }>([
        { $match: { billId } },
        { $group: { _id: '$target.type', n: { $sum: 1 } } }
      ])
      for await (const g of types) out.votes[g._id] = g.n
      const days = new Map<string, DayActivity>()
      const day = (d: string): DayActivity => {
        let a = days.get(d)
        if (!a) days.set(d, a = { day: d, votes: 0, amendments: 0, arguments: 0 })
        return a
      }
      for await (const g of col.votes.aggregate<{ _id: string; n: number }>(byDay({ billId }, 'at'), { allowDiskUse: true })) day(g._id).votes = g.n
      for await (const g of col.arguments.aggregate<{ _id: string; n: number }>(byDay(argumentMatch, 'createdAt'))) {
        day(g._id).arguments = g.n
        out.arguments += g.n
      }
      for await (const g of col.amendments.aggregate<{ _id: string; n: number }>(byDay(amendmentMatch, 'createdAt'))) {
        day(g._id).amendments = g.n
        out.amendments += g.n
      }
      out.days = [...days.values()].sort((a, b) => a.day < b.day ? -1 : a.day > b.day ? 1 : 0)
      return out
    },
    async bulkInsert (batch: BulkBatch) {
      const votes = batch.votes ?? []
      const tallies = new Map<string, { type: TargetType; id: string; inc: Record<string, number> }>()
      for (const v of votes) {
        const _id = tallyId(v.target)
        let t = tallies.get(_id)
        if (!t) tallies.set(_id, t = { type: v.target.type, id: v.target.id, inc: { for: 0, mixed: 0, against: 0 } })
        t.inc[v.value]++
        // Articles also count by revision (see votes.ts).
        if (v.target.type === 'article') {
          const field = `rev.${v.revision ?? 1}.${v.value}`
          t.inc[field] = (t.inc[field] ?? 0) + 1
        }
      }
      await refuseDuplicate(runTransaction(client, async session => {
        if (batch.users?.length) await col.users.insertMany(batch.users.map(u => ({ ...userDoc(u), nameKey: nameKey(u.displayName) })), { session })
        if (batch.arguments?.length) await col.arguments.insertMany(batch.arguments.map(argumentDoc), { session })
        if (batch.amendments?.length) await col.amendments.insertMany(batch.amendments.map(amendmentDoc), { session })
        if (votes.length) {
          await col.votes.insertMany(votes.map((v): VoteDoc => ({
            userId: v.userId, target: { type: v.target.type, id: v.target.id }, billId: v.billId, value: v.value, at: v.at, revision: v.revision ?? 1
          })), { session })
          const ops: AnyBulkWriteOperation<TallyDoc>[] = [...tallies].map(([_id, t]) => ({
            updateOne: { filter: { _id }, update: { $inc: t.inc, $setOnInsert: { type: t.type, id: t.id } }, upsert: true }
          }))
          await col.tallies.bulkWrite(ops, { session, ordered: false })
          const voters = new Map(votes.map(v => [`${v.billId}:${v.userId}`, v]))
          await col.billVoters.bulkWrite([...voters].map(([_id, v]) => ({
            updateOne: { filter: { _id }, update: { $setOnInsert: { billId: v.billId, userId: v.userId } }, upsert: true }
          })), { session, ordered: false })
          for (const billId of new Set(votes.map(v => v.billId))) await recountVoters(col, billId, session)
        }
      }), 'bulk')
    }
  }
}
