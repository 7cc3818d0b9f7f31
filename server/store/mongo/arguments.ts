/**
 * Arguments in MongoDB. Upvotes are votes on `{ type: 'argument' }` targets
 * (the `votes` and `tallies` collections); lists join the counters with a
 * `$lookup` on the argument's `tallyId`, then sort and page on them. Editing
 * an argument clears its upvotes in the same transaction as the new body.
 */
import type { Document } from 'mongodb'
import type { ArgumentCounts, ArgumentPosition, ArgumentStore, ListedArgument, StaffArgument } from '../store.ts'
import type { ArgumentSide } from '../../../shared/types.ts'
import type { MongoContext } from './schema.ts'
import type { ArgumentDoc, ModerationStateDoc } from './debate-documents.ts'
import { argumentDoc, toArgument } from './debate-documents.ts'
import { refuseDuplicate } from './errors.ts'
import { runTransaction } from './transactions.ts'

/** Adds `upvotes` (the `for` counter of the argument's tally, 0 when none). */
const WITH_UPVOTES: Document[] = [
  { $lookup: { from: 'tallies', localField: 'tallyId', foreignField: '_id', as: 'tally' } },
  { $addFields: { upvotes: { $ifNull: [{ $arrayElemAt: ['$tally.for', 0] }, 0] } } }
]

/** The filter that starts a page after `p`, in the order of `sort`. */
export function afterFilter (sort: 'upvotes' | 'recent', p: ArgumentPosition): Document {
  const recent = [{ createdAt: { $lt: p.createdAt } }, { createdAt: p.createdAt, _id: { $lt: p.id } }]
  if (sort === 'recent') return { $or: recent }
  return { $or: [{ upvotes: { $lt: p.upvotes } }, ...recent.map(f => ({ upvotes: p.upvotes, ...f }))] }
}

/** The argument methods of the MongoDB store. */
export function mongoArguments ({ client, col }: MongoContext): ArgumentStore {
  const listed = (d: ArgumentDoc & { upvotes: number }): ListedArgument => ({ ...toArgument(d), upvotes: d.upvotes })

  return {
    async createArgument (a) {
      await refuseDuplicate(col.arguments.insertOne(argumentDoc(a)), 'id')
    },
    async getArgument (id) {
      const d = await col.arguments.findOne({ _id: id })
      return d ? toArgument(d) : null
    },
    async listArguments (q) {
      const match: Document = { 'target.type': q.target.type, 'target.id': q.target.id, deletedAt: null }
      if (q.side) match.side = q.side
      const sort = q.sort === 'upvotes' ? { upvotes: -1, createdAt: -1, _id: -1 } : { createdAt: -1, _id: -1 }
      const docs = await col.arguments.aggregate<ArgumentDoc & { upvotes: number }>([
        { $match: match },
        ...WITH_UPVOTES,
        ...(q.after ? [{ $match: afterFilter(q.sort, q.after) }] : []),
        { $sort: sort },
        { $limit: q.limit },
        { $project: { tally: 0 } }
      ]).toArray()
      return docs.map(listed)
    },
    async editArgument (id, body, editedAt) {
      return runTransaction(client, async session => {
        const d = await col.arguments.findOneAndUpdate({ _id: id, deletedAt: null }, { $set: { body, editedAt } },
          { returnDocument: 'after', session })
        if (!d) return null
        await col.votes.deleteMany({ 'target.type': 'argument', 'target.id': id }, { session })
        // A concurrent upvote writes this same tally document: one of the two transactions is retried.
        await col.tallies.updateOne({ _id: d.tallyId }, { $set: { for: 0, mixed: 0, against: 0 } }, { session })
        return toArgument(d)
      })
    },
    async deleteArgument (id, by, at) {
      const d = await col.arguments.findOneAndUpdate({ _id: id, deletedAt: null }, { $set: { deletedAt: at, deletedBy: by } },
        { returnDocument: 'after' })
      return d ? toArgument(d) : null
    },
    async countArguments (type, ids) {
      const out = new Map<string, ArgumentCounts>()
      for (const id of ids) out.set(id, { for: 0, against: 0 })
      if (ids.length === 0) return out
      const groups = col.arguments.aggregate<{ _id: { id: string; side: ArgumentSide }; n: number }>([
        { $match: { 'target.type': type, 'target.id': { $in: ids }, deletedAt: null } },
        { $group: { _id: { id: '$target.id', side: '$side' }, n: { $sum: 1 } } }
      ])
      for await (const g of groups) out.get(g._id.id)![g._id.side] = g.n
      return out
    },
    async listBillArguments (billId, page) {
      const after = page?.after
      const keyset: Document[] = page
        ? [
            ...(after ? [{ $match: { $or: [{ createdAt: { $gt: after.createdAt } }, { createdAt: after.createdAt, _id: { $gt: after.id } }] } }] : []),
            { $sort: { createdAt: 1, _id: 1 } },
            { $limit: page.limit }
          ]
        : [{ $sort: { createdAt: 1, _id: 1 } }]
      const docs = await col.arguments.aggregate<ArgumentDoc & { upvotes: number; state: ModerationStateDoc[] }>([
        { $match: { billId, deletedAt: null } },
        ...keyset,
        ...WITH_UPVOTES,
        { $lookup: { from: 'moderationStates', localField: 'tallyId', foreignField: '_id', as: 'state' } },
        { $project: { tally: 0 } }
      ]).toArray()
      return docs.map((d): StaffArgument => {
        const state = d.state[0]
        return { ...listed(d), hidden: state?.hidden === true, hiddenReason: state?.hidden === true ? state.reason ?? null : null }
      })
    }
  }
}
