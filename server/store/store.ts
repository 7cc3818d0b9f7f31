/**
 * The storage interface the domain layer uses. Two implementations pass the
 * same contract suite (test/store/contract.ts): SQLite (embedded, default)
 * and MongoDB. Everything here is persistence only: rules and roles live in
 * `server/domain/`.
 *
 * Times are ISO 8601 strings in UTC. Binary Yjs updates are `Uint8Array`.
 */
import type {
  BillStatus, NodeJSON, ProfileType, RevisionArticle, Role, Tally, TargetType, VoteValue
} from '../../shared/types.ts'

/** A stored account. `passwordHash` never leaves the server. */
export interface UserRecord {
  id: string
  email: string
  displayName: string
  role: Role
  profileType: ProfileType
  passwordHash: string
  createdAt: string
}

/** A sign-in session or an API token; `id` is the SHA-256 of the secret the client holds. */
export interface CredentialRecord {
  id: string
  kind: 'session' | 'token'
  userId: string
  createdAt: string
  /** Null for API tokens, which last until revoked. */
  expiresAt: string | null
}

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
}

/** The fields of a bill that change after creation. */
export type BillPatch = Partial<Pick<BillRecord, 'title' | 'summary' | 'status' | 'opensAt' | 'closesAt' | 'editors' | 'revision' | 'updatedAt'>>

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

/** What a vote points at: an article, an amendment (value) or an argument (upvote). */
export interface VoteTarget { type: TargetType; id: string }

/** One user's vote on one target. For arguments the value is always `for` (an upvote). */
export interface VoteRecord {
  userId: string
  target: VoteTarget
  billId: string
  value: VoteValue
  at: string
}

/** One stored Yjs update of a bill's working text, in append order. */
export interface DocUpdateRecord { seq: number; update: Uint8Array }

/** Thrown by a store when a unique constraint refuses a write (e.g. an email already used). */
export class DuplicateKeyError extends Error {
  constructor (readonly key: string) {
    super(`duplicate key: ${key}`)
    this.name = 'DuplicateKeyError'
  }
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

export interface UserStore {
  /** Inserts an account; throws DuplicateKeyError('email') when the email is taken. */
  createUser (user: UserRecord): Promise<void>
  getUser (id: string): Promise<UserRecord | null>
  getUserByEmail (email: string): Promise<UserRecord | null>
  getUsers (ids: string[]): Promise<UserRecord[]>
  setUserRole (id: string, role: Role): Promise<UserRecord | null>
  countUsers (): Promise<number>
}

export interface CredentialStore {
  createCredential (cred: CredentialRecord): Promise<void>
  getCredential (id: string): Promise<CredentialRecord | null>
  deleteCredential (id: string): Promise<void>
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
  /** Current (not removed) articles of a bill, in order. */
  listArticles (billId: string): Promise<ArticleRecord[]>
}

export interface VoteStore {
  /**
   * Records the user's vote (replacing any earlier vote on the same target)
   * and updates the target's counters in the same transaction. Returns the
   * new tally.
   */
  castVote (vote: VoteRecord): Promise<Tally>
  /** Removes the user's vote, if any, and updates the counters likewise. */
  removeVote (userId: string, target: VoteTarget): Promise<Tally>
  /** The counters of one target (zeros when none). */
  getTally (target: VoteTarget): Promise<Tally>
  /** Counters of many targets of one type, keyed by id (missing ids are zero). */
  getTallies (type: TargetType, ids: string[]): Promise<Map<string, Tally>>
  /** The user's own votes on these targets, keyed by target id. */
  getUserVotes (userId: string, type: TargetType, ids: string[]): Promise<Map<string, VoteValue>>
  /** Distinct users who voted on anything of a bill: its participants so far. */
  countVoters (billId: string): Promise<number>
  /** Counts the votes themselves (not the counters): for audits and tests. */
  recountTally (target: VoteTarget): Promise<Tally>
}

export interface DocStore {
  /** Appends a Yjs update to a bill's working text; resolves once durable. */
  appendDocUpdate (billId: string, update: Uint8Array): Promise<number>
  getDocUpdates (billId: string): Promise<DocUpdateRecord[]>
  /** Replaces the updates with seq <= upTo by one merged state update. */
  compactDoc (billId: string, state: Uint8Array, upTo: number): Promise<void>
}

/** The whole store. */
export interface Store extends UserStore, CredentialStore, BillStore, VoteStore, DocStore {
  /** Which implementation, for logs and /healthz. */
  readonly kind: 'sqlite' | 'mongodb'
  /** Cheap round trip to the backing store. */
  ping (): Promise<boolean>
  /** Flushes and releases everything. */
  close (): Promise<void>
}
