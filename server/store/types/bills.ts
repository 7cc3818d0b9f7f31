/** Stored bills, revisions and articles. */
import type { BillStatus, NodeJSON, Requirement, RevisionArticle } from '../../../shared/types.ts'
import type { WordingStyle } from '../../../shared/wording-senat.ts'

/** A bill: its consultation state and who may edit it. `revision` 0 means never published. */
export interface BillRecord {
  id: string
  title: string
  summary: string
  status: BillStatus
  opensAt: string | null
  closesAt: string | null
  editors: string[]
  revision: number
  createdBy: string
  createdAt: string
  updatedAt: string
  /** The house style of the dispositifs Alinea writes for this bill; absent means `assemblee` (stores always return it). */
  wordingStyle?: WordingStyle
  /** What a participant needs before contributing (absent when created: none). */
  requirements?: Requirement[]
}

/** The fields of a bill that change after creation. */
export type BillPatch = Partial<Pick<BillRecord, 'title' | 'summary' | 'status' | 'opensAt' | 'closesAt' | 'editors' | 'revision' | 'updatedAt' | 'wordingStyle' | 'requirements'>>

/** A published, immutable revision of a bill's text. */
export interface RevisionRecord {
  billId: string
  number: number
  doc: NodeJSON
  articles: RevisionArticle[]
  publishedAt: string
  publishedBy: string
}

/**
 * An article as it stands in its bill's latest revision that contained it.
 * `position` orders articles within the revision; `removedIn` is set when a
 * later revision no longer has it (its votes and contributions stay).
 */
export interface ArticleRecord {
  id: string
  billId: string
  num: string
  heading: string | null
  alineas: string[]
  hash: string
  revision: number
  position: number
  removedIn: number | null
}

/** Options of `listBills`: which bills a viewer may see. */
export interface BillListQuery {
  /** Statuses everyone may see (e.g. open and closed). */
  statuses: BillStatus[]
  /** Also include bills of any status that this user edits. */
  editorId?: string
  /** Return everything (admins). */
  all?: boolean
}

export interface BillStore {
  createBill (bill: BillRecord): Promise<void>
  getBill (id: string): Promise<BillRecord | null>
  /** Bills the query allows, newest first. */
  listBills (query: BillListQuery): Promise<BillRecord[]>
  /** Applies a patch; returns the updated bill or null when it does not exist. */
  updateBill (id: string, patch: BillPatch): Promise<BillRecord | null>
  /**
   * Atomically stores a new revision, brings the bill's articles up to date
   * (upsert those in the revision, mark the others removed) and patches the
   * bill. Throws DuplicateKeyError('revision') if that number exists.
   */
  publishRevision (revision: RevisionRecord, bill: BillPatch): Promise<BillRecord>
  getRevision (billId: string, number: number): Promise<RevisionRecord | null>
  getArticle (id: string): Promise<ArticleRecord | null>
  /**
   * An article with its bill, in one read where the store can (the vote path checks both on every vote);
   * null when the article does not exist.
   */
  getArticleWithBill (id: string): Promise<{ article: ArticleRecord; bill: BillRecord } | null>
  /** Current (not removed) articles of a bill, in order. */
  listArticles (billId: string): Promise<ArticleRecord[]>
}
