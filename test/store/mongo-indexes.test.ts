/**
 * The MongoDB store's queries and the indexes that serve them (issue 14's
 * review for a cluster). MongoDB cannot run here, so this checks the shapes:
 * for each query the store makes (collection, equality fields, then range or
 * sort fields), some index of `INDEXES` (or `_id`) starts with the equality
 * fields in any order, followed by the others in order. Removing an index a
 * query needs, or adding a query without one, fails here.
 */
import assert from 'node:assert/strict'
import { INDEXES, type MongoCollections } from '../../server/store/mongo/schema.ts'

interface Query { where: string; col: keyof MongoCollections; eq: string[]; then?: string[] }

/** Every filtered or sorted query of server/store/mongo/ that is not by `_id`. */
const QUERIES: Query[] = [
  { where: 'users: by email', col: 'users', eq: ['email'] },
  { where: 'users: look-alike names', col: 'users', eq: ['nameKey'], then: ['createdAt'] },
  { where: 'users: OpenID Connect subject', col: 'users', eq: ['oidcSub'] },
  { where: 'credentials: a user\'s sessions or tokens', col: 'credentials', eq: ['userId', 'kind'] },
  { where: 'credentials: erasure, end all', col: 'credentials', eq: ['userId'] },
  { where: 'bills: list, newest first', col: 'bills', eq: [], then: ['createdAt'] },
  { where: 'revisions: by number', col: 'revisions', eq: ['billId', 'number'] },
  { where: 'articles: of a bill in order', col: 'articles', eq: ['billId'], then: ['position'] },
  { where: 'votes: a user\'s vote on targets', col: 'votes', eq: ['userId', 'target.type', 'target.id'] },
  { where: 'votes: recount, upvotes cleared', col: 'votes', eq: ['target.type', 'target.id'] },
  { where: 'votes: export keyset', col: 'votes', eq: ['billId'], then: ['userId', 'target.type', 'target.id'] },
  { where: 'votes: a user\'s own, newest first', col: 'votes', eq: ['userId'], then: ['at'] },
  { where: 'billVoters: count while a bill has no counter', col: 'billVoters', eq: ['billId'] },
  { where: 'docUpdates: a bill\'s updates in order, compaction', col: 'docUpdates', eq: ['billId'], then: ['seq'] },
  { where: 'arguments: of a target', col: 'arguments', eq: ['target.type', 'target.id'], then: ['createdAt'] },
  { where: 'arguments: of a bill (exports)', col: 'arguments', eq: ['billId'], then: ['createdAt', '_id'] },
  { where: 'arguments: an author\'s own', col: 'arguments', eq: ['authorId'], then: ['createdAt', '_id'] },
  { where: 'reports: one per user and target', col: 'reports', eq: ['userId', 'target.type', 'target.id'] },
  { where: 'reports: of targets', col: 'reports', eq: ['target.type', 'target.id'] },
  { where: 'reports: a user\'s own', col: 'reports', eq: ['userId'], then: ['at', '_id'] },
  { where: 'moderationStates: the queue', col: 'moderationStates', eq: [], then: ['pendingReports', 'lastReportAt'] },
  { where: 'moderationActions: the log', col: 'moderationActions', eq: [], then: ['at', '_id'] },
  { where: 'notifications: a user\'s list', col: 'notifications', eq: ['userId'], then: ['at', '_id'] },
  { where: 'notifications: a user\'s unmailed', col: 'notifications', eq: ['userId', 'mailedAt'] },
  { where: 'notifications: who has unmailed (digest)', col: 'notifications', eq: ['mailedAt'], then: ['userId'] },
  { where: 'amendments: of an article, newest first', col: 'amendments', eq: ['articleId'], then: ['createdAt', '_id'] },
  { where: 'amendments: per-article hourly limit', col: 'amendments', eq: ['authorId', 'articleId'], then: ['createdAt'] },
  { where: 'amendments: an author\'s own', col: 'amendments', eq: ['authorId'], then: ['createdAt', '_id'] },
  { where: 'amendments: accepted in decision order', col: 'amendments', eq: ['billId', 'status'], then: ['decidedSeq'] },
  { where: 'amendments: of a bill (exports)', col: 'amendments', eq: ['billId'], then: ['createdAt', '_id'] },
  { where: 'amendments: numbers', col: 'amendments', eq: ['billId', 'number'] },
  { where: 'volunteers: of a council', col: 'volunteers', eq: ['billId'], then: ['userId'] },
  { where: 'councilAgenda: in order', col: 'councilAgenda', eq: ['billId'], then: ['seq'] },
  { where: 'councilArguments: of an item', col: 'councilArguments', eq: ['itemId'] },
  { where: 'councilVotes: of a council', col: 'councilVotes', eq: ['billId'], then: ['itemId', 'userId'] },
  { where: 'councilVotes: of an item', col: 'councilVotes', eq: ['itemId'] },
  { where: 'councilOpinions: of a council', col: 'councilOpinions', eq: ['billId'], then: ['at'] },
  { where: 'accountTokens: erasure', col: 'accountTokens', eq: ['userId'] },
  { where: 'mails: due (claim)', col: 'mails', eq: [], then: ['nextAttemptAt'] },
  { where: 'mails: to an address (tests, support)', col: 'mails', eq: ['to'], then: ['createdAt'] },
  { where: 'mails: erasure', col: 'mails', eq: ['userId'] },
  { where: 'follows: one per user and target', col: 'follows', eq: ['userId', 'target.type', 'target.id'] },
  { where: 'follows: followers of targets', col: 'follows', eq: ['target.type', 'target.id'] },
  { where: 'follows: a user\'s list', col: 'follows', eq: ['userId'], then: ['createdAt', '_id'] }
]

/** Whether an index (its key fields in order) serves equality on `eq` then `then`. */
function serves (fields: string[], q: Query): boolean {
  const head = fields.slice(0, q.eq.length)
  if (head.length !== q.eq.length || !q.eq.every(f => head.includes(f))) return false
  const rest = q.then ?? []
  return rest.every((f, i) => fields[q.eq.length + i] === f)
}

describe('MongoDB store: an index for every query', () => {
  for (const q of QUERIES) {
    it(`${q.col}: ${q.where}`, () => {
      const indexes = INDEXES[q.col].map(ix => Object.keys(ix.key as Record<string, unknown>))
      assert.ok(indexes.some(fields => serves(fields, q)),
        `no index of ${q.col} serves equality on [${q.eq}] then [${q.then ?? []}]; indexes: ${JSON.stringify(indexes)}`)
    })
  }
})
