/**
 * Amendments in MongoDB. Lists are keyset-paginated in the three orders of
 * `../ranking.ts`, evaluated by the server: `supported` joins each amendment's
 * `tallies` document (by its `_id`, `amendment:<id>`) and computes the Wilson
 * score with aggregation operators; `random` computes the affine permutation
 * of `shuffle` in 64-bit integers. Decisions take the next rank of a per-bill
 * counter (`decisionSeqs`) in the same transaction as the compare-and-set of
 * the status; withdrawals and rebases are single-document compare-and-sets.
 */
import { Long } from 'mongodb'
import type { Document, Filter } from 'mongodb'
import type { AmendmentListKey, AmendmentListQuery, AmendmentStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import type { AmendmentDoc } from './amendment-documents.ts'
import { amendmentDoc, amendmentTextFields, toAmendment } from './amendment-documents.ts'
import { amendmentPage } from '../types/amendments.ts'
import { refuseDuplicate } from './errors.ts'
import { runTransaction } from './transactions.ts'
import { RANDOM_MODULUS, WILSON_Z } from '../../domain/ranking.ts'

type Ranked = AmendmentDoc & { _score?: number; _rank?: number }

/** `supportScore` of `../ranking.ts` as an aggregation expression over the fields `_f`, `_m`, `_a`. */
export function supportScoreExpression (): Document {
  const z2 = WILSON_Z * WILSON_Z
  return {
    $let: {
      vars: { n: { $add: ['$_f', '$_m', '$_a'] } },
      in: {
        $cond: [{ $lte: [{ $add: ['$_f', '$_m'] }, 0] }, { $divide: [{ $multiply: [-1, '$_a'] }, { $add: ['$_a', 1] }] }, {
          $let: {
            vars: { p: { $divide: [{ $add: ['$_f', { $divide: ['$_m', 2] }] }, '$$n'] } },
            in: {
              $divide: [
                {
                  $subtract: [
                    { $add: ['$$p', { $divide: [z2, { $multiply: [2, '$$n'] }] }] },
                    { $multiply: [WILSON_Z, { $sqrt: { $divide: [{ $add: [{ $multiply: ['$$p', { $subtract: [1, '$$p'] }] }, { $divide: [z2, { $multiply: [4, '$$n'] }] }] }, '$$n'] } }] }
                  ]
                },
                { $add: [1, { $divide: [z2, '$$n'] }] }
              ]
            }
          }
        }]
      }
    }
  }
}

/** The pipeline stages that set `_score` from the amendment's tally document. */
function scoreStages (): Document[] {
  const counter = (field: string) => ({ $ifNull: [{ $arrayElemAt: [`$_tally.${field}`, 0] }, 0] })
  return [
    { $addFields: { _tallyId: { $concat: ['amendment:', '$_id'] } } },
    { $lookup: { from: 'tallies', localField: '_tallyId', foreignField: '_id', as: '_tally' } },
    { $addFields: { _f: counter('for'), _m: counter('mixed'), _a: counter('against') } },
    { $addFields: { _score: supportScoreExpression() } }
  ]
}

/** The key of a listed document in the query's order. */
function keyOf (d: Ranked, sort: AmendmentListQuery['sort']): AmendmentListKey {
  if (sort === 'supported') return { sort, score: d._score!, createdAt: d.createdAt, id: d._id }
  if (sort === 'random') return { sort, rank: Number(d._rank), id: d._id }
  return { sort, createdAt: d.createdAt, id: d._id }
}

/** The amendment methods of the MongoDB store. */
export function mongoAmendments ({ client, col }: MongoContext): AmendmentStore {
  return {
    async createAmendment (am) {
      // The bill's number counter and the insert are one transaction: concurrent proposals retry on the counter.
      return runTransaction(client, async session => {
        const counter = await col.amendmentNumbers.findOneAndUpdate({ _id: am.billId }, { $inc: { seq: 1 } },
          { upsert: true, returnDocument: 'after', session })
        if (!counter) throw new RangeError(`no amendment counter for bill ${am.billId}`)
        await refuseDuplicate(col.amendments.insertOne({ ...amendmentDoc(am), number: counter.seq }, { session }), 'id')
        return counter.seq
      })
    },
    async getAmendment (id) {
      const d = await col.amendments.findOne({ _id: id })
      return d ? toAmendment(d) : null
    },
    async listAmendments (scope, query) {
      const match: Filter<AmendmentDoc> = { ...('articleId' in scope ? { articleId: scope.articleId } : { billId: scope.billId }), status: query.status ?? { $ne: 'withdrawn' } }
      // Documents stored before additional articles have no `kind`: they are `article` amendments.
      if ('articleId' in scope || query.kind) match.kind = (query.kind ?? 'article') === 'article' ? { $ne: 'addArticle' } : 'addArticle'
      const after = query.after?.sort === query.sort ? query.after : null
      let rows: Ranked[]
      if (query.sort === 'supported') {
        const stages: Document[] = [{ $match: match }, ...scoreStages()]
        if (after?.sort === 'supported') {
          stages.push({
            $match: {
              $or: [
                { _score: { $lt: after.score } },
                { _score: after.score, createdAt: { $lt: after.createdAt } },
                { _score: after.score, createdAt: after.createdAt, _id: { $lt: after.id } }
              ]
            }
          })
        }
        stages.push({ $sort: { _score: -1, createdAt: -1, _id: -1 } }, { $limit: query.limit + 1 })
        rows = await col.amendments.aggregate<Ranked>(stages).toArray()
      } else if (query.sort === 'random') {
        const seed = query.seed ?? { a: 1, b: 0 }
        const stages: Document[] = [
          { $match: match },
          {
            $addFields: {
              _rank: {
                $mod: [{ $add: [{ $multiply: [{ $toLong: '$shuffle' }, Long.fromNumber(seed.a)] }, Long.fromNumber(seed.b)] }, Long.fromNumber(RANDOM_MODULUS)]
              }
            }
          }
        ]
        if (after?.sort === 'random') {
          stages.push({ $match: { $or: [{ _rank: { $gt: after.rank } }, { _rank: after.rank, _id: { $gt: after.id } }] } })
        }
        stages.push({ $sort: { _rank: 1, _id: 1 } }, { $limit: query.limit + 1 })
        rows = await col.amendments.aggregate<Ranked>(stages).toArray()
      } else {
        const filter: Filter<AmendmentDoc> = after?.sort === 'recent'
          ? { $and: [match, { $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, _id: { $lt: after.id } }] }] }
          : match
        rows = await col.amendments.find(filter).sort({ createdAt: -1, _id: -1 }).limit(query.limit + 1).toArray()
      }
      return amendmentPage(rows, query.limit, toAmendment, r => keyOf(r, query.sort))
    },
    async countAmendments (articleIds) {
      const out = new Map<string, number>()
      for (const id of articleIds) out.set(id, 0)
      if (articleIds.length === 0) return out
      const groups = col.amendments.aggregate<{ _id: string; n: number }>([
        { $match: { articleId: { $in: articleIds }, status: { $ne: 'withdrawn' }, kind: { $ne: 'addArticle' } } },
        { $group: { _id: '$articleId', n: { $sum: 1 } } }
      ])
      for await (const g of groups) out.set(g._id, g.n)
      return out
    },
    async amendmentTimesByAuthor (authorId, articleId, since) {
      const docs = await col.amendments.find({ authorId, articleId, createdAt: { $gte: since } }, { projection: { createdAt: 1 } })
        .sort({ createdAt: 1 }).toArray()
      return docs.map(d => d.createdAt)
    },
    async decideAmendment (id, status, decision) {
      // Two decisions on one bill collide on its counter document: the loser is run again by withTransaction.
      return runTransaction(client, async session => {
        const current = await col.amendments.findOne({ _id: id }, { session, projection: { status: 1, billId: 1 } })
        if (!current || current.status !== 'proposed') return null
        const counter = await col.decisionSeqs.findOneAndUpdate({ _id: current.billId }, { $inc: { seq: 1 } },
          { upsert: true, returnDocument: 'after', session })
        if (!counter) throw new RangeError(`no decision counter for bill ${current.billId}`)
        const d = await col.amendments.findOneAndUpdate({ _id: id, status: 'proposed' },
          { $set: { status, decision: { by: decision.by, at: decision.at, response: decision.response }, decidedSeq: counter.seq, updatedAt: decision.at } },
          { returnDocument: 'after', session })
        return d ? toAmendment(d) : null
      }, { retryDuplicateKey: true })
    },
    async withdrawAmendment (id, at) {
      const d = await col.amendments.findOneAndUpdate({ _id: id, status: 'proposed' },
        { $set: { status: 'withdrawn', updatedAt: at } }, { returnDocument: 'after' })
      return d ? toAmendment(d) : null
    },
    async updateAmendmentText (id, text, expectedBaseRevision) {
      const d = await col.amendments.findOneAndUpdate({ _id: id, status: 'proposed', baseRevision: expectedBaseRevision },
        { $set: amendmentTextFields(text) }, { returnDocument: 'after' })
      return d ? toAmendment(d) : null
    },
    async listAcceptedAmendments (billId) {
      return (await col.amendments.find({ billId, status: 'accepted' }).sort({ decidedSeq: 1 }).toArray()).map(toAmendment)
    }
  }
}
