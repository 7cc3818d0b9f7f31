/** The council's agenda, members' arguments and votes, and opinions in MongoDB. */
import type { CouncilWorkStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { isDuplicateKey } from './errors.ts'
import { runTransaction } from './transactions.ts'

/** The agenda, deliberation and opinion methods of the MongoDB store. */
export function mongoCouncilWork ({ client, col }: MongoContext): CouncilWorkStore {
  return {
    async addAgendaItem (i) {
      const { id, ...rest } = i
      try {
        const last = await col.councilAgenda.find({ billId: i.billId }).sort({ seq: -1 }).limit(1).next()
        await col.councilAgenda.insertOne({ _id: id, ...rest, seq: (last?.seq ?? 0) + 1 })
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
    async removeAgendaItem (billId, itemId) {
      return runTransaction(client, async (session) => {
        const r = await col.councilAgenda.deleteOne({ _id: itemId, billId }, { session })
        if (r.deletedCount === 0) return false
        await col.councilArguments.deleteMany({ itemId }, { session })
        await col.councilVotes.deleteMany({ itemId }, { session })
        return true
      })
    },
    async listAgenda (billId) {
      const docs = await col.councilAgenda.find({ billId }).sort({ seq: 1 }).toArray()
      return docs.map(d => ({ id: d._id, billId: d.billId, target: d.target, title: d.title, articleId: d.articleId, note: d.note, addedBy: d.addedBy, addedAt: d.addedAt }))
    },
    async addCouncilArgument (a) {
      const { id, ...rest } = a
      await col.councilArguments.insertOne({ _id: id, ...rest })
    },
    async listCouncilArguments (billId) {
      const docs = await col.councilArguments.find({ billId }).sort({ at: 1, _id: 1 }).toArray()
      return docs.map(d => ({ id: d._id, billId: d.billId, itemId: d.itemId, userId: d.userId, side: d.side, body: d.body, at: d.at }))
    },
    async setCouncilVote (v) {
      await col.councilVotes.updateOne({ _id: `${v.itemId}:${v.userId}` },
        { $set: { value: v.value, at: v.at }, $setOnInsert: { billId: v.billId, itemId: v.itemId, userId: v.userId } }, { upsert: true })
    },
    async listCouncilVotes (billId) {
      const docs = await col.councilVotes.find({ billId }).sort({ itemId: 1, userId: 1 }).toArray()
      return docs.map(d => ({ billId: d.billId, itemId: d.itemId, userId: d.userId, value: d.value, at: d.at }))
    },
    async saveOpinion (o) {
      const { itemId, ...rest } = o
      await col.councilOpinions.replaceOne({ _id: itemId }, rest, { upsert: true })
    },
    async listOpinions (billId) {
      const docs = await col.councilOpinions.find({ billId }).sort({ at: 1, _id: 1 }).toArray()
      return docs.map(d => ({ itemId: d._id, billId: d.billId, target: d.target, text: d.text, vote: d.vote, by: d.by, at: d.at }))
    }
  }
}
