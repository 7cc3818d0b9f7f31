/**
 * Councils and volunteers in MongoDB. Joining, leaving and committing all
 * write the council document (count and version) inside their transaction,
 * so a volunteer who joins while the editors commit either is in the frozen
 * pool or is refused: the two transactions conflict on that document and
 * the loser runs again on a fresh snapshot.
 */
import type { CouncilStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { councilDoc, toCouncil, toVolunteer } from './council-documents.ts'
import { runTransaction } from './transactions.ts'

/** The council methods of the MongoDB store. */
export function mongoCouncil ({ client, col }: MongoContext): CouncilStore {
  return {
    async getCouncil (billId) {
      const d = await col.councils.findOne({ _id: billId })
      return d ? toCouncil(d) : null
    },
    async saveCouncil (c, expected) {
      if (expected === null) {
        const { _id, ...fields } = councilDoc(c)
        const r = await col.councils.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true })
        return r.upsertedCount === 1
      }
      const r = await col.councils.replaceOne({ _id: c.billId, version: expected }, councilDoc(c))
      return r.modifiedCount === 1
    },
    async addVolunteer (v) {
      return runTransaction(client, async (session) => {
        const c = await col.councils.findOne({ _id: v.billId }, { session })
        if (!c || c.status !== 'recruiting') return 'closed' as const
        const r = await col.volunteers.updateOne({ _id: `${v.billId}:${v.userId}` },
          { $set: { answers: v.answers, at: v.at }, $setOnInsert: { billId: v.billId, userId: v.userId } },
          { upsert: true, session })
        const added = r.upsertedCount === 1
        await col.councils.updateOne({ _id: v.billId }, { $inc: { version: 1, volunteersCount: added ? 1 : 0 } }, { session })
        return added ? 'added' as const : 'updated' as const
      }, { retryDuplicateKey: true })
    },
    async removeVolunteer (billId, userId) {
      return runTransaction(client, async (session) => {
        const c = await col.councils.findOne({ _id: billId }, { session })
        if (!c || c.status !== 'recruiting') return 'closed' as const
        const r = await col.volunteers.deleteOne({ _id: `${billId}:${userId}` }, { session })
        if (r.deletedCount === 0) return 'absent' as const
        await col.councils.updateOne({ _id: billId }, { $inc: { version: 1, volunteersCount: -1 } }, { session })
        return 'removed' as const
      })
    },
    async getVolunteer (billId, userId) {
      const d = await col.volunteers.findOne({ _id: `${billId}:${userId}` })
      return d ? toVolunteer(d) : null
    },
    async volunteerCounts (billId) {
      const out: Record<string, Record<string, number>> = {}
      const groups = col.volunteers.aggregate<{ _id: { k: string; v: string }; n: number }>([
        { $match: { billId } },
        { $project: { a: { $objectToArray: '$answers' } } },
        { $unwind: '$a' },
        { $group: { _id: { k: '$a.k', v: '$a.v' }, n: { $sum: 1 } } }
      ])
      for await (const g of groups) (out[g._id.k] ??= {})[g._id.v] = g.n
      return out
    },
    async commitCouncil (billId, expected, freeze) {
      return runTransaction(client, async (session) => {
        const c = await col.councils.findOne({ _id: billId }, { session })
        if (!c || c.status !== 'recruiting' || c.version !== expected) return null
        const volunteers = (await col.volunteers.find({ billId }, { session }).sort({ userId: 1 }).toArray()).map(toVolunteer)
        const next = freeze(volunteers)
        const r = await col.councils.replaceOne({ _id: billId, version: expected }, councilDoc(next), { session })
        return r.modifiedCount === 1 ? next : null
      })
    }
  }
}
