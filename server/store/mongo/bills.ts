/**
 * Bills, revisions and articles in MongoDB. Publishing a revision touches
 * three collections (revisions, articles, bills) in one transaction: either
 * all of it is stored or, on any refusal, none of it.
 */
import type { ClientSession, Filter } from 'mongodb'
import type { BillPatch, BillRecord, BillStore } from '../store.ts'
import { DuplicateKeyError } from '../store.ts'
import type { MongoContext } from './schema.ts'
import type { BillDoc } from './documents.ts'
import { articleFields, billDoc, revisionDoc, toArticle, toBill, toRevision } from './documents.ts'
import { refuseDuplicate } from './errors.ts'
import { runTransaction } from './transactions.ts'

const PATCH_FIELDS = ['title', 'summary', 'status', 'opensAt', 'closesAt', 'editors', 'revision', 'updatedAt', 'wordingStyle', 'requirements'] as const satisfies readonly (keyof BillPatch)[]

/** The `$set` of a patch: its defined fields only (BillPatch field names are the document's). */
export function billSet (patch: BillPatch): Partial<BillDoc> {
  const set: Partial<Record<keyof BillPatch, unknown>> = {}
  for (const k of PATCH_FIELDS) {
    if (patch[k] !== undefined) set[k] = k === 'editors' || k === 'requirements' ? [...(patch[k] ?? [])] : patch[k]
  }
  return set as Partial<BillDoc>
}

/** The bill, revision and article methods of the MongoDB store. */
export function mongoBills ({ client, col }: MongoContext): BillStore {
  /** Applies a patch (atomically, on one document) and returns the bill as it is then. */
  const patchBill = async (id: string, patch: BillPatch, session?: ClientSession): Promise<BillRecord | null> => {
    const set = billSet(patch)
    const d = Object.keys(set).length === 0
      ? await col.bills.findOne({ _id: id }, { session })
      : await col.bills.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after', session })
    return d ? toBill(d) : null
  }

  return {
    async createBill (bill) {
      await refuseDuplicate(col.bills.insertOne(billDoc(bill)), 'id')
    },
    async getBill (id) {
      const d = await col.bills.findOne({ _id: id })
      return d ? toBill(d) : null
    },
    async listBills (query) {
      let filter: Filter<BillDoc> = {}
      if (!query.all) {
        const visible: Filter<BillDoc> = { status: { $in: query.statuses } }
        filter = query.editorId === undefined ? visible : { $or: [visible, { editors: query.editorId }] }
      }
      return (await col.bills.find(filter).sort({ createdAt: -1, _id: 1 }).toArray()).map(toBill)
    },
    async updateBill (id, patch) {
      return patchBill(id, patch)
    },
    async publishRevision (rev, patch) {
      return runTransaction(client, async session => {
        if (!await col.bills.findOne({ _id: rev.billId }, { session, projection: { _id: 1 } })) {
          throw new RangeError(`no bill ${rev.billId}`)
        }
        await refuseDuplicate(col.revisions.insertOne(revisionDoc(rev), { session }), 'revision')
        if (rev.articles.length > 0) {
          // An article id is never reused: one of another bill is refused, not taken over.
          const foreign = await col.articles.findOne(
            { _id: { $in: rev.articles.map(a => a.id) }, billId: { $ne: rev.billId } },
            { session, projection: { _id: 1 } })
          if (foreign) throw new DuplicateKeyError('article')
          // The filter's billId also guards the upsert: were a foreign article inserted
          // concurrently, the upsert would collide on _id (a write conflict, then 11000).
          await refuseDuplicate(col.articles.bulkWrite(rev.articles.map((a, position) => ({
            updateOne: {
              filter: { _id: a.id, billId: rev.billId },
              update: { $set: articleFields(a, rev.number, position) },
              upsert: true
            }
          })), { session, ordered: true }), 'article')
        }
        await col.articles.updateMany(
          { billId: rev.billId, revision: { $lt: rev.number }, removedIn: null },
          { $set: { removedIn: rev.number } },
          { session })
        const bill = await patchBill(rev.billId, patch, session)
        if (!bill) throw new RangeError(`no bill ${rev.billId}`)
        return bill
      })
    },
    async getRevision (billId, number) {
      const d = await col.revisions.findOne({ billId, number })
      return d ? toRevision(d) : null
    },
    async getArticle (id) {
      const d = await col.articles.findOne({ _id: id })
      return d ? toArticle(d) : null
    },
    async getArticleWithBill (id) {
      // Two reads by _id: a $lookup would not save a round trip on a sharded cluster (articles and bills are keyed apart).
      const a = await col.articles.findOne({ _id: id })
      if (!a) return null
      const b = await col.bills.findOne({ _id: a.billId })
      return b ? { article: toArticle(a), bill: toBill(b) } : null
    },
    async listArticles (billId) {
      return (await col.articles.find({ billId, removedIn: null }).sort({ position: 1 }).toArray()).map(toArticle)
    }
  }
}
