/** Bills, revisions and articles in SQLite. */
import type Database from 'better-sqlite3'
import type { ArticleRecord, BillPatch, BillRecord, BillStore, RevisionRecord } from '../store.ts'
import { DuplicateKeyError } from '../store.ts'

interface BillRow {
  id: string; title: string; summary: string; status: string; opens_at: string | null; closes_at: string | null
  editors: string; revision: number; created_by: string; created_at: string; updated_at: string
  wording_style?: string | null; requirements?: string
}
interface ArticleRow {
  id: string; bill_id: string; num: string; heading: string | null; alineas: string; hash: string
  revision: number; position: number; removed_in: number | null
}

/** A bill's row with one of its articles' columns, prefixed `a_` (`getArticleWithBill`). */
type ArticleWithBillRow = BillRow & { [K in keyof ArticleRow as `a_${K}`]: ArticleRow[K] }

function toBill (r: BillRow): BillRecord {
  return {
    id: r.id,
    title: r.title,
    summary: r.summary,
    status: r.status as BillRecord['status'],
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    editors: JSON.parse(r.editors) as string[],
    revision: r.revision,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    wordingStyle: r.wording_style === 'senat' ? 'senat' : 'assemblee',
    requirements: JSON.parse(r.requirements ?? '[]') as BillRecord['requirements']
  }
}

function toArticle (r: ArticleRow): ArticleRecord {
  return {
    id: r.id,
    billId: r.bill_id,
    num: r.num,
    heading: r.heading,
    alineas: JSON.parse(r.alineas) as string[],
    hash: r.hash,
    revision: r.revision,
    position: r.position,
    removedIn: r.removed_in
  }
}

const COLUMNS: Record<keyof BillPatch, string> = {
  title: 'title',
  summary: 'summary',
  status: 'status',
  opensAt: 'opens_at',
  closesAt: 'closes_at',
  editors: 'editors',
  revision: 'revision',
  updatedAt: 'updated_at',
  wordingStyle: 'wording_style',
  requirements: 'requirements'
}

/** The bill, revision and article methods of the SQLite store. */
export function sqliteBills (db: Database.Database): BillStore {
  const insertBill = db.prepare(`INSERT INTO bills (id, title, summary, status, opens_at, closes_at, editors, revision, created_by, created_at, updated_at, wording_style, requirements)
    VALUES (@id, @title, @summary, @status, @opensAt, @closesAt, @editors, @revision, @createdBy, @createdAt, @updatedAt, @wordingStyle, @requirements)`)
  const billById = db.prepare('SELECT * FROM bills WHERE id = ?')
  const deleteEditors = db.prepare('DELETE FROM bill_editors WHERE bill_id = ?')
  const insertEditor = db.prepare('INSERT OR IGNORE INTO bill_editors (bill_id, user_id) VALUES (?, ?)')
  const insertRevision = db.prepare(`INSERT INTO revisions (bill_id, number, doc, articles, published_at, published_by)
    VALUES (?, ?, ?, ?, ?, ?)`)
  const revisionBy = db.prepare('SELECT * FROM revisions WHERE bill_id = ? AND number = ?')
  const upsertArticle = db.prepare(`INSERT INTO articles (id, bill_id, num, heading, alineas, hash, revision, position, removed_in)
    VALUES (@id, @billId, @num, @heading, @alineas, @hash, @revision, @position, NULL)
    ON CONFLICT(id) DO UPDATE SET num = excluded.num, heading = excluded.heading, alineas = excluded.alineas,
      hash = excluded.hash, revision = excluded.revision, position = excluded.position, removed_in = NULL
    WHERE articles.bill_id = excluded.bill_id`)
  const markRemoved = db.prepare('UPDATE articles SET removed_in = ? WHERE bill_id = ? AND revision < ? AND removed_in IS NULL')
  const articleById = db.prepare('SELECT * FROM articles WHERE id = ?')
  // The article's columns under an `a_` prefix, then the bill's: one statement for the vote path's check.
  const articleWithBill = db.prepare(`SELECT a.id AS a_id, a.bill_id AS a_bill_id, a.num AS a_num, a.heading AS a_heading,
    a.alineas AS a_alineas, a.hash AS a_hash, a.revision AS a_revision, a.position AS a_position, a.removed_in AS a_removed_in, b.*
    FROM articles a JOIN bills b ON b.id = a.bill_id WHERE a.id = ?`)
  const articlesOf = db.prepare('SELECT * FROM articles WHERE bill_id = ? AND removed_in IS NULL ORDER BY position')

  const setEditors = (billId: string, editors: string[]): void => {
    deleteEditors.run(billId)
    for (const e of editors) insertEditor.run(billId, e)
  }

  const patchBill = (id: string, patch: BillPatch): BillRecord | null => {
    const keys = (Object.keys(patch) as (keyof BillPatch)[]).filter(k => patch[k] !== undefined)
    if (keys.length > 0) {
      const params: Record<string, unknown> = { id }
      for (const k of keys) params[k] = k === 'editors' || k === 'requirements' ? JSON.stringify(patch[k]) : patch[k]
      db.prepare(`UPDATE bills SET ${keys.map(k => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE id = @id`).run(params)
      if (patch.editors) setEditors(id, patch.editors)
    }
    const r = billById.get(id) as BillRow | undefined
    return r ? toBill(r) : null
  }

  return {
    async createBill (bill) {
      db.transaction(() => {
        insertBill.run({ ...bill, editors: JSON.stringify(bill.editors), wordingStyle: bill.wordingStyle ?? 'assemblee', requirements: JSON.stringify(bill.requirements ?? []) })
        setEditors(bill.id, bill.editors)
      })()
    },
    async getBill (id) {
      const r = billById.get(id) as BillRow | undefined
      return r ? toBill(r) : null
    },
    async listBills (query) {
      let rows: BillRow[]
      if (query.all) {
        rows = db.prepare('SELECT * FROM bills ORDER BY created_at DESC, id').all() as BillRow[]
      } else {
        rows = db.prepare(`SELECT * FROM bills WHERE status IN (SELECT value FROM json_each(@statuses))
          OR id IN (SELECT bill_id FROM bill_editors WHERE user_id = @editor)
          ORDER BY created_at DESC, id`).all({ statuses: JSON.stringify(query.statuses), editor: query.editorId ?? null }) as BillRow[]
      }
      return rows.map(toBill)
    },
    async updateBill (id, patch) {
      return db.transaction(() => patchBill(id, patch))()
    },
    async publishRevision (rev: RevisionRecord, patch: BillPatch) {
      return db.transaction(() => {
        try {
          insertRevision.run(rev.billId, rev.number, JSON.stringify(rev.doc), JSON.stringify(rev.articles), rev.publishedAt, rev.publishedBy)
        } catch (err) {
          if (String((err as { code?: string }).code).startsWith('SQLITE_CONSTRAINT')) throw new DuplicateKeyError('revision')
          throw err
        }
        rev.articles.forEach((a, position) => {
          const res = upsertArticle.run({
            id: a.id, billId: rev.billId, num: a.num, heading: a.heading, alineas: JSON.stringify(a.alineas),
            hash: a.hash, revision: rev.number, position
          })
          if (res.changes === 0) throw new DuplicateKeyError('article')
        })
        markRemoved.run(rev.number, rev.billId, rev.number)
        const bill = patchBill(rev.billId, patch)
        if (!bill) throw new RangeError(`no bill ${rev.billId}`)
        return bill
      })()
    },
    async getRevision (billId, number) {
      const r = revisionBy.get(billId, number) as { bill_id: string; number: number; doc: string; articles: string; published_at: string; published_by: string } | undefined
      if (!r) return null
      return {
        billId: r.bill_id,
        number: r.number,
        doc: JSON.parse(r.doc),
        articles: JSON.parse(r.articles),
        publishedAt: r.published_at,
        publishedBy: r.published_by
      }
    },
    async getArticle (id) {
      const r = articleById.get(id) as ArticleRow | undefined
      return r ? toArticle(r) : null
    },
    async getArticleWithBill (id) {
      const r = articleWithBill.get(id) as ArticleWithBillRow | undefined
      if (!r) return null
      const article = toArticle({
        id: r.a_id, bill_id: r.a_bill_id, num: r.a_num, heading: r.a_heading, alineas: r.a_alineas, hash: r.a_hash,
        revision: r.a_revision, position: r.a_position, removed_in: r.a_removed_in
      })
      return { article, bill: toBill(r) }
    },
    async listArticles (billId) {
      return (articlesOf.all(billId) as ArticleRow[]).map(toArticle)
    }
  }
}
