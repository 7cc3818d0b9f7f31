/**
 * What the synthesis and the exports read in SQLite: keyset pages over a
 * bill's votes and amendments (on indexes, so each page costs its own size
 * whatever the bill's), amendment counts by status, participation figures
 * in a few aggregate queries run in a worker thread (they scan every vote);
 * and `bulkInsert`, which loads generated or
 * imported data with prepared statements in one transaction per batch.
 */
import type Database from 'better-sqlite3'
import type {
  AmendmentStatusCounts, BulkBatch, DayActivity, ExportStore, VoteRecord
} from '../store.ts'
import { DuplicateKeyError } from '../store.ts'
import { noParticipation } from '../types/exports.ts'
import { noAmendments } from '../types/workspace.ts'
import type { AmendmentStatus, ProfileType, TargetType, VoteValue } from '../../../shared/types.ts'
import { type AmendmentRow, toAmendment, INSERT_AMENDMENT_SQL, amendmentParams } from './amendments.ts'
import type { ReadPool, ReadQuery } from './read-worker.ts'
import { nameKey } from '../../../shared/names.ts'

/** A vote of a page: user id, target type, target id, value, time. */
type VoteRow = [string, TargetType, string, VoteValue, string]

const COUNTERS: Record<VoteValue, 0 | 1 | 2> = { for: 0, mixed: 1, against: 2 }

/** The export methods of the SQLite store. */
export function sqliteExports (db: Database.Database, reads: ReadPool): ExportStore {
  // votes_bill is (bill_id) plus the primary key (user_id, target_type, target_id): the keyset order.
  // Rows come as arrays (`raw`): millions of them go through here, and objects cost twice the time.
  const votesPage = db.prepare(`SELECT user_id, target_type, target_id, value, at FROM votes INDEXED BY votes_bill
    WHERE bill_id = @billId AND (user_id, target_type, target_id) > (@userId, @type, @id)
    ORDER BY user_id, target_type, target_id LIMIT @limit`).raw(true)
  const amendmentsPage = db.prepare(`SELECT * FROM amendments INDEXED BY amendments_bill
    WHERE bill_id = @billId AND (created_at, id) > (@createdAt, @id) ORDER BY created_at, id LIMIT @limit`)
  const statusCounts = db.prepare('SELECT article_id, status, count(*) AS n FROM amendments WHERE bill_id = ? GROUP BY article_id, status')
  // Participation aggregates scan every vote of the bill: they run in the read pool (see read-worker.ts).
  const participationQueries = (billId: string): ReadQuery[] => [
    `SELECT u.profile_type AS profile, count(*) AS n FROM (
      SELECT user_id FROM votes WHERE bill_id = @billId
      UNION SELECT author_id FROM arguments WHERE bill_id = @billId AND deleted_at IS NULL
      UNION SELECT author_id FROM amendments WHERE bill_id = @billId AND status != 'withdrawn'
    ) p JOIN users u ON u.id = p.user_id GROUP BY u.profile_type`,
    'SELECT target_type AS type, count(*) AS n FROM votes WHERE bill_id = @billId GROUP BY target_type',
    'SELECT substr(at, 1, 10) AS day, count(*) AS n FROM votes WHERE bill_id = @billId GROUP BY day',
    `SELECT substr(created_at, 1, 10) AS day, count(*) AS n FROM arguments
      WHERE bill_id = @billId AND deleted_at IS NULL GROUP BY day`,
    `SELECT substr(created_at, 1, 10) AS day, count(*) AS n FROM amendments
      WHERE bill_id = @billId AND status != 'withdrawn' GROUP BY day`
  ].map(sql => ({ sql, params: { billId } }))

  const insertUser = db.prepare(`INSERT INTO users (id, email, display_name, role, profile_type, password_hash, created_at, name_key)
    VALUES (@id, @email, @displayName, @role, @profileType, @passwordHash, @createdAt, @nameKey)`)
  const insertArgument = db.prepare(`INSERT INTO arguments (id, bill_id, target_type, target_id, side, body, author_id, created_at, edited_at, deleted_at, deleted_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertAmendment = db.prepare(INSERT_AMENDMENT_SQL)
  const insertVote = db.prepare('INSERT INTO votes (user_id, target_type, target_id, bill_id, value, at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const bumpRevisionTally = db.prepare(`INSERT INTO revision_tallies (target_id, revision, n_for, n_mixed, n_against) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (target_id, revision) DO UPDATE SET n_for = n_for + excluded.n_for, n_mixed = n_mixed + excluded.n_mixed,
      n_against = n_against + excluded.n_against`)
  const bumpTally = db.prepare(`INSERT INTO tallies (target_type, target_id, n_for, n_mixed, n_against) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (target_type, target_id) DO UPDATE SET n_for = n_for + excluded.n_for, n_mixed = n_mixed + excluded.n_mixed,
      n_against = n_against + excluded.n_against`)

  const load = db.transaction((batch: BulkBatch) => {
    for (const u of batch.users ?? []) insertUser.run({ ...u, nameKey: nameKey(u.displayName) })
    for (const a of batch.arguments ?? []) {
      insertArgument.run(a.id, a.billId, a.target.type, a.target.id, a.side, a.body, a.authorId, a.createdAt, a.editedAt, a.deletedAt, a.deletedBy)
    }
    // Bulk loads bring their own numbers (0: none).
    for (const a of batch.amendments ?? []) insertAmendment.run(amendmentParams(a, a.number > 0 ? a.number : null))
    const tallies = new Map<string, [number, number, number]>()
    const revisionTallies = new Map<string, [number, number, number]>()
    for (const v of batch.votes ?? []) {
      insertVote.run(v.userId, v.target.type, v.target.id, v.billId, v.value, v.at, v.revision ?? 1)
      const key = `${v.target.type}\u0000${v.target.id}`
      let t = tallies.get(key)
      if (!t) tallies.set(key, t = [0, 0, 0])
      t[COUNTERS[v.value]]++
      if (v.target.type === 'article') {
        const revKey = `${v.revision ?? 1}\u0000${v.target.id}`
        let r = revisionTallies.get(revKey)
        if (!r) revisionTallies.set(revKey, r = [0, 0, 0])
        r[COUNTERS[v.value]]++
      }
    }
    for (const [key, [f, m, a]] of revisionTallies) {
      const cut = key.indexOf('\u0000')
      bumpRevisionTally.run(key.slice(cut + 1), Number(key.slice(0, cut)), f, m, a)
    }
    for (const [key, [f, m, a]] of tallies) {
      const cut = key.indexOf('\u0000')
      bumpTally.run(key.slice(0, cut), key.slice(cut + 1), f, m, a)
    }
  })

  return {
    async listBillVotes (billId, after, limit) {
      const rows = votesPage.all({ billId, userId: after?.userId ?? '', type: after?.type ?? '', id: after?.id ?? '', limit }) as VoteRow[]
      return rows.map(([userId, type, id, value, at]): VoteRecord => ({ userId, target: { type, id }, billId, value, at }))
    },
    async listBillAmendments (billId, after, limit) {
      const rows = amendmentsPage.all({ billId, createdAt: after?.createdAt ?? '', id: after?.id ?? '', limit }) as AmendmentRow[]
      return rows.map(toAmendment)
    },
    async amendmentStatusCounts (billId) {
      const out = new Map<string, AmendmentStatusCounts>()
      for (const r of statusCounts.all(billId) as { article_id: string; status: AmendmentStatus; n: number }[]) {
        let counts = out.get(r.article_id)
        if (!counts) out.set(r.article_id, counts = noAmendments())
        counts[r.status] = r.n
      }
      return out
    },
    async participation (billId) {
      const out = noParticipation()
      const [profiles, types, votesByDay, argumentsByDay, amendmentsByDay] = await reads.run(participationQueries(billId)) as [
        { profile: ProfileType; n: number }[], { type: TargetType; n: number }[], { day: string; n: number }[], { day: string; n: number }[], { day: string; n: number }[]
      ]
      for (const r of profiles) out.participants[r.profile] = r.n
      for (const r of types) out.votes[r.type] = r.n
      const days = new Map<string, DayActivity>()
      const day = (d: string): DayActivity => {
        let a = days.get(d)
        if (!a) days.set(d, a = { day: d, votes: 0, amendments: 0, arguments: 0 })
        return a
      }
      for (const r of votesByDay) day(r.day).votes = r.n
      for (const r of argumentsByDay) {
        day(r.day).arguments = r.n
        out.arguments += r.n
      }
      for (const r of amendmentsByDay) {
        day(r.day).amendments = r.n
        out.amendments += r.n
      }
      out.days = [...days.values()].sort((a, b) => a.day < b.day ? -1 : a.day > b.day ? 1 : 0)
      return out
    },
    async bulkInsert (batch) {
      try {
        load(batch)
      } catch (err) {
        const code = String((err as { code?: string }).code)
        if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError('bulk')
        throw err
      }
    }
  }
}
