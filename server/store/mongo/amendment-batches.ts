/**
 * Official amendments stored many at once in MongoDB: the bill's number
 * counter advances by the batch size and every document is inserted in the
 * same transaction, so a failed import stores nothing and takes no numbers.
 */
import type { AmendmentBatchStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { amendmentDoc } from './amendment-documents.ts'
import { refuseDuplicate } from './errors.ts'
import { runTransaction } from './transactions.ts'

/** The batch methods of the MongoDB store. */
export function mongoAmendmentBatches ({ client, col }: MongoContext): AmendmentBatchStore {
  return {
    async createAmendments (amendments) {
      if (amendments.length === 0) return []
      return runTransaction(client, async session => {
        const numbers: number[] = []
        const byBill = new Map<string, number>()
        for (const a of amendments) byBill.set(a.billId, (byBill.get(a.billId) ?? 0) + 1)
        const next = new Map<string, number>()
        for (const [billId, count] of byBill) {
          const counter = await col.amendmentNumbers.findOneAndUpdate({ _id: billId }, { $inc: { seq: count } },
            { upsert: true, returnDocument: 'after', session })
          if (!counter) throw new RangeError(`no amendment counter for bill ${billId}`)
          next.set(billId, counter.seq - count + 1)
        }
        const docs = amendments.map(a => {
          const n = next.get(a.billId)!
          next.set(a.billId, n + 1)
          numbers.push(n)
          return { ...amendmentDoc(a), number: n }
        })
        await refuseDuplicate(col.amendments.insertMany(docs, { session, ordered: true }), 'id')
        return numbers
      })
    }
  }
}
