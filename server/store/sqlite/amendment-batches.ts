/** Official amendments stored many at once in SQLite: one immediate transaction, numbered in order. */
import type Database from 'better-sqlite3'
import type { AmendmentBatchStore, AmendmentRecord } from '../store.ts'
import { DuplicateKeyError } from '../store.ts'
import { INSERT_AMENDMENT_SQL, NEXT_NUMBER_SQL, amendmentParams } from './amendments.ts'

/** The batch methods of the SQLite store. */
export function sqliteAmendmentBatches (db: Database.Database): AmendmentBatchStore {
  const insert = db.prepare(INSERT_AMENDMENT_SQL)
  const nextNumber = db.prepare(NEXT_NUMBER_SQL)
  const insertAll = db.transaction((amendments: AmendmentRecord[]): number[] => {
    const numbers: number[] = []
    const next = new Map<string, number>()
    for (const am of amendments) {
      const n = next.get(am.billId) ?? (nextNumber.get(am.billId) as { n: number }).n
      insert.run(amendmentParams(am, n))
      next.set(am.billId, n + 1)
      numbers.push(n)
    }
    return numbers
  })
  return {
    async createAmendments (amendments) {
      try {
        return insertAll.immediate(amendments)
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError('id')
        throw err
      }
    }
  }
}
