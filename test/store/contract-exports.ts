/**
 * The Store contract for the synthesis and exports: keyset pages over a
 * bill's votes, arguments and amendments (every item once, in order, other
 * bills left out), amendment counts by status, participation figures, and
 * bulk loading (one transaction; counters equal a recount; a duplicate
 * refuses the whole batch). Declared inside `storeContract`.
 */
import assert from 'node:assert/strict'
import type { ArgumentRecord, BillVoteKey, CreatedKey, Store, VoteRecord } from '../../server/store/store.ts'
import { DuplicateKeyError } from '../../server/store/store.ts'
import { amendment } from './amendments-contract.ts'
import { bill, user } from './contract.ts'
import { recountTally } from '../helpers/recount.ts'

const at = (day: number, minute = 0): string => new Date(Date.UTC(2030, 0, day, 0, minute)).toISOString()

function argument (id: string, over: Partial<ArgumentRecord> = {}): ArgumentRecord {
  return {
    id, billId: 'b1', target: { type: 'article', id: 'a1' }, side: 'for', body: `body ${id}`, authorId: 'u1',
    createdAt: at(1), editedAt: null, deletedAt: null, deletedBy: null, ...over
  }
}

const vote = (userId: string, type: VoteRecord['target']['type'], id: string, value: VoteRecord['value'], day = 1, billId = 'b1'): VoteRecord =>
  ({ userId, target: { type, id }, billId, value, at: at(day) })

/** Every page of a keyset list, following the last item's key. */
async function allPages<T, K> (page: (after: K | null) => Promise<T[]>, key: (item: T) => K, limit: number): Promise<T[]> {
  const out: T[] = []
  let after: K | null = null
  for (let i = 0; i < 1000; i++) {
    const items = await page(after)
    assert.ok(items.length <= limit)
    out.push(...items)
    if (items.length < limit) return out
    after = key(items[items.length - 1])
  }
  throw new Error('pagination does not end')
}

/** Declares the export tests; `store()` gives the current test's store. */
export function exportsContract (store: () => Store): void {
  describe('exports', () => {
    beforeEach(async () => {
      await store().bulkInsert({
        users: [
          user('u1'), user('u2', { profileType: 'organisation' }), user('u3', { profileType: 'institution' }),
          user('u4'), user('u5')
        ]
      })
      await store().createBill(bill('b1', { status: 'open' }))
      await store().createBill(bill('b2', { status: 'open' }))
      const revision = (billId: string, ids: string[]) => ({
        billId, number: 1, doc: { type: 'doc', content: [] }, publishedAt: at(1), publishedBy: 'u1',
        articles: ids.map((id, i) => ({ id, num: String(i + 1), heading: null, alineas: ['x'], hash: 'h' }))
      })
      await store().publishRevision(revision('b1', ['a1', 'a2']), { revision: 1 })
      await store().publishRevision(revision('b2', ['a9']), { revision: 1 })
    })

    it('loads a batch with counters equal to a recount, and pages through the bill\'s votes in key order', async () => {
      const votes = [
        vote('u1', 'article', 'a1', 'for'), vote('u2', 'article', 'a1', 'against', 2), vote('u3', 'article', 'a1', 'for', 2),
        vote('u1', 'article', 'a2', 'mixed'), vote('u1', 'amendment', 'm1', 'for', 3), vote('u2', 'argument', 'g1', 'for', 3),
        vote('u4', 'article', 'a2', 'for', 3, 'b2')
      ]
      await store().bulkInsert({ votes })
      assert.deepEqual(await store().getTally({ type: 'article', id: 'a1' }), { for: 2, mixed: 0, against: 1 })
      for (const t of [{ type: 'article' as const, id: 'a1' }, { type: 'article' as const, id: 'a2' }, { type: 'argument' as const, id: 'g1' }]) {
        assert.deepEqual(await recountTally(store(), ['b1', 'b2'], t), await store().getTally(t))
      }
      // A later ordinary vote still moves the same counters.
      assert.deepEqual(await store().castVote(vote('u1', 'article', 'a1', 'against')), { for: 1, mixed: 0, against: 2 })
      const key = (v: VoteRecord): BillVoteKey => ({ userId: v.userId, type: v.target.type, id: v.target.id })
      for (const limit of [1, 2, 100]) {
        const all = await allPages(after => store().listBillVotes('b1', after, limit), key, limit)
        assert.deepEqual(all.map(v => `${v.userId}/${v.target.type}/${v.target.id}/${v.value}`), [
          'u1/amendment/m1/for', 'u1/article/a1/against', 'u1/article/a2/mixed', 'u2/argument/g1/for', 'u2/article/a1/against', 'u3/article/a1/for'
        ])
      }
      assert.deepEqual(await store().listBillVotes('nope', null, 10), [])
    })

    it('refuses a whole batch on a duplicate and changes nothing', async () => {
      await store().bulkInsert({ votes: [vote('u1', 'article', 'a1', 'for')] })
      await assert.rejects(store().bulkInsert({
        arguments: [argument('g9')],
        votes: [vote('u2', 'article', 'a1', 'for'), vote('u1', 'article', 'a1', 'against')]
      }), DuplicateKeyError)
      assert.deepEqual(await store().getTally({ type: 'article', id: 'a1' }), { for: 1, mixed: 0, against: 0 })
      assert.equal(await store().getArgument('g9'), null)
      await assert.rejects(store().bulkInsert({ users: [user('u9', { email: 'u1@example.org' })] }), DuplicateKeyError)
      assert.equal(await store().getUser('u9'), null)
    })

    it('pages through the bill\'s arguments (not deleted) and amendments (every status), oldest first then by id', async () => {
      const args = [
        argument('g2', { createdAt: at(1) }), argument('g1', { createdAt: at(1) }), argument('g3', { createdAt: at(2), side: 'against' }),
        argument('g4', { createdAt: at(3), deletedAt: at(4), deletedBy: 'u1' }), argument('g5', { createdAt: at(5), billId: 'b2' })
      ]
      const amendments = [
        amendment('m2', 2), amendment('m1', 2, { number: 1 }), amendment('m3', 3, { status: 'withdrawn' }), amendment('m4', 4, { billId: 'b2' })
      ]
      await store().bulkInsert({ arguments: args, amendments })
      assert.deepEqual(await store().getArgument('g3'), args[2])
      assert.deepEqual(await store().getAmendment('m3'), amendments[2])
      await store().castVote(vote('u2', 'argument', 'g3', 'for'))
      const key = (x: { createdAt: string; id: string }): CreatedKey => ({ createdAt: x.createdAt, id: x.id })
      for (const limit of [1, 2, 10]) {
        const got = await allPages(after => store().listBillArguments('b1', { after, limit }), key, limit)
        assert.deepEqual(got.map(a => [a.id, a.upvotes, a.hidden]), [['g1', 0, false], ['g2', 0, false], ['g3', 1, false]])
        const ams = await allPages(after => store().listBillAmendments('b1', after, limit), key, limit)
        assert.deepEqual(ams.map(a => [a.id, a.status]), [['m1', 'proposed'], ['m2', 'proposed'], ['m3', 'withdrawn']])
      }
      assert.deepEqual((await store().listBillArguments('b1')).map(a => a.id), ['g1', 'g2', 'g3'])
    })

    it('counts amendments by article and status', async () => {
      await store().bulkInsert({
        amendments: [
          amendment('m1', 1), amendment('m2', 2, { status: 'withdrawn' }),
          amendment('m3', 3, { status: 'accepted', decision: { by: 'u1', at: at(2), response: 'Oui' }, decidedSeq: 1 }),
          amendment('m4', 4, { articleId: 'a2' }), amendment('m5', 5, { billId: 'b2', articleId: 'a9' })
        ]
      })
      const counts = await store().amendmentStatusCounts('b1')
      assert.deepEqual(Object.fromEntries(counts), {
        a1: { proposed: 1, accepted: 1, rejected: 0, withdrawn: 1 },
        a2: { proposed: 1, accepted: 0, rejected: 0, withdrawn: 0 }
      })
    })

    it('gives participation: distinct participants by profile type, contributions, and activity per UTC day', async () => {
      await store().bulkInsert({
        votes: [
          vote('u1', 'article', 'a1', 'for', 1), vote('u1', 'article', 'a2', 'for', 2), vote('u2', 'amendment', 'm1', 'against', 2),
          vote('u2', 'argument', 'g1', 'for', 2), vote('u5', 'article', 'a1', 'for', 1, 'b2')
        ],
        arguments: [argument('g1', { authorId: 'u3', createdAt: at(2, 30) }), argument('g2', { authorId: 'u5', createdAt: at(3), deletedAt: at(3), deletedBy: 'u5' })],
        amendments: [amendment('m1', 1, { authorId: 'u4' }), amendment('m2', 2, { authorId: 'u5', status: 'withdrawn' })]
      })
      const p = await store().participation('b1')
      assert.deepEqual(p, {
        participants: { citizen: 2, organisation: 1, institution: 1 },
        votes: { article: 2, amendment: 1, argument: 1 },
        amendments: 1,
        arguments: 1,
        days: [
          { day: '2030-01-01', votes: 1, amendments: 1, arguments: 0 },
          { day: '2030-01-02', votes: 3, amendments: 0, arguments: 1 }
        ]
      })
      const none = await store().participation('nope')
      assert.deepEqual(none, { participants: { citizen: 0, organisation: 0, institution: 0 }, votes: { article: 0, amendment: 0, argument: 0 }, amendments: 0, arguments: 0, days: [] })
    })
  })
}
