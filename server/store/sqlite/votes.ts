/** Votes and their counters in SQLite: one row per user and target, counters in the same transaction. */
import type Database from 'better-sqlite3'
import type { RevisionCount, VoteRevisionStore, VoteStore, VoteTarget } from '../store.ts'
import type { Tally, VoteValue } from '../../../shared/types.ts'

const COLUMN: Record<VoteValue, string> = { for: 'n_for', mixed: 'n_mixed', against: 'n_against' }
const ZERO: Tally = Object.freeze({ for: 0, mixed: 0, against: 0 })

interface TallyRow { target_id: string; n_for: number; n_mixed: number; n_against: number }
const toTally = (r: TallyRow | undefined): Tally => r ? { for: r.n_for, mixed: r.n_mixed, against: r.n_against } : { ...ZERO }

/** The vote methods of the SQLite store. */
export function sqliteVotes (db: Database.Database): VoteStore & VoteRevisionStore {
  const previous = db.prepare('SELECT value, revision FROM votes WHERE user_id = ? AND target_type = ? AND target_id = ?')
  const upsertVote = db.prepare(`INSERT INTO votes (user_id, target_type, target_id, bill_id, value, at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(user_id, target_type, target_id) DO UPDATE SET value = excluded.value, at = excluded.at, revision = excluded.revision`)
  const deleteVote = db.prepare('DELETE FROM votes WHERE user_id = ? AND target_type = ? AND target_id = ?')
  const ensureTally = db.prepare('INSERT OR IGNORE INTO tallies (target_type, target_id) VALUES (?, ?)')
  const bump = Object.fromEntries(Object.entries(COLUMN).map(([v, col]) => [v,
    db.prepare(`UPDATE tallies SET ${col} = ${col} + ? WHERE target_type = ? AND target_id = ?`)])) as Record<VoteValue, Database.Statement>
  const tallyOf = db.prepare('SELECT * FROM tallies WHERE target_type = ? AND target_id = ?')
  const voters = db.prepare('SELECT coalesce((SELECT voters FROM bill_stats WHERE bill_id = ?), 0) AS n')
  // An article's counters per revision (issue 16): moved with each vote, in the same transaction.
  const ensureRevisionTally = db.prepare('INSERT OR IGNORE INTO revision_tallies (target_id, revision) VALUES (?, ?)')
  const bumpRevision = Object.fromEntries(Object.entries(COLUMN).map(([v, col]) => [v,
    db.prepare(`UPDATE revision_tallies SET ${col} = ${col} + ? WHERE target_id = ? AND revision = ?`)])) as Record<VoteValue, Database.Statement>
  const revisionTalliesOf = db.prepare('SELECT * FROM revision_tallies WHERE target_id IN (SELECT value FROM json_each(?)) ORDER BY target_id, revision')
  const userRevisions = db.prepare('SELECT target_id, revision FROM votes WHERE user_id = ? AND target_type = \'article\' AND target_id IN (SELECT value FROM json_each(?))')

  const cast = db.transaction((userId: string, t: VoteTarget, billId: string, value: VoteValue, at: string, revision: number): Tally => {
    const prev = previous.get(userId, t.type, t.id) as { value: VoteValue; revision: number } | undefined
    if (prev?.value !== value || prev.revision !== revision) {
      upsertVote.run(userId, t.type, t.id, billId, value, at, revision)
      if (prev?.value !== value) {
        ensureTally.run(t.type, t.id)
        if (prev) bump[prev.value].run(-1, t.type, t.id)
        bump[value].run(1, t.type, t.id)
      }
      if (t.type === 'article') {
        if (prev) bumpRevision[prev.value].run(-1, t.id, prev.revision)
        ensureRevisionTally.run(t.id, revision)
        bumpRevision[value].run(1, t.id, revision)
      }
    }
    return toTally(tallyOf.get(t.type, t.id) as TallyRow | undefined)
  })
  const remove = db.transaction((userId: string, t: VoteTarget): Tally => {
    const prev = previous.get(userId, t.type, t.id) as { value: VoteValue; revision: number } | undefined
    if (prev) {
      deleteVote.run(userId, t.type, t.id)
      bump[prev.value].run(-1, t.type, t.id)
      if (t.type === 'article') bumpRevision[prev.value].run(-1, t.id, prev.revision)
    }
    return toTally(tallyOf.get(t.type, t.id) as TallyRow | undefined)
  })

  return {
    async castVote (v) {
      return cast(v.userId, v.target, v.billId, v.value, v.at, v.revision ?? 1)
    },
    async removeVote (userId, target) {
      return remove(userId, target)
    },
    async getTally (t) {
      return toTally(tallyOf.get(t.type, t.id) as TallyRow | undefined)
    },
    async getTallies (type, ids) {
      const out = new Map<string, Tally>()
      for (const id of ids) out.set(id, { ...ZERO })
      if (ids.length === 0) return out
      const rows = db.prepare('SELECT * FROM tallies WHERE target_type = ? AND target_id IN (SELECT value FROM json_each(?))')
        .all(type, JSON.stringify(ids)) as TallyRow[]
      for (const r of rows) out.set(r.target_id, toTally(r))
      return out
    },
    async getUserVotes (userId, type, ids) {
      const out = new Map<string, VoteValue>()
      if (ids.length === 0) return out
      const rows = db.prepare('SELECT target_id, value FROM votes WHERE user_id = ? AND target_type = ? AND target_id IN (SELECT value FROM json_each(?))')
        .all(userId, type, JSON.stringify(ids)) as { target_id: string; value: VoteValue }[]
      for (const r of rows) out.set(r.target_id, r.value)
      return out
    },
    async countVoters (billId) {
      return (voters.get(billId) as { n: number }).n
    },
    async getRevisionTallies (articleIds) {
      const out = new Map<string, RevisionCount[]>()
      for (const id of articleIds) out.set(id, [])
      if (articleIds.length === 0) return out
      const rows = revisionTalliesOf.all(JSON.stringify(articleIds)) as (TallyRow & { revision: number })[]
      for (const r of rows) out.get(r.target_id)?.push({ revision: r.revision, tally: toTally(r) })
      return out
    },
    async getUserVoteRevisions (userId, articleIds) {
      const out = new Map<string, number>()
      if (articleIds.length === 0) return out
      const rows = userRevisions.all(userId, JSON.stringify(articleIds)) as { target_id: string; revision: number }[]
      for (const r of rows) out.set(r.target_id, r.revision)
      return out
    }
  }
}
