/**
 * The storage interface the domain layer uses. Two implementations pass the
 * same contract suite (test/store/contract.ts): SQLite (embedded, default)
 * and MongoDB. Everything here is persistence only: rules and roles live in
 * `server/domain/`.
 *
 * Times are ISO 8601 strings in UTC. Binary Yjs updates are `Uint8Array`.
 */
import type {
  AmendmentStatus, BillStatus, NodeJSON, ProfileType, RevisionArticle, Role, Tally, TargetType, VoteValue
} from '../../shared/types.ts'
import type { ArticleDiff } from '../../shared/diff.ts'
import type {
  ArgumentSide, ModerationActionKind, ModerationReason, ModerationTargetType, ReportReason
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

/** Who decided an amendment (an editor's user id), when, and the answer they gave its author. */
export interface AmendmentDecision { by: string; at: string; response: string }

/** The formal wording of an amendment in both languages. */
export interface AmendmentWording { fr: string; en: string }

/**
 * A proposed change to one article: the whole article as proposed (empty:
 * delete it), written against `baseRevision`. The base text and its hash are
 * copied from that revision (revisions are immutable), so staleness is a hash
 * comparison and a rebase or consolidation needs no revision read. `diff` and
 * `wording` are computed from base and proposal when stored.
 */
export interface AmendmentRecord {
  id: string
  billId: string
  articleId: string
  authorId: string
  baseRevision: number
  baseAlineas: string[]
  baseHash: string
  alineas: string[]
  explanation: string
  status: AmendmentStatus
  diff: ArticleDiff
  wording: AmendmentWording
  decision: AmendmentDecision | null
  /** Rank in its bill's decision order (1, 2, ...), set when accepted or rejected; consolidation follows it. */
  decidedSeq: number | null
  /** A random integer in [0, RANDOM_MODULUS) drawn at creation, which the seeded random order permutes. */
  shuffle: number
  createdAt: string
  updatedAt: string
}

/** What a rebase changes: the new base and the text merged onto it, with their diff and wording. */
export type AmendmentText = Pick<AmendmentRecord, 'baseRevision' | 'baseAlineas' | 'baseHash' | 'alineas' | 'diff' | 'wording' | 'updatedAt'>

/** The orders of an article's amendment list (see `server/store/ranking.ts`). */
export type AmendmentSort = 'supported' | 'recent' | 'random'

/** Where a page of amendments starts: the sort key of the last item of the previous page. */
export type AmendmentListKey =
  | { sort: 'recent'; createdAt: string; id: string }
  | { sort: 'supported'; score: number; createdAt: string; id: string }
  | { sort: 'random'; rank: number; id: string }

/** Options of `listAmendments`. */
export interface AmendmentListQuery {
  sort: AmendmentSort
  /** Only this status; by default every status but `withdrawn`. */
  status?: AmendmentStatus
  /** Page size. */
  limit: number
  /** For `random`: the permutation `rank = (shuffle * a + b) mod RANDOM_MODULUS` (see `randomSeed`). */
  seed?: { a: number; b: number }
  /** Start after this key (it must be of the same sort). */
  after?: AmendmentListKey | null
}

/** One page of amendments and the key of its last item when more follow. */
export interface AmendmentPage { items: AmendmentRecord[]; next: AmendmentListKey | null }

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

export interface AmendmentStore {
  /** Inserts an amendment; throws DuplicateKeyError('id') when the id exists. */
  createAmendment (amendment: AmendmentRecord): Promise<void>
  getAmendment (id: string): Promise<AmendmentRecord | null>
  /**
   * One page of an article's amendments in the given order: `recent` (newest
   * first), `supported` (Wilson score of their tally, highest first, then
   * newest) or `random` (the seeded permutation). Ties end on the id, so the
   * order is total and keyset pages never repeat or skip an unchanged item.
   */
  listAmendments (articleId: string, query: AmendmentListQuery): Promise<AmendmentPage>
  /** Amendments of each article that are not withdrawn, keyed by article id (missing ids are zero). */
  countAmendments (articleIds: string[]): Promise<Map<string, number>>
  /** Creation times (ascending) of the author's amendments to the article since `since`, withdrawn ones included: for rate limits. */
  amendmentTimesByAuthor (authorId: string, articleId: string, since: string): Promise<string[]>
  /**
   * Atomically accepts or rejects a `proposed` amendment, records the decision
   * and gives it the next rank of its bill's decision order. Returns null,
   * changing nothing, when the amendment is missing or no longer `proposed`.
   */
  decideAmendment (id: string, status: 'accepted' | 'rejected', decision: AmendmentDecision): Promise<AmendmentRecord | null>
  /** Atomically withdraws a `proposed` amendment; null, changing nothing, when missing or no longer `proposed`. */
  withdrawAmendment (id: string, at: string): Promise<AmendmentRecord | null>
  /**
   * Atomically replaces a `proposed` amendment's base and text (a rebase),
   * only if its base revision is still `expectedBaseRevision`; null,
   * changing nothing, otherwise.
   */
  updateAmendmentText (id: string, text: AmendmentText, expectedBaseRevision: number): Promise<AmendmentRecord | null>
  /** The bill's accepted amendments in decision order. */
  listAcceptedAmendments (billId: string): Promise<AmendmentRecord[]>
}

// ---------- debate and moderation (arguments, reports, moderation state and log, notifications)

/** What an argument is about: an article or an amendment. */
export interface ArgumentTarget { type: 'article' | 'amendment'; id: string }

/**
 * An argument for or against an article or an amendment. Deleting one only
 * sets `deletedAt` (lists and counts leave it out; the moderation log and
 * reports that point at it keep their context).
 */
export interface ArgumentRecord {
  id: string
  billId: string
  target: ArgumentTarget
  side: ArgumentSide
  /** Plain text as the author typed it (trimmed); never HTML. */
  body: string
  authorId: string
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  /** Who deleted it: its author, a moderator or an admin. */
  deletedBy: string | null
}

/** An argument with its upvotes (the `for` counter of its tally), as lists read it. */
export interface ListedArgument extends ArgumentRecord { upvotes: number }

/** Where a page of arguments starts: after this argument in the list's order. */
export interface ArgumentPosition { upvotes: number; createdAt: string; id: string }

/** Options of `listArguments`. */
export interface ArgumentListQuery {
  target: ArgumentTarget
  side?: ArgumentSide
  /** `upvotes`: most upvoted first, then newest; `recent`: newest first. Ties by id. */
  sort: 'upvotes' | 'recent'
  after?: ArgumentPosition
  limit: number
}

/** Arguments of a target counted by side. */
export interface ArgumentCounts { for: number; against: number }

/** An argument with its moderation state, for staff exports: hidden bodies are kept. */
export interface StaffArgument extends ListedArgument { hidden: boolean; hiddenReason: ModerationReason | null }

export interface ArgumentStore {
  createArgument (argument: ArgumentRecord): Promise<void>
  /** One argument, deleted or not (null when it never existed). */
  getArgument (id: string): Promise<ArgumentRecord | null>
  /** A page of a target's arguments that are not deleted. */
  listArguments (query: ArgumentListQuery): Promise<ListedArgument[]>
  /**
   * Replaces an argument's body and, in the same transaction, removes its
   * upvotes (the votes and their counters): upvoters endorsed another text.
   * Null when there is no such argument or it is deleted.
   */
  editArgument (id: string, body: string, editedAt: string): Promise<ArgumentRecord | null>
  /** Marks an argument deleted; null when there is none or it was deleted already. */
  deleteArgument (id: string, by: string, at: string): Promise<ArgumentRecord | null>
  /** Arguments that are not deleted (hidden ones included), by side, for many targets of one type; missing ids are zero. */
  countArguments (type: ArgumentTarget['type'], ids: string[]): Promise<Map<string, ArgumentCounts>>
  /**
   * Arguments of a bill that are not deleted, oldest first (then by id), with
   * their hidden flag and full body: for exports. Without `page`, all of
   * them; with it, `limit` of them after `page.after` (keyset pages).
   */
  listBillArguments (billId: string, page?: { after?: CreatedKey | null; limit: number }): Promise<StaffArgument[]>
}

/** What can be reported and moderated. */
export interface ModerationTarget { type: ModerationTargetType; id: string }

/** One user's report of a contribution; one per user and target. */
export interface ReportRecord {
  id: string
  target: ModerationTarget
  billId: string
  userId: string
  reason: ReportReason
  body: string | null
  at: string
}

/** One entry of the append-only moderation log. `by` is a user id, or `system` for automatic hiding. */
export interface ModerationActionRecord {
  id: string
  target: ModerationTarget
  billId: string
  action: ModerationActionKind
  reason: ModerationReason
  by: string
  at: string
}

/** The `by` of automatic actions. */
export const SYSTEM = 'system'

/**
 * The moderation state of one contribution, kept beside (not inside) the
 * contribution so arguments and amendments share it. `pendingReports`
 * counts reports since a person last reviewed it (any moderation action by
 * a moderator or admin resets it); the queue lists targets where it is > 0.
 */
export interface ModerationStateRecord {
  target: ModerationTarget
  billId: string
  hidden: boolean
  /** The reason, author and time of the last action; null before any. */
  reason: ModerationReason | null
  by: string | null
  at: string | null
  reports: number
  pendingReports: number
  lastReportAt: string | null
  /** The contribution was deleted: it leaves the queue. */
  removed: boolean
}

/** A message to a user about their own content: hidden or restored, and why. */
export interface NotificationRecord {
  id: string
  userId: string
  kind: 'moderation'
  target: ModerationTarget
  billId: string
  action: ModerationActionKind
  reason: ModerationReason
  at: string
}

/** Where a page of the log or of notifications starts: after this entry (newest first). */
export interface LogPosition { at: string; id: string }

/** The automatic hiding `fileReport` applies when pending reports reach `threshold` (0: never). */
export interface AutoHide {
  threshold: number
  action: ModerationActionRecord
  notification: NotificationRecord | null
}

export interface ModerationStore {
  /**
   * Stores a report, unless this user already reported this target (then it
   * returns the earlier report with `created: false` and changes nothing).
   * A new report bumps the target's counters and, when its pending reports
   * reach `autoHide.threshold` while it is not hidden, appends the
   * automatic hide action and its notification: all in one transaction.
   */
  fileReport (report: ReportRecord, autoHide: AutoHide): Promise<{ report: ReportRecord; created: boolean; hidden: ModerationActionRecord | null }>
  /** The user's report of this target, if any. */
  getUserReport (userId: string, target: ModerationTarget): Promise<ReportRecord | null>
  /**
   * Appends a moderation action by a person, sets the target's state (hidden
   * or not) and marks its reports reviewed, and stores the notification to
   * its author: in one transaction. Returns the new state.
   */
  applyModeration (action: ModerationActionRecord, notification: NotificationRecord | null): Promise<ModerationStateRecord>
  /** States of many targets of one type, keyed by id; targets never reported nor moderated are absent. */
  getModerationStates (type: ModerationTargetType, ids: string[]): Promise<Map<string, ModerationStateRecord>>
  /** The contribution was deleted: take it out of the queue. */
  markModerationRemoved (target: ModerationTarget): Promise<void>
  /** Targets with pending reports, not removed: most pending reports first, then latest report first. */
  listModerationQueue (offset: number, limit: number): Promise<ModerationStateRecord[]>
  /** Reports of these targets, oldest first. */
  listReports (targets: ModerationTarget[]): Promise<ReportRecord[]>
  /** The moderation log, newest first. */
  listModerationLog (after: LogPosition | undefined, limit: number): Promise<ModerationActionRecord[]>
  /** A user's notifications, newest first. */
  listNotifications (userId: string, after: LogPosition | undefined, limit: number): Promise<NotificationRecord[]>
}

// ---------- synthesis and exports: keyset pages over a bill's contributions, participation figures, bulk loading

/** Where a page of a bill's votes starts: after this vote, in (user id, target type, target id) order. */
export interface BillVoteKey { userId: string; type: TargetType; id: string }

/** Where a page of a bill's arguments or amendments starts: after this item, in (createdAt, id) order. */
export interface CreatedKey { createdAt: string; id: string }

/** An article's amendments counted by status (withdrawn ones included). */
export type AmendmentStatusCounts = Record<AmendmentStatus, number>

/** What happened on one day (UTC): votes by the time they were last cast, amendments and arguments by creation. */
export interface DayActivity { day: string; votes: number; amendments: number; arguments: number }

/**
 * The participation figures of a bill. Participants are the distinct users
 * who voted (on an article, an amendment or an argument), argued (arguments
 * not deleted) or proposed an amendment (not withdrawn); amendments and
 * arguments are counted likewise; votes are the vote rows, by target type.
 */
export interface ParticipationRecord {
  participants: Record<ProfileType, number>
  votes: Record<TargetType, number>
  amendments: number
  arguments: number
  /** Days with any activity, ascending. */
  days: DayActivity[]
}

/**
 * Records to load at once (demo data, generators, imports from another
 * platform): one transaction. Votes must be new (a user's first vote on
 * that target) and their counters are bumped in the same transaction, so a
 * recount still equals the counters; any duplicate key refuses the whole
 * batch with DuplicateKeyError.
 */
export interface BulkBatch {
  users?: UserRecord[]
  arguments?: ArgumentRecord[]
  amendments?: AmendmentRecord[]
  votes?: VoteRecord[]
}

/** Reads for the synthesis and exports, which walk a whole bill without holding it in memory. */
export interface ExportStore {
  /** A page of the bill's votes (all target types) after `after`, in (user id, target type, target id) order. */
  listBillVotes (billId: string, after: BillVoteKey | null, limit: number): Promise<VoteRecord[]>
  /** A page of the bill's amendments, every status, oldest first (then by id), after `after`. */
  listBillAmendments (billId: string, after: CreatedKey | null, limit: number): Promise<AmendmentRecord[]>
  /** The bill's amendments counted by article and status (articles without any are absent). */
  amendmentStatusCounts (billId: string): Promise<Map<string, AmendmentStatusCounts>>
  /** Who took part and how, overall and per day (see ParticipationRecord). */
  participation (billId: string): Promise<ParticipationRecord>
  /** Loads a batch in one transaction (see BulkBatch). */
  bulkInsert (batch: BulkBatch): Promise<void>
}

/** The whole store. */
export interface Store extends UserStore, CredentialStore, BillStore, VoteStore, DocStore, ArgumentStore, ModerationStore, AmendmentStore, ExportStore {
  /** Which implementation, for logs and /healthz. */
  readonly kind: 'sqlite' | 'mongodb'
  /** Cheap round trip to the backing store. */
  ping (): Promise<boolean>
  /** Flushes and releases everything. */
  close (): Promise<void>
}
