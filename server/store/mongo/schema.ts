/**
 * The MongoDB collections of the store and their indexes. MongoDB has no
 * migrations: `ensureSchema` creates the collections (so transactions never
 * have to) and the indexes at open; both steps are idempotent, so every
 * process may run them at every start.
 */
import type { Collection, Db, IndexDescription, MongoClient } from 'mongodb'
import { MongoServerError } from 'mongodb'
import type {
  ArticleDoc, BillDoc, BillVoterDoc, CredentialDoc, DocSeqDoc, DocUpdateDoc, RevisionDoc, TallyDoc, UserDoc, VoteDoc
} from './documents.ts'
import type {
  ArgumentDoc, ModerationActionDoc, ModerationStateDoc, NotificationDoc, ReportDoc
} from './debate-documents.ts'
import type { AgendaItemDoc, CouncilArgumentDoc, CouncilDoc, CouncilVoteDoc, OpinionDoc, VolunteerDoc } from './council-documents.ts'
import type { AmendmentDoc, AmendmentNumberDoc, DecisionSeqDoc } from './amendment-documents.ts'
import type { AccountTokenDoc, FollowDoc, MailDoc } from './identity-documents.ts'
import type { BillStatsDoc } from './bill-stats.ts'

/** The typed collections the per-aggregate factories use. */
export interface MongoCollections {
  users: Collection<UserDoc>
  credentials: Collection<CredentialDoc>
  bills: Collection<BillDoc>
  revisions: Collection<RevisionDoc>
  articles: Collection<ArticleDoc>
  votes: Collection<VoteDoc>
  tallies: Collection<TallyDoc>
  billVoters: Collection<BillVoterDoc>
  docUpdates: Collection<DocUpdateDoc>
  docSeqs: Collection<DocSeqDoc>
  arguments: Collection<ArgumentDoc>
  reports: Collection<ReportDoc>
  moderationStates: Collection<ModerationStateDoc>
  moderationActions: Collection<ModerationActionDoc>
  notifications: Collection<NotificationDoc>
  amendments: Collection<AmendmentDoc>
  decisionSeqs: Collection<DecisionSeqDoc>
  councils: Collection<CouncilDoc>
  volunteers: Collection<VolunteerDoc>
  councilAgenda: Collection<AgendaItemDoc>
  councilArguments: Collection<CouncilArgumentDoc>
  councilVotes: Collection<CouncilVoteDoc>
  councilOpinions: Collection<OpinionDoc>
  amendmentNumbers: Collection<AmendmentNumberDoc>
  accountTokens: Collection<AccountTokenDoc>
  mails: Collection<MailDoc>
  follows: Collection<FollowDoc>
  billStats: Collection<BillStatsDoc>
}

/** What the per-aggregate factories share: the client (for sessions) and the collections. */
export interface MongoContext {
  client: MongoClient
  col: MongoCollections
}

/**
 * Every collection with its secondary indexes. The unique ones are the
 * constraints the store relies on: one account per email, one revision per
 * number, one vote per user and target, one update per sequence number.
 */
export const INDEXES: Readonly<Record<keyof MongoCollections, IndexDescription[]>> = {
  users: [{ key: { email: 1 }, unique: true }, { key: { nameKey: 1, createdAt: 1 } }, { key: { oidcSub: 1 }, unique: true, sparse: true }],
  credentials: [{ key: { userId: 1 } }, { key: { userId: 1, kind: 1, createdAt: -1 } }],
  bills: [{ key: { editors: 1 } }, { key: { status: 1 } }, { key: { createdAt: -1, _id: 1 } }],
  revisions: [{ key: { billId: 1, number: 1 }, unique: true }],
  articles: [{ key: { billId: 1, position: 1 } }],
  votes: [
    { key: { userId: 1, 'target.type': 1, 'target.id': 1 }, unique: true },
    { key: { 'target.type': 1, 'target.id': 1 } },
    { key: { billId: 1, userId: 1 } },
    // exports page through a bill's votes in this order
    { key: { billId: 1, userId: 1, 'target.type': 1, 'target.id': 1 } },
    // a user's own votes, newest first (the account's activity)
    { key: { userId: 1, at: -1 } }
  ],
  tallies: [],
  billVoters: [{ key: { billId: 1 } }],
  docUpdates: [{ key: { billId: 1, seq: 1 }, unique: true }],
  docSeqs: [],
  arguments: [
    { key: { 'target.type': 1, 'target.id': 1, createdAt: -1 } },
    { key: { billId: 1, createdAt: 1 } },
    { key: { billId: 1, createdAt: 1, _id: 1 } },
    { key: { authorId: 1, createdAt: -1, _id: -1 } }
  ],
  reports: [
    { key: { userId: 1, 'target.type': 1, 'target.id': 1 }, unique: true },
    // a user's own reports, newest first (keyset)
    { key: { userId: 1, at: -1, _id: -1 } },
    { key: { 'target.type': 1, 'target.id': 1, at: 1 } }
  ],
  moderationStates: [{ key: { pendingReports: -1, lastReportAt: -1 }, partialFilterExpression: { pendingReports: { $gt: 0 } } }],
  moderationActions: [{ key: { at: -1, _id: -1 } }],
  notifications: [
    { key: { userId: 1, at: -1, _id: -1 } },
    { key: { userId: 1, mailedAt: 1 } },
    // the digest: who has unmailed notifications (distinct userId where mailedAt is null)
    { key: { mailedAt: 1, userId: 1 } }
  ],
  amendments: [
    { key: { articleId: 1, createdAt: -1, _id: -1 } },
    { key: { authorId: 1, articleId: 1, createdAt: 1 } },
    // a user's own amendments, newest first (keyset)
    { key: { authorId: 1, createdAt: -1, _id: -1 } },
    { key: { billId: 1, status: 1, decidedSeq: 1 } },
    { key: { billId: 1, createdAt: 1, _id: 1 } },
    { key: { billId: 1, decidedSeq: 1 }, unique: true, partialFilterExpression: { decidedSeq: { $type: 'number' } } },
    { key: { billId: 1, number: 1 }, unique: true, partialFilterExpression: { number: { $type: 'number' } } }
  ],
  decisionSeqs: [],
  councils: [],
  volunteers: [{ key: { billId: 1, userId: 1 } }],
  councilAgenda: [{ key: { billId: 1, 'target.type': 1, 'target.id': 1 }, unique: true }, { key: { billId: 1, seq: 1 } }],
  councilArguments: [{ key: { billId: 1, at: 1, _id: 1 } }, { key: { itemId: 1 } }],
  councilVotes: [{ key: { billId: 1, itemId: 1, userId: 1 } }, { key: { itemId: 1 } }],
  councilOpinions: [{ key: { billId: 1, at: 1 } }],
  amendmentNumbers: [],
  accountTokens: [{ key: { userId: 1 } }],
  // userId: erasure drops a user's unsent mails
  mails: [{ key: { nextAttemptAt: 1 }, partialFilterExpression: { pending: true } }, { key: { to: 1, createdAt: 1 } }, { key: { userId: 1 } }],
  follows: [
    { key: { userId: 1, 'target.type': 1, 'target.id': 1 }, unique: true },
    { key: { 'target.type': 1, 'target.id': 1 } },
    { key: { userId: 1, createdAt: -1, _id: -1 } }
  ],
  billStats: []
}

/** The typed handles of the store's collections in `db`. */
export function collectionsOf (db: Db): MongoCollections {
  return {
    users: db.collection<UserDoc>('users'),
    credentials: db.collection<CredentialDoc>('credentials'),
    bills: db.collection<BillDoc>('bills'),
    revisions: db.collection<RevisionDoc>('revisions'),
    articles: db.collection<ArticleDoc>('articles'),
    votes: db.collection<VoteDoc>('votes'),
    tallies: db.collection<TallyDoc>('tallies'),
    billVoters: db.collection<BillVoterDoc>('billVoters'),
    docUpdates: db.collection<DocUpdateDoc>('docUpdates'),
    docSeqs: db.collection<DocSeqDoc>('docSeqs'),
    arguments: db.collection<ArgumentDoc>('arguments'),
    reports: db.collection<ReportDoc>('reports'),
    moderationStates: db.collection<ModerationStateDoc>('moderationStates'),
    moderationActions: db.collection<ModerationActionDoc>('moderationActions'),
    notifications: db.collection<NotificationDoc>('notifications'),
    amendments: db.collection<AmendmentDoc>('amendments'),
    decisionSeqs: db.collection<DecisionSeqDoc>('decisionSeqs'),
    councils: db.collection<CouncilDoc>('councils'),
    volunteers: db.collection<VolunteerDoc>('volunteers'),
    councilAgenda: db.collection<AgendaItemDoc>('councilAgenda'),
    councilArguments: db.collection<CouncilArgumentDoc>('councilArguments'),
    councilVotes: db.collection<CouncilVoteDoc>('councilVotes'),
    councilOpinions: db.collection<OpinionDoc>('councilOpinions'),
    amendmentNumbers: db.collection<AmendmentNumberDoc>('amendmentNumbers'),
    accountTokens: db.collection<AccountTokenDoc>('accountTokens'),
    mails: db.collection<MailDoc>('mails'),
    follows: db.collection<FollowDoc>('follows'),
    billStats: db.collection<BillStatsDoc>('billStats')
  }
}

/** Server error code when a collection already exists (another process created it first). */
const NAMESPACE_EXISTS = 48

/** Creates the missing collections and all indexes; safe to run concurrently and repeatedly. */
export async function ensureSchema (db: Db): Promise<void> {
  const names = Object.keys(INDEXES) as (keyof MongoCollections)[]
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map(c => c.name))
  for (const name of names) {
    if (existing.has(name)) continue
    try {
      await db.createCollection(name)
    } catch (err) {
      if (!(err instanceof MongoServerError && err.code === NAMESPACE_EXISTS)) throw err
    }
  }
  for (const name of names) {
    if (INDEXES[name].length > 0) await db.collection(name).createIndexes(INDEXES[name])
  }
}
