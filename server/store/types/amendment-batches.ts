/** Amendments stored many at once (official imports), numbered together. */
import type { AmendmentRecord } from './amendments.ts'

export interface AmendmentBatchStore {
  /**
   * Inserts every amendment or none (one transaction), numbering them in
   * order after the bill's last number; returns their numbers in the same
   * order. Throws DuplicateKeyError('id') (and stores nothing) on an id clash.
   */
  createAmendments (amendments: AmendmentRecord[]): Promise<number[]>
}
