/**
 * Councils and their volunteers in SQLite. The council itself is one row
 * (status, version and count as columns for compare-and-set, the rest as
 * JSON); volunteers are rows so that joining and leaving are cheap and the
 * counts per category value are one aggregate.
 */
import type Database from 'better-sqlite3'
import type { CouncilRecord, CouncilStore, VolunteerRecord } from '../store.ts'

interface CouncilRow { bill_id: string; status: string; version: number; volunteers_count: number; data: string }
interface VolunteerRow { bill_id: string; user_id: string; answers: string; at: string }

function toCouncil (r: CouncilRow): CouncilRecord {
  const data = JSON.parse(r.data) as Omit<CouncilRecord, 'billId' | 'status' | 'version' | 'volunteersCount'>
  return { ...data, billId: r.bill_id, status: r.status as CouncilRecord['status'], version: r.version, volunteersCount: r.volunteers_count }
}

function dataOf (c: CouncilRecord): string {
  const { billId: _b, status: _s, version: _v, volunteersCount: _n, ...data } = c
  return JSON.stringify(data)
}

function toVolunteer (r: VolunteerRow): VolunteerRecord {
  return { billId: r.bill_id, userId: r.user_id, answers: JSON.parse(r.answers) as Record<string, string>, at: r.at }
}

/** The council methods of the SQLite store. */
export function sqliteCouncil (db: Database.Database): CouncilStore {
  const get = db.prepare('SELECT * FROM councils WHERE bill_id = ?')
  const insert = db.prepare('INSERT OR IGNORE INTO councils (bill_id, status, version, volunteers_count, data) VALUES (@billId, @status, @version, @count, @data)')
  const update = db.prepare(`UPDATE councils SET status = @status, version = @version, volunteers_count = @count, data = @data
    WHERE bill_id = @billId AND version = @expected`)
  const volunteer = db.prepare('SELECT * FROM council_volunteers WHERE bill_id = ? AND user_id = ?')
  const upsertVolunteer = db.prepare(`INSERT INTO council_volunteers (bill_id, user_id, answers, at) VALUES (?, ?, ?, ?)
    ON CONFLICT(bill_id, user_id) DO UPDATE SET answers = excluded.answers, at = excluded.at`)
  const deleteVolunteer = db.prepare('DELETE FROM council_volunteers WHERE bill_id = ? AND user_id = ?')
  const bump = db.prepare('UPDATE councils SET version = version + 1, volunteers_count = volunteers_count + ? WHERE bill_id = ?')
  const all = db.prepare('SELECT * FROM council_volunteers WHERE bill_id = ? ORDER BY user_id')
  const counts = db.prepare(`SELECT j.key AS category, j.value AS value, count(*) AS n
    FROM council_volunteers v, json_each(v.answers) j WHERE v.bill_id = ? GROUP BY j.key, j.value`)

  const save = (c: CouncilRecord, expected: number | null): boolean => {
    const row = { billId: c.billId, status: c.status, version: c.version, count: c.volunteersCount, data: dataOf(c) }
    return expected === null ? insert.run(row).changes === 1 : update.run({ ...row, expected }).changes === 1
  }

  const add = db.transaction((v: VolunteerRecord): 'added' | 'updated' | 'closed' => {
    const c = get.get(v.billId) as CouncilRow | undefined
    if (!c || c.status !== 'recruiting') return 'closed'
    const existed = volunteer.get(v.billId, v.userId) !== undefined
    upsertVolunteer.run(v.billId, v.userId, JSON.stringify(v.answers), v.at)
    bump.run(existed ? 0 : 1, v.billId)
    return existed ? 'updated' : 'added'
  })

  const remove = db.transaction((billId: string, userId: string): 'removed' | 'absent' | 'closed' => {
    const c = get.get(billId) as CouncilRow | undefined
    if (!c || c.status !== 'recruiting') return 'closed'
    if (deleteVolunteer.run(billId, userId).changes === 0) return 'absent'
    bump.run(-1, billId)
    return 'removed'
  })

  const commit = db.transaction((billId: string, expected: number, freeze: (v: VolunteerRecord[]) => CouncilRecord): CouncilRecord | null => {
    const c = get.get(billId) as CouncilRow | undefined
    if (!c || c.status !== 'recruiting' || c.version !== expected) return null
    const next = freeze((all.all(billId) as VolunteerRow[]).map(toVolunteer))
    return save(next, expected) ? next : null
  })

  return {
    async getCouncil (billId) {
      const r = get.get(billId) as CouncilRow | undefined
      return r ? toCouncil(r) : null
    },
    async saveCouncil (c, expected) { return save(c, expected) },
    async addVolunteer (v) { return add(v) },
    async removeVolunteer (billId, userId) { return remove(billId, userId) },
    async getVolunteer (billId, userId) {
      const r = volunteer.get(billId, userId) as VolunteerRow | undefined
      return r ? toVolunteer(r) : null
    },
    async volunteerCounts (billId) {
      const out: Record<string, Record<string, number>> = {}
      for (const r of counts.all(billId) as { category: string; value: string; n: number }[]) {
        (out[r.category] ??= {})[r.value] = r.n
      }
      return out
    },
    async commitCouncil (billId, expected, freeze) { return commit(billId, expected, freeze) }
  }
}
