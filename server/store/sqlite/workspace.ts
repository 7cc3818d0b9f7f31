/**
 * The authors' and staff's space in SQLite: one indexed query per bill
 * (`amendments_bill`, `arguments_bill_keyset`: bill, created_at, id), each
 * bounded by the limit, merged in memory; someone edits a handful of bills.
 */
import type Database from 'better-sqlite3'
import type { AmendmentStatus } from '../../../shared/types.ts'
import type { WorkspaceStore } from '../store.ts'
import { byCreation, mergeFirst, noAmendments } from '../types/workspace.ts'
import { toAmendment, type AmendmentRow } from './amendments.ts'
import { toArgument } from './arguments.ts'

/** The workspace methods of the SQLite store. */
export function sqliteWorkspace (db: Database.Database): WorkspaceStore {
  const counts = db.prepare('SELECT status, count(*) AS n FROM amendments WHERE bill_id = ? GROUP BY status')
  const oldestProposed = db.prepare("SELECT * FROM amendments WHERE bill_id = ? AND status = 'proposed' ORDER BY created_at, id LIMIT ?")
  const recentAmendments = db.prepare('SELECT * FROM amendments WHERE bill_id = ? ORDER BY created_at DESC, id DESC LIMIT ?')
  const recentArguments = db.prepare('SELECT * FROM arguments WHERE bill_id = ? AND deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?')
  const distinct = (ids: string[]) => [...new Set(ids)]
  return {
    async countAmendmentsByStatus (billIds) {
      const out = new Map(distinct(billIds).map(id => [id, noAmendments()]))
      for (const [id, c] of out) {
        for (const r of counts.all(id) as { status: AmendmentStatus; n: number }[]) if (r.status in c) c[r.status] = r.n
      }
      return out
    },
    async listOldestProposed (billIds, limit) {
      const lists = distinct(billIds).map(id => (oldestProposed.all(id, limit) as AmendmentRow[]).map(toAmendment))
      return mergeFirst(lists, byCreation, limit)
    },
    async listRecentAmendments (billIds, limit) {
      const lists = distinct(billIds).map(id => (recentAmendments.all(id, limit) as AmendmentRow[]).map(toAmendment))
      return mergeFirst(lists, (a, b) => byCreation(b, a), limit)
    },
    async listRecentArguments (billIds, limit) {
      const lists = distinct(billIds).map(id => (recentArguments.all(id, limit) as Parameters<typeof toArgument>[0][]).map(toArgument))
      return mergeFirst(lists, (a, b) => byCreation(b, a), limit)
    }
  }
}
