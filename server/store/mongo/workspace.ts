/**
 * The authors' and staff's space in MongoDB: counts by status with one
 * aggregation, lists with `$in` on the bill and a sort on the indexed
 * (billId, createdAt) keys, bounded by the limit.
 */
import type { AmendmentStatus } from '../../../shared/types.ts'
import type { WorkspaceStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { noAmendments } from '../types/workspace.ts'
import { toAmendment } from './amendment-documents.ts'
import { toArgument } from './debate-documents.ts'

/** The workspace methods of the MongoDB store. */
export function mongoWorkspace ({ col }: MongoContext): WorkspaceStore {
  const distinct = (ids: string[]) => [...new Set(ids)]
  return {
    async countAmendmentsByStatus (billIds) {
      const ids = distinct(billIds)
      const out = new Map(ids.map(id => [id, noAmendments()]))
      if (ids.length === 0) return out
      const rows = await col.amendments.aggregate<{ _id: { billId: string; status: AmendmentStatus }; n: number }>([
        { $match: { billId: { $in: ids } } },
        { $group: { _id: { billId: '$billId', status: '$status' }, n: { $sum: 1 } } }
      ]).toArray()
      for (const r of rows) {
        const c = out.get(r._id.billId)
        if (c && r._id.status in c) c[r._id.status] = r.n
      }
      return out
    },
    async listOldestProposed (billIds, limit) {
      const docs = await col.amendments.find({ billId: { $in: distinct(billIds) }, status: 'proposed' }).sort({ createdAt: 1, _id: 1 }).limit(limit).toArray()
      return docs.map(toAmendment)
    },
    async listRecentAmendments (billIds, limit) {
      const docs = await col.amendments.find({ billId: { $in: distinct(billIds) } }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toAmendment)
    },
    async listRecentArguments (billIds, limit) {
      const docs = await col.arguments.find({ billId: { $in: distinct(billIds) }, deletedAt: null }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toArgument)
    }
  }
}
