/**
 * Arguments in SQLite. Upvotes are votes on the target `{ type: 'argument' }`
 * (the vote tables); lists read their counter with a join, so sorting by
 * upvotes and paging happen in one query.
 */
import type Database from 'better-sqlite3'
import type { ArgumentCounts, ArgumentRecord, ArgumentStore, ListedArgument, StaffArgument } from '../store.ts'
import { DuplicateKeyError } from '../store.ts'
import type { ArgumentSide, ModerationReason } from '../../../shared/types.ts'

interface ArgumentRow {
  id: string; bill_id: string; target_type: string; target_id: string; side: string; body: string
  author_id: string; created_at: string; edited_at: string | null; deleted_at: string | null; deleted_by: string | null
}
interface ListedRow extends ArgumentRow { upvotes: number }
interface StaffRow extends ListedRow { hidden: number | null; hidden_reason: string | null }

export function toArgument (r: ArgumentRow): ArgumentRecord {
  return {
    id: r.id,
    billId: r.bill_id,
    target: { type: r.target_type as ArgumentRecord['target']['type'], id: r.target_id },
    side: r.side as ArgumentSide,
    body: r.body,
    authorId: r.author_id,
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
    deletedBy: r.deleted_by
  }
}

const toListed = (r: ListedRow): ListedArgument => ({ ...toArgument(r), upvotes: r.upvotes })

const UPVOTES = 'COALESCE(t.n_for, 0)'
const FROM = `FROM arguments a LEFT JOIN tallies t ON t.target_type = 'argument' AND t.target_id = a.id`

/** The argument methods of the SQLite store. */
export function sqliteArguments (db: Database.Database): ArgumentStore {
  const insert = db.prepare(`INSERT INTO arguments (id, bill_id, target_type, target_id, side, body, author_id, created_at, edited_at, deleted_at, deleted_by)
    VALUES (@id, @billId, @targetType, @targetId, @side, @body, @authorId, @createdAt, @editedAt, @deletedAt, @deletedBy)`)
  const byId = db.prepare('SELECT * FROM arguments WHERE id = ?')
  const setBody = db.prepare('UPDATE arguments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL')
  const dropVotes = db.prepare(`DELETE FROM votes WHERE target_type = 'argument' AND target_id = ?`)
  const zeroTally = db.prepare(`UPDATE tallies SET n_for = 0, n_mixed = 0, n_against = 0 WHERE target_type = 'argument' AND target_id = ?`)
  const markDeleted = db.prepare('UPDATE arguments SET deleted_at = ?, deleted_by = ? WHERE id = ? AND deleted_at IS NULL')
  const ofBill = db.prepare(`SELECT a.*, ${UPVOTES} AS upvotes, m.hidden AS hidden, m.reason AS hidden_reason ${FROM}
    LEFT JOIN moderation_state m ON m.target_type = 'argument' AND m.target_id = a.id
    WHERE a.bill_id = ? AND a.deleted_at IS NULL ORDER BY a.created_at, a.id`)
  // Keyset pages for exports, on arguments_bill_keyset (bill_id, created_at, id).
  const ofBillPage = db.prepare(`SELECT a.*, ${UPVOTES} AS upvotes, m.hidden AS hidden, m.reason AS hidden_reason ${FROM}
    LEFT JOIN moderation_state m ON m.target_type = 'argument' AND m.target_id = a.id
    WHERE a.bill_id = @billId AND (a.created_at, a.id) > (@createdAt, @id) AND a.deleted_at IS NULL
    ORDER BY a.created_at, a.id LIMIT @limit`)

  const lists = {
    recent: (after: boolean) => db.prepare(`SELECT a.*, ${UPVOTES} AS upvotes ${FROM}
      WHERE a.target_type = @type AND a.target_id = @id AND a.deleted_at IS NULL AND (@side IS NULL OR a.side = @side)
      ${after ? 'AND (a.created_at < @createdAt OR (a.created_at = @createdAt AND a.id < @cid))' : ''}
      ORDER BY a.created_at DESC, a.id DESC LIMIT @limit`),
    upvotes: (after: boolean) => db.prepare(`SELECT a.*, ${UPVOTES} AS upvotes ${FROM}
      WHERE a.target_type = @type AND a.target_id = @id AND a.deleted_at IS NULL AND (@side IS NULL OR a.side = @side)
      ${after ? `AND (${UPVOTES} < @upvotes OR (${UPVOTES} = @upvotes AND (a.created_at < @createdAt OR (a.created_at = @createdAt AND a.id < @cid))))` : ''}
      ORDER BY upvotes DESC, a.created_at DESC, a.id DESC LIMIT @limit`)
  }
  const statements = {
    recent: [lists.recent(false), lists.recent(true)],
    upvotes: [lists.upvotes(false), lists.upvotes(true)]
  }

  const edit = db.transaction((id: string, body: string, at: string): ArgumentRecord | null => {
    if (setBody.run(body, at, id).changes === 0) return null
    dropVotes.run(id)
    zeroTally.run(id)
    return toArgument(byId.get(id) as ArgumentRow)
  })

  return {
    async createArgument (a) {
      try {
        insert.run({
          id: a.id, billId: a.billId, targetType: a.target.type, targetId: a.target.id, side: a.side, body: a.body,
          authorId: a.authorId, createdAt: a.createdAt, editedAt: a.editedAt, deletedAt: a.deletedAt, deletedBy: a.deletedBy
        })
      } catch (err) {
        if (String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError('id')
        throw err
      }
    },
    async getArgument (id) {
      const r = byId.get(id) as ArgumentRow | undefined
      return r ? toArgument(r) : null
    },
    async listArguments (q) {
      const stmt = statements[q.sort][q.after ? 1 : 0]
      const rows = stmt.all({
        type: q.target.type,
        id: q.target.id,
        side: q.side ?? null,
        limit: q.limit,
        ...(q.after ? { upvotes: q.after.upvotes, createdAt: q.after.createdAt, cid: q.after.id } : {})
      }) as ListedRow[]
      return rows.map(toListed)
    },
    async editArgument (id, body, editedAt) {
      return edit(id, body, editedAt)
    },
    async deleteArgument (id, by, at) {
      if (markDeleted.run(at, by, id).changes === 0) return null
      return toArgument(byId.get(id) as ArgumentRow)
    },
    async countArguments (type, ids) {
      const out = new Map<string, ArgumentCounts>()
      for (const id of ids) out.set(id, { for: 0, against: 0 })
      if (ids.length === 0) return out
      const rows = db.prepare(`SELECT target_id, side, count(*) AS n FROM arguments
        WHERE target_type = ? AND target_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL
        GROUP BY target_id, side`).all(type, JSON.stringify(ids)) as { target_id: string; side: ArgumentSide; n: number }[]
      for (const r of rows) out.get(r.target_id)![r.side] = r.n
      return out
    },
    async listBillArguments (billId, page) {
      const rows = page
        ? ofBillPage.all({ billId, createdAt: page.after?.createdAt ?? '', id: page.after?.id ?? '', limit: page.limit })
        : ofBill.all(billId)
      return (rows as StaffRow[]).map((r): StaffArgument => ({
        ...toListed(r),
        hidden: r.hidden === 1,
        hiddenReason: r.hidden === 1 ? r.hidden_reason as ModerationReason : null
      }))
    }
  }
}
