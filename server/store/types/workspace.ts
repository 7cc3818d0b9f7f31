/** What the authors' and staff's space reads across the bills someone edits: counts, the oldest to decide, the latest activity. */
import type { AmendmentRecord } from './amendments.ts'
import type { ArgumentRecord } from './arguments.ts'
import type { AmendmentStatusCounts } from './exports.ts'

export interface WorkspaceStore {
  /** The amendments of each bill (additional articles included) counted by status; every id given is in the map (zeros when none). */
  countAmendmentsByStatus (billIds: string[]): Promise<Map<string, AmendmentStatusCounts>>
  /** The `proposed` amendments of these bills, oldest first (creation time, then id), at most `limit`. */
  listOldestProposed (billIds: string[], limit: number): Promise<AmendmentRecord[]>
  /** The amendments of these bills (any status), newest first (creation time, then id), at most `limit`. */
  listRecentAmendments (billIds: string[], limit: number): Promise<AmendmentRecord[]>
  /** The arguments of these bills that are not deleted, newest first (creation time, then id), at most `limit`. */
  listRecentArguments (billIds: string[], limit: number): Promise<ArgumentRecord[]>
}

/** Zero of every status. */
export function noAmendments (): AmendmentStatusCounts {
  return { proposed: 0, accepted: 0, rejected: 0, withdrawn: 0 }
}

/** The first `limit` items of several lists each already in `order`, merged in that order. */
export function mergeFirst<T> (lists: T[][], order: (a: T, b: T) => number, limit: number): T[] {
  return lists.flat().sort(order).slice(0, limit)
}

/** Creation time then id, ascending. */
export function byCreation (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
