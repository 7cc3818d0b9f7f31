/**
 * The shapes of the MongoDB documents and their mapping to and from the
 * store's records. Records never carry `_id`: ids that are natural keys
 * (users, credentials, bills, articles, tallies, sequence counters) are the
 * `_id` itself; the others keep a server-made ObjectId that never leaves
 * this module. Each mapper copies fields one by one, so a record holds
 * exactly the fields of its type, as the SQLite store returns them.
 */
import { Binary } from 'mongodb'
import type { WordingStyle } from '../../../shared/wording-senat.ts'
import type {
  ArticleRecord, BillRecord, CredentialRecord, RevisionRecord, UserRecord, VoteTarget
} from '../store.ts'
import type {
  BillStatus, Locale, NodeJSON, NotifyMode, ProfileType, Requirement, RevisionArticle, Role, Tally, TargetType, VoteValue
} from '../../../shared/types.ts'

/** `users`: `_id` is the user id; `email` has a unique index. */
export interface UserDoc {
  _id: string
  email: string
  displayName: string
  role: Role
  profileType: ProfileType
  passwordHash: string
  createdAt: string
  /** The look-alike key of `displayName` (shared/names.ts); absent on accounts made before it existed. */
  nameKey?: string
  emailVerified?: boolean
  locale?: Locale
  notify?: NotifyMode
  /** Absent (not null) when unlinked, so the sparse unique index ignores it. */
  oidcSub?: string
  deletedAt?: string | null
}

/** `credentials`: `_id` is the SHA-256 of the secret. */
export interface CredentialDoc {
  _id: string
  kind: CredentialRecord['kind']
  userId: string
  createdAt: string
  expiresAt: string | null
  /** An API token's name. */
  name?: string | null
}

/** `bills`: `_id` is the bill id; `editors` is a multikey-indexed array. */
export interface BillDoc {
  _id: string
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
  /** Absent in bills stored before it existed: `assemblee`. */
  wordingStyle?: WordingStyle
  /** Absent on bills stored before requirements existed: none. */
  requirements?: Requirement[]
}

/** `revisions`: unique on `{ billId, number }`; `_id` is an ObjectId. */
export interface RevisionDoc {
  billId: string
  number: number
  doc: NodeJSON
  articles: RevisionArticle[]
  publishedAt: string
  publishedBy: string
}

/** `articles`: `_id` is the article id, which belongs to one bill for ever. */
export interface ArticleDoc {
  _id: string
  billId: string
  num: string
  heading: string | null
  alineas: string[]
  hash: string
  revision: number
  position: number
  removedIn: number | null
}

/** `votes`: unique on `{ userId, 'target.type', 'target.id' }`; `_id` is an ObjectId. */
export interface VoteDoc {
  userId: string
  target: { type: TargetType; id: string }
  billId: string
  value: VoteValue
  at: string
  /** The bill's revision when cast; absent on votes stored before issue 16 (read as 1). */
  revision?: number
}

/** `billVoters`: one per user who ever voted on a bill, `_id` is `${billId}:${userId}`; counted for `countVoters`. */
export interface BillVoterDoc { _id: string; billId: string; userId: string }

/** `tallies`: `_id` is `${type}:${id}`; a counter missing from the document is zero. */
export interface TallyDoc {
  _id: string
  type: TargetType
  id: string
  for?: number
  mixed?: number
  against?: number
  /**
   * Articles only: the counters by the revision the votes were cast on, keyed
   * by revision number. Votes counted before issue 16 have no entry here: the
   * totals minus the sum of these entries count as cast on revision 1.
   */
  rev?: Record<string, Partial<Record<VoteValue, number>>>
}

/** `docUpdates`: unique on `{ billId, seq }`; the Yjs update as BSON Binary. */
export interface DocUpdateDoc {
  billId: string
  seq: number
  update: Binary
}

/** `docSeqs`: `_id` is the bill id; `seq` is the last sequence number handed out. */
export interface DocSeqDoc {
  _id: string
  seq: number
}

/** The document of a new account. */
export function userDoc (u: UserRecord): UserDoc {
  return {
    _id: u.id,
    email: u.email,
    displayName: u.displayName,
    role: u.role,
    profileType: u.profileType,
    passwordHash: u.passwordHash,
    createdAt: u.createdAt,
    emailVerified: u.emailVerified ?? false,
    locale: u.locale ?? 'fr',
    notify: u.notify ?? 'immediate',
    ...(u.oidcSub ? { oidcSub: u.oidcSub } : {}),
    deletedAt: u.deletedAt ?? null
  }
}

/** The account a `users` document holds. */
export function toUser (d: UserDoc): UserRecord {
  return {
    id: d._id,
    email: d.email,
    displayName: d.displayName,
    role: d.role,
    profileType: d.profileType,
    passwordHash: d.passwordHash,
    createdAt: d.createdAt,
    emailVerified: d.emailVerified ?? false,
    locale: d.locale ?? 'fr',
    notify: d.notify ?? 'immediate',
    oidcSub: d.oidcSub ?? null,
    deletedAt: d.deletedAt ?? null
  }
}

/** The document of a new credential. */
export function credentialDoc (c: CredentialRecord): CredentialDoc {
  const d: CredentialDoc = { _id: c.id, kind: c.kind, userId: c.userId, createdAt: c.createdAt, expiresAt: c.expiresAt ?? null }
  if (c.name) d.name = c.name
  return d
}

/** The credential a `credentials` document holds. */
export function toCredential (d: CredentialDoc): CredentialRecord {
  const c: CredentialRecord = { id: d._id, kind: d.kind, userId: d.userId, createdAt: d.createdAt, expiresAt: d.expiresAt ?? null }
  if (d.name) c.name = d.name
  return c
}

/** The document of a new bill. */
export function billDoc (b: BillRecord): BillDoc {
  return {
    _id: b.id,
    title: b.title,
    summary: b.summary,
    status: b.status,
    opensAt: b.opensAt ?? null,
    closesAt: b.closesAt ?? null,
    editors: [...b.editors],
    revision: b.revision,
    createdBy: b.createdBy,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    wordingStyle: b.wordingStyle ?? 'assemblee',
    requirements: [...(b.requirements ?? [])]
  }
}

/** The bill a `bills` document holds. */
export function toBill (d: BillDoc): BillRecord {
  return {
    id: d._id,
    title: d.title,
    summary: d.summary,
    status: d.status,
    opensAt: d.opensAt ?? null,
    closesAt: d.closesAt ?? null,
    editors: d.editors,
    revision: d.revision,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    wordingStyle: d.wordingStyle === 'senat' ? 'senat' : 'assemblee',
    requirements: d.requirements ?? []
  }
}

/** The document of a published revision (its frozen articles keep only their own fields). */
export function revisionDoc (r: RevisionRecord): RevisionDoc {
  return {
    billId: r.billId,
    number: r.number,
    doc: r.doc,
    articles: r.articles.map(a => ({ id: a.id, num: a.num, heading: a.heading ?? null, alineas: a.alineas, hash: a.hash })),
    publishedAt: r.publishedAt,
    publishedBy: r.publishedBy
  }
}

/** The revision a `revisions` document holds. */
export function toRevision (d: RevisionDoc): RevisionRecord {
  return {
    billId: d.billId,
    number: d.number,
    doc: d.doc,
    articles: d.articles,
    publishedAt: d.publishedAt,
    publishedBy: d.publishedBy
  }
}

/** The fields an article takes from a revision (everything but `_id` and `billId`, which the upsert's filter sets). */
export function articleFields (a: RevisionArticle, revision: number, position: number): Omit<ArticleDoc, '_id' | 'billId'> {
  return { num: a.num, heading: a.heading ?? null, alineas: a.alineas, hash: a.hash, revision, position, removedIn: null }
}

/** The article an `articles` document holds. */
export function toArticle (d: ArticleDoc): ArticleRecord {
  return {
    id: d._id,
    billId: d.billId,
    num: d.num,
    heading: d.heading ?? null,
    alineas: d.alineas,
    hash: d.hash,
    revision: d.revision,
    position: d.position,
    removedIn: d.removedIn ?? null
  }
}

/** The `_id` of a target's counters. The type never contains ':', so the key is unambiguous. */
export function tallyId (t: VoteTarget): string {
  return `${t.type}:${t.id}`
}

/** The counters a `tallies` document holds; zeros when there is none. */
export function toTally (d: Pick<TallyDoc, VoteValue> | null | undefined): Tally {
  return { for: d?.for ?? 0, mixed: d?.mixed ?? 0, against: d?.against ?? 0 }
}

/** The filter selecting one user's vote on one target (the fields of the unique index). */
export function voteKey (userId: string, t: VoteTarget): { userId: string; 'target.type': TargetType; 'target.id': string } {
  return { userId, 'target.type': t.type, 'target.id': t.id }
}

/** Wraps bytes as BSON Binary (subtype 0), honouring the view's offset and length. */
export function toBinary (bytes: Uint8Array): Binary {
  return new Binary(bytes)
}

/**
 * The bytes of a stored Binary as a fresh Uint8Array. The driver's value is
 * a view into the whole reply buffer; copying keeps that buffer collectable.
 * (A client with `promoteBuffers` set hands back a Buffer instead.)
 */
export function fromBinary (b: Binary | Uint8Array): Uint8Array {
  return new Uint8Array(b instanceof Uint8Array ? b : b.value())
}
