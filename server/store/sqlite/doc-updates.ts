/** The Yjs updates of bills' working texts in SQLite, appended then compacted. */
import type Database from 'better-sqlite3'
import type { DocStore } from '../store.ts'

/** The document methods of the SQLite store. */
export function sqliteDocs (db: Database.Database): DocStore {
  const last = db.prepare('SELECT max(seq) AS seq FROM doc_updates WHERE bill_id = ?')
  const insert = db.prepare('INSERT INTO doc_updates (bill_id, seq, update_data) VALUES (?, ?, ?)')
  const all = db.prepare('SELECT seq, update_data FROM doc_updates WHERE bill_id = ? ORDER BY seq')
  const dropUpTo = db.prepare('DELETE FROM doc_updates WHERE bill_id = ? AND seq <= ?')

  const append = db.transaction((billId: string, update: Uint8Array): number => {
    const seq = ((last.get(billId) as { seq: number | null }).seq ?? 0) + 1
    insert.run(billId, seq, Buffer.from(update.buffer, update.byteOffset, update.byteLength))
    return seq
  })
  const compact = db.transaction((billId: string, state: Uint8Array, upTo: number) => {
    dropUpTo.run(billId, upTo)
    insert.run(billId, upTo, Buffer.from(state.buffer, state.byteOffset, state.byteLength))
  })

  return {
    async appendDocUpdate (billId, update) {
      return append(billId, update)
    },
    async getDocUpdates (billId) {
      return (all.all(billId) as { seq: number; update_data: Buffer }[])
        .map(r => ({ seq: r.seq, update: new Uint8Array(r.update_data.buffer, r.update_data.byteOffset, r.update_data.byteLength) }))
    },
    async compactDoc (billId, state, upTo) {
      compact(billId, state, upTo)
    }
  }
}
