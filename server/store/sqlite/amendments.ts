/**
 * Amendments in SQLite. Lists are keyset-paginated in three orders (see
 * `../ranking.ts`); the support score is a deterministic SQL function over
 * the amendment's tally row, so a page's last key, fed back, starts the next
 * page exactly. State changes (decide, withdraw, rebase) are compare-and-set
 * updates on the status, in a transaction with the decision rank.
 */
import type Database from 'better-sqlite3'
import type { AmendmentListKey, AmendmentListQuery, AmendmentOrigin, AmendmentRecord, AmendmentStore, AmendmentText } from '../store.ts'
import { DuplicateKeyError, amendmentPage } from '../store.ts'
import type { ArticleDiff } from '../../../shared/diff.ts'
import type { AmendmentStatus } from '../../../shared/types.ts'
import { RANDOM_MODULUS, supportScore } from '../../domain/ranking.ts'

/** A row of `amendments`. */
export interface AmendmentRow {
  id: string; bill_id: string; article_id: string; author_id: string; base_revision: number
  base_alineas: string; base_hash: string; alineas: string; explanation: string; status: string
  diff: string; wording_fr: string; wording_en: string; decided_by: string | null; decided_at: string | null
  response: string | null; decided_seq: number | null; shuffle: number; created_at: string; updated_at: string
  kind: string; anchor_side: string | null; heading: string | null; number: number | null; origin: string | null
  applies: number; applies_reason: string | null
}

type Ranked = AmendmentRow & { score?: number; random_rank?: number }

/** The record of an `amendments` row (also read by `exports.ts`). */
export function toAmendment (r: AmendmentRow): AmendmentRecord {
  return {
    id: r.id,
    billId: r.bill_id,
    articleId: r.article_id,
    authorId: r.author_id,
    baseRevision: r.base_revision,
    baseAlineas: JSON.parse(r.base_alineas) as string[],
    baseHash: r.base_hash,
    alineas: JSON.parse(r.alineas) as string[],
    explanation: r.explanation,
    status: r.status as AmendmentStatus,
    diff: JSON.parse(r.diff) as ArticleDiff,
    wording: { fr: r.wording_fr, en: r.wording_en },
    decision: r.decided_by !== null && r.decided_at !== null
      ? { by: r.decided_by, at: r.decided_at, response: r.response ?? '' }
      : null,
    decidedSeq: r.decided_seq,
    shuffle: r.shuffle,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    kind: r.kind === 'addArticle' ? 'addArticle' : 'article',
    position: r.anchor_side === 'after' || r.anchor_side === 'before' ? r.anchor_side : null,
    heading: r.heading,
    number: r.number ?? 0,
    origin: r.origin !== null ? JSON.parse(r.origin) as AmendmentOrigin : null,
    applies: r.applies !== 0,
    appliesReason: r.applies_reason
  }
}

/** The named parameters of an `amendments` row for `insertAmendmentSql` (number set by the caller). */
export function amendmentParams (am: AmendmentRecord, number: number | null): Record<string, unknown> {
  return {
    ...am,
    baseAlineas: JSON.stringify(am.baseAlineas),
    alineas: JSON.stringify(am.alineas),
    diff: JSON.stringify(am.diff),
    wordingFr: am.wording.fr,
    wordingEn: am.wording.en,
    decidedBy: am.decision?.by ?? null,
    decidedAt: am.decision?.at ?? null,
    response: am.decision?.response ?? null,
    anchorSide: am.position,
    origin: am.origin ? JSON.stringify(am.origin) : null,
    applies: am.applies ? 1 : 0,
    number
  }
}

/**
 * The named parameters of a rebase, the compare-and-set of an amendment's
 * text on its base revision (`@id`, `@expected` and the text's columns;
 * additional articles add their anchor).
 */
export function rebaseParams (id: string, text: AmendmentText, expectedBaseRevision: number): Record<string, unknown> {
  return {
    id,
    expected: expectedBaseRevision,
    baseRevision: text.baseRevision,
    baseAlineas: JSON.stringify(text.baseAlineas),
    baseHash: text.baseHash,
    alineas: JSON.stringify(text.alineas),
    diff: JSON.stringify(text.diff),
    wordingFr: text.wording.fr,
    wordingEn: text.wording.en,
    updatedAt: text.updatedAt
  }
}

/** The INSERT of one amendment, with named parameters from `amendmentParams`. */
export const INSERT_AMENDMENT_SQL = `INSERT INTO amendments (id, bill_id, article_id, author_id, base_revision, base_alineas, base_hash,
      alineas, explanation, status, diff, wording_fr, wording_en, decided_by, decided_at, response, decided_seq, shuffle, created_at, updated_at,
      kind, anchor_side, heading, number, origin, applies, applies_reason)
    VALUES (@id, @billId, @articleId, @authorId, @baseRevision, @baseAlineas, @baseHash, @alineas, @explanation, @status, @diff,
      @wordingFr, @wordingEn, @decidedBy, @decidedAt, @response, @decidedSeq, @shuffle, @createdAt, @updatedAt,
      @kind, @anchorSide, @heading, @number, @origin, @applies, @appliesReason)`

/** The SQL of the next amendment number of a bill (`?` is the bill id). */
export const NEXT_NUMBER_SQL = 'SELECT coalesce(max(number), 0) + 1 AS n FROM amendments WHERE bill_id = ?'

/** The key of a listed row in the query's order. */
function keyOf (r: Ranked, sort: AmendmentListQuery['sort']): AmendmentListKey {
  if (sort === 'supported') return { sort, score: r.score!, createdAt: r.created_at, id: r.id }
  if (sort === 'random') return { sort, rank: r.random_rank!, id: r.id }
  return { sort, createdAt: r.created_at, id: r.id }
}

/** The amendment methods of the SQLite store. */
export function sqliteAmendments (db: Database.Database): AmendmentStore {
  db.function('amendment_support', { deterministic: true },
    (f: unknown, m: unknown, a: unknown) => supportScore({ for: Number(f ?? 0), mixed: Number(m ?? 0), against: Number(a ?? 0) }))

  const insert = db.prepare(INSERT_AMENDMENT_SQL)
  const nextNumber = db.prepare(NEXT_NUMBER_SQL)
  // Reading the last number and inserting in one (immediate) transaction: numbers are never handed out twice.
  const insertNumbered = db.transaction((am: AmendmentRecord): number => {
    const { n } = nextNumber.get(am.billId) as { n: number }
    insert.run(amendmentParams(am, n))
    return n
  })
  const byId = db.prepare('SELECT * FROM amendments WHERE id = ?')
  const timesBy = db.prepare(`SELECT created_at FROM amendments WHERE author_id = ? AND article_id = ? AND created_at >= ?
    ORDER BY created_at`)
  const nextSeq = db.prepare('SELECT coalesce(max(decided_seq), 0) + 1 AS seq FROM amendments WHERE bill_id = ?')
  const decide = db.prepare(`UPDATE amendments SET status = @status, decided_by = @by, decided_at = @at, response = @response,
      decided_seq = @seq, updated_at = @at
    WHERE id = @id AND status = 'proposed'`)
  const withdraw = db.prepare(`UPDATE amendments SET status = 'withdrawn', updated_at = ? WHERE id = ? AND status = 'proposed'`)
  const rebase = db.prepare(`UPDATE amendments SET base_revision = @baseRevision, base_alineas = @baseAlineas, base_hash = @baseHash,
      alineas = @alineas, diff = @diff, wording_fr = @wordingFr, wording_en = @wordingEn, updated_at = @updatedAt
    WHERE id = @id AND status = 'proposed' AND base_revision = @expected`)
  const accepted = db.prepare(`SELECT * FROM amendments WHERE bill_id = ? AND status = 'accepted' ORDER BY decided_seq`)

  const get = (id: string): AmendmentRecord | null => {
    const r = byId.get(id) as AmendmentRow | undefined
    return r ? toAmendment(r) : null
  }

  const decideTx = db.transaction((id: string, status: 'accepted' | 'rejected', by: string, at: string, response: string) => {
    const current = byId.get(id) as AmendmentRow | undefined
    if (!current || current.status !== 'proposed') return null
    const { seq } = nextSeq.get(current.bill_id) as { seq: number }
    decide.run({ id, status, by, at, response, seq })
    return get(id)
  })

  return {
    async createAmendment (am) {
      try {
        return insertNumbered.immediate(am)
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError('id')
        throw err
      }
    },
    async getAmendment (id) {
      return get(id)
    },
    async listAmendments (scope, query) {
      const params: Record<string, unknown> = { ...scope, status: query.status ?? null, limit: query.limit + 1 }
      const where = ['articleId' in scope ? 'article_id = @articleId' : 'bill_id = @billId', query.status ? 'status = @status' : "status != 'withdrawn'"]
      if ('articleId' in scope || query.kind) {
        params.kind = query.kind ?? 'article'
        where.push('kind = @kind')
      }
      let select = 'a.*'
      let from = 'amendments a'
      let order: string
      const after = query.after?.sort === query.sort ? query.after : null
      if (query.sort === 'supported') {
        select = 'a.*, amendment_support(t.n_for, t.n_mixed, t.n_against) AS score'
        from = "amendments a LEFT JOIN tallies t ON t.target_type = 'amendment' AND t.target_id = a.id"
        order = 'score DESC, created_at DESC, id DESC'
        if (after?.sort === 'supported') {
          Object.assign(params, { score: after.score, createdAt: after.createdAt, id: after.id })
          where.push('(score < @score OR (score = @score AND (created_at < @createdAt OR (created_at = @createdAt AND id < @id))))')
        }
      } else if (query.sort === 'random') {
        const seed = query.seed ?? { a: 1, b: 0 }
        // BigInt binds as INTEGER (a JS number would bind as REAL and lose the product's low bits).
        Object.assign(params, { a: BigInt(seed.a), b: BigInt(seed.b), p: BigInt(RANDOM_MODULUS) })
        select = 'a.*, (a.shuffle * @a + @b) % @p AS random_rank'
        order = 'random_rank, id'
        if (after?.sort === 'random') {
          Object.assign(params, { rank: BigInt(after.rank), id: after.id })
          where.push('(random_rank > @rank OR (random_rank = @rank AND id > @id))')
        }
      } else {
        order = 'created_at DESC, id DESC'
        if (after?.sort === 'recent') {
          Object.assign(params, { createdAt: after.createdAt, id: after.id })
          where.push('(created_at < @createdAt OR (created_at = @createdAt AND id < @id))')
        }
      }
      const rows = db.prepare(`SELECT * FROM (SELECT ${select} FROM ${from}) WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT @limit`)
        .all(params) as Ranked[]
      return amendmentPage(rows, query.limit, toAmendment, r => keyOf(r, query.sort))
    },
    async countAmendments (articleIds) {
      const out = new Map<string, number>()
      for (const id of articleIds) out.set(id, 0)
      if (articleIds.length === 0) return out
      const rows = db.prepare(`SELECT article_id, count(*) AS n FROM amendments
        WHERE article_id IN (SELECT value FROM json_each(?)) AND status != 'withdrawn' AND kind = 'article' GROUP BY article_id`)
        .all(JSON.stringify(articleIds)) as { article_id: string; n: number }[]
      for (const r of rows) out.set(r.article_id, r.n)
      return out
    },
    async amendmentTimesByAuthor (authorId, articleId, since) {
      return (timesBy.all(authorId, articleId, since) as { created_at: string }[]).map(r => r.created_at)
    },
    async decideAmendment (id, status, decision) {
      return decideTx(id, status, decision.by, decision.at, decision.response)
    },
    async withdrawAmendment (id, at) {
      return withdraw.run(at, id).changes === 1 ? get(id) : null
    },
    async updateAmendmentText (id, text, expectedBaseRevision) {
      return rebase.run(rebaseParams(id, text, expectedBaseRevision)).changes === 1 ? get(id) : null
    },
    async listAcceptedAmendments (billId) {
      return (accepted.all(billId) as AmendmentRow[]).map(toAmendment)
    }
  }
}
