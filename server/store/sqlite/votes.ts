/** Votes and their counters in SQLite: one row per user and target, counters in the same transaction. */
import type Database from 'better-sqlite3'
import type { RevisionCount, VoteRevisionStore, VoteStore, VoteTarget } from '../store.ts'
import type { Tally, VoteValue } from '../../../shared/types.ts'
import { groupCommit } from './group-commit.ts'

/** The position of each value in the counters' [for, mixed, against] deltas. */
const INDEX: Record<VoteValue, 0 | 1 | 2> = { for: 0, mixed: 1, against: 2 }
const ZERO: Tally = Object.freeze({ for: 0, mixed: 0, against: 0 })

interface TallyRow { target_id: string; n_for: number; n_mixed: number; n_against: number }
const toTally = (r: TallyRow | undefined): Tally => r ? { for: r.n_for, mixed: r.n_mixed, against: r.n_against } : { ...ZERO }

/** The vote methods of the SQLite store. */
export function sqliteVotes (db: Database.Database): VoteStore & VoteRevisionStore {
  const previous = db.prepare('SELECT value, revision FROM votes WHERE user_id = ? AND target_type = ? AND target_id = ?')
  const upsertVote = db.prepare(`INSERT INTO votes (user_id, target_type, target_id, bill_id, value, at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT(user_id, target_type, target_id) DO UPDATE SET value = excluded.value, at = excluded.at, revision = excluded.revision`)
  const deleteVote = db.prepare('DELETE FROM votes WHERE user_id = ? AND target_type = ? AND target_id = ?')
  // A target's counters moved by a delta per value, created at zero when missing: one statement, which also
  // returns the new counters (the tally the vote answers with).
  const addTally = db.prepare(`INSERT INTO tallies (target_type, target_id, n_for, n_mixed, n_against) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(target_type, target_id) DO UPDATE SET n_for = n_for + excluded.n_for, n_mixed = n_mixed + excluded.n_mixed,
      n_against = n_against + excluded.n_against
    RETURNING target_id, n_for, n_mixed, n_against`)
  const tallyOf = db.prepare('SELECT * FROM tallies WHERE target_type = ? AND target_id = ?')
  const voters = db.prepare('SELECT coalesce((SELECT voters FROM bill_stats WHERE bill_id = ?), 0) AS n')
  // An article's counters per revision (issue 16): moved with each vote, in the same transaction, likewise.
  const addRevisionTally = db.prepare(`INSERT INTO revision_tallies (target_id, revision, n_for, n_mixed, n_against) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT(target_id, revision) DO UPDATE SET n_for = n_for + excluded.n_for, n_mixed = n_mixed + excluded.n_mixed,
      n_against = n_against + excluded.n_against`)
  const revisionTalliesOf = db.prepare('SELECT * FROM revision_tallies WHERE target_id IN (SELECT value FROM json_each(?)) ORDER BY target_id, revision')
  const userRevisions = db.prepare('SELECT target_id, revision FROM votes WHERE user_id = ? AND target_type = \'article\' AND target_id IN (SELECT value FROM json_each(?))')

  /** The change of counters from `before` to `after` (either may be absent), as [for, mixed, against]. */
  const delta = (before: VoteValue | undefined, after: VoteValue | undefined): [number, number, number] => {
    const d: [number, number, number] = [0, 0, 0]
    if (before) d[INDEX[before]] -= 1
    if (after) d[INDEX[after]] += 1
    return d
  }

  const cast = db.transaction((userId: string, t: VoteTarget, billId: string, value: VoteValue, at: string, revision: number): Tally => {
    const prev = previous.get(userId, t.type, t.id) as { value: VoteValue; revision: number } | undefined
    if (prev?.value === value && prev.revision === revision) return toTally(tallyOf.get(t.type, t.id) as TallyRow | undefined)
    upsertVote.run(userId, t.type, t.id, billId, value, at, revision)
    if (t.type === 'article') {
      if (prev && prev.revision === revision) addRevisionTally.run(t.id, revision, ...delta(prev.value, value))
      else {
        if (prev) addRevisionTally.run(t.id, prev.revision, ...delta(prev.value, undefined))
        addRevisionTally.run(t.id, revision, ...delta(undefined, value))
      }
    }
    if (prev?.value === value) return toTally(tallyOf.get(t.type, t.id) as TallyRow | undefined)
    return toTally(addTally.get(t.type, t.id, ...delta(prev?.value, value)) as TallyRow)
  })
  const remove = db.transaction((userId: string, t: VoteTarget): Tally => {
    const prev = previous.get(userId, t.type, t.id) as { value: VoteValue; revision: number } | undefined
    if (!prev) return toTally(tallyOf.get(t.type, t.id) as TallyRow | undefined)
    deleteVote.run(userId, t.type, t.id)
    if (t.type === 'article') addRevisionTally.run(t.id, prev.revision, ...delta(prev.value, undefined))
    return toTally(addTally.get(t.type, t.id, ...delta(prev.value, undefined)) as TallyRow)
  })

  // Votes and withdrawals of one turn of the event loop share one commit (group-commit.ts), in order.
  const grouped = groupCommit(db)
  const castGrouped = grouped(cast)
  const removeGrouped = grouped(remove)

  return {
    castVote (v) {
      return castGrouped(v.userId, v.target, v.billId, v.value, v.at, v.revision ?? 1)
    },
    removeVote (userId, target) {
      return removeGrouped(userId, target)
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
