/**
 * The Yjs updates of bills' working texts in MongoDB, appended then compacted.
 *
 * Each append takes its number from a per-bill counter (`docSeqs`, `$inc`)
 * and inserts the update in the same transaction, committed with a
 * majority, journaled write concern: a resolved append is durable, and
 * appends to one bill serialize on the counter document, so an update is
 * visible only once every lower number is. Reads take one snapshot, so
 * they always see such a prefix, and a compaction (transactional too) can
 * only delete updates its caller has read.
 */
import type { DocStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { fromBinary, toBinary } from './documents.ts'
import { runTransaction } from './transactions.ts'

/** The document methods of the MongoDB store. */
export function mongoDocs ({ client, col }: MongoContext): DocStore {
  return {
    async appendDocUpdate (billId, update) {
      // The first append of a bill upserts its counter: a lost race is run again.
      return runTransaction(client, async session => {
        const counter = await col.docSeqs.findOneAndUpdate({ _id: billId }, { $inc: { seq: 1 } },
          { upsert: true, returnDocument: 'after', session })
        if (!counter) throw new Error(`no sequence counter for bill ${billId}`)
        await col.docUpdates.insertOne({ billId, seq: counter.seq, update: toBinary(update) }, { session })
        return counter.seq
      }, { retryDuplicateKey: true })
    },
    async getDocUpdates (billId) {
      const docs = await runTransaction(client, async session =>
        col.docUpdates.find({ billId }, { session }).sort({ seq: 1 }).toArray())
      return docs.map(d => ({ seq: d.seq, update: fromBinary(d.update) }))
    },
    async compactDoc (billId, state, upTo) {
      await runTransaction(client, async session => {
        await col.docUpdates.deleteMany({ billId, seq: { $lte: upTo } }, { session })
        await col.docUpdates.insertOne({ billId, seq: upTo, update: toBinary(state) }, { session })
        // Later appends must number above the merged state, whatever upTo was.
        await col.docSeqs.updateOne({ _id: billId }, { $max: { seq: upTo } }, { upsert: true, session })
      }, { retryDuplicateKey: true })
    }
  }
}
