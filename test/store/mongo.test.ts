/**
 * The store contract against MongoDB, plus the properties DESIGN asks of
 * this store under load. Runs when MONGODB_URL points at a replica set (or
 * mongos); otherwise each suite shows one pending test saying why it was
 * skipped. Every store opened here gets its own database, dropped after
 * each test.
 */
import assert from 'node:assert/strict'
import { MongoClient } from 'mongodb'
import type { Store, VoteRecord } from '../../server/store/store.ts'
import { openMongoStore } from '../../server/store/mongo/index.ts'
import { bill, storeContract, user } from './contract.ts'
import { recountTally } from '../helpers/recount.ts'

const url = process.env.MONGODB_URL
const SKIPPED = 'runs when MONGODB_URL is set (skipped: MONGODB_URL is not set)'

/** Stores on fresh databases: `open` makes one, `dbNameOf` tells its database. */
interface FreshDatabases {
  open (): Promise<Store>
  dbNameOf (store: Store): string
}

/** Opens stores on fresh databases, and drops those databases after each test. */
function freshDatabases (mongoUrl: string): FreshDatabases {
  const prefix = `alinea_test_${process.pid}_${Date.now().toString(36)}`
  const used: string[] = []
  const names = new WeakMap<Store, string>()
  let admin: MongoClient | undefined
  let n = 0
  before(async () => { admin = await MongoClient.connect(mongoUrl) })
  afterEach(async () => {
    for (const name of used.splice(0)) await admin?.db(name).dropDatabase()
  })
  after(async () => { await admin?.close() })
  return {
    async open () {
      const dbName = `${prefix}_${n++}`
      used.push(dbName)
      const store = await openMongoStore(mongoUrl, { dbName })
      names.set(store, dbName)
      return store
    },
    dbNameOf (store) {
      const name = names.get(store)
      if (name === undefined) throw new Error('not a store of this suite')
      return name
    }
  }
}

describe('Store contract: MongoDB', function () {
  if (!url) {
    it(SKIPPED)
    return
  }
  this.timeout(60_000)
  const dbs = freshDatabases(url)
  storeContract(() => dbs.open())
})

describe('MongoDB store: records, concurrency and durability', function () {
  if (!url) {
    it(SKIPPED)
    return
  }
  this.timeout(180_000)
  const dbs = freshDatabases(url)
  let store: Store
  beforeEach(async () => { store = await dbs.open() })
  afterEach(async () => { await store.close() })

  const target = { type: 'article' as const, id: 'a1' }
  const vote = (userId: string, value: VoteRecord['value']): VoteRecord =>
    ({ userId, target, billId: 'b1', value, at: new Date().toISOString() })

  it('returns records exactly as stored, without _id', async () => {
    const u = user('u1')
    await store.createUser(u)
    assert.deepEqual(await store.getUser('u1'), u)
    const b = bill('b1', { opensAt: new Date().toISOString(), editors: ['u1', 'u2'] })
    await store.createBill(b)
    assert.deepEqual(await store.getBill('b1'), b)
    const cred = { id: 'h1', kind: 'token' as const, userId: 'u1', createdAt: new Date().toISOString(), expiresAt: null }
    await store.createCredential(cred)
    assert.deepEqual(await store.getCredential('h1'), cred)
    await store.publishRevision({
      billId: 'b1', number: 1, doc: { type: 'doc', content: [] },
      articles: [{ id: 'a1', num: '1er', heading: 'Objet', alineas: ['x'], hash: 'h' }],
      publishedAt: new Date().toISOString(), publishedBy: 'u1'
    }, { revision: 1 })
    assert.deepEqual(await store.getArticle('a1'), {
      id: 'a1', billId: 'b1', num: '1er', heading: 'Objet', alineas: ['x'], hash: 'h', revision: 1, position: 0, removedIn: null
    })
  })

  it('opens the same database twice (schema creation is idempotent)', async () => {
    await store.createUser(user('u1'))
    const again = await openMongoStore(url, { dbName: dbs.dbNameOf(store) })
    try {
      assert.equal(await again.countUsers(), 1)
      await assert.rejects(again.createUser(user('u2', { email: 'u1@example.org' })), { name: 'DuplicateKeyError', key: 'email' })
    } finally {
      await again.close()
    }
  })

  it('keeps one vote when one user votes 200 times in parallel', async () => {
    const values = ['for', 'mixed', 'against'] as const
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.castVote(vote('u1', values[i % 3]))))
    const tally = await store.getTally(target)
    assert.equal(tally.for + tally.mixed + tally.against, 1)
    assert.deepEqual(await recountTally(store, 'b1', target), tally)
  })

  it('counts 1,000 users voting in parallel, then removing half of it in parallel', async () => {
    const values = ['for', 'mixed', 'against'] as const
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.castVote(vote(`u${i}`, values[i % 3]))))
    assert.deepEqual(await store.getTally(target), { for: 334, mixed: 333, against: 333 })
    assert.deepEqual(await recountTally(store, 'b1', target), await store.getTally(target))
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.removeVote(`u${2 * i}`, target)))
    const tally = await store.getTally(target)
    assert.equal(tally.for + tally.mixed + tally.against, 500)
    assert.deepEqual(await recountTally(store, 'b1', target), tally)
    assert.equal(await store.countVoters('b1'), 500)
  })

  it('numbers parallel appends 1..n without gaps and reads them in order', async () => {
    const seqs = await Promise.all(Array.from({ length: 100 }, (_, i) => store.appendDocUpdate('b1', new Uint8Array([i]))))
    assert.deepEqual([...seqs].sort((a, b) => a - b), Array.from({ length: 100 }, (_, i) => i + 1))
    const updates = await store.getDocUpdates('b1')
    assert.deepEqual(updates.map(u => u.seq), Array.from({ length: 100 }, (_, i) => i + 1))
    for (const u of updates) assert.deepEqual([...u.update], [seqs.indexOf(u.seq)])
  })

  it('numbers appends above a compaction, even one beyond the last number', async () => {
    await store.appendDocUpdate('b1', new Uint8Array([1]))
    await store.compactDoc('b1', new Uint8Array([9]), 5)
    assert.equal(await store.appendDocUpdate('b1', new Uint8Array([2])), 6)
    assert.deepEqual((await store.getDocUpdates('b1')).map(u => [u.seq, [...u.update]]), [[5, [9]], [6, [2]]])
  })

  it('stores a byte view by its own bytes, not its whole buffer', async () => {
    const whole = new Uint8Array([0, 1, 2, 3, 4, 5])
    await store.appendDocUpdate('b1', whole.subarray(2, 4))
    const [u] = await store.getDocUpdates('b1')
    assert.ok(u.update instanceof Uint8Array)
    assert.deepEqual([...u.update], [2, 3])
  })
})

