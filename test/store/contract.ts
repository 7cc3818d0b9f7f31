/**
 * The Store contract: every implementation runs this same suite.
 * `open` gives a fresh, empty store for each test.
 */
import assert from 'node:assert/strict'
import type { Store, BillRecord, UserRecord, RevisionRecord } from '../../server/store/store.ts'
import { DuplicateKeyError } from '../../server/store/store.ts'
import { amendmentContract } from './amendments-contract.ts'
import { debateContract } from './contract-debate.ts'
import { exportsContract } from './contract-exports.ts'
import { councilContract } from './contract-council.ts'
import { identityContract } from './contract-identity.ts'
import { recountTally } from '../helpers/recount.ts'
import { voteRevisionsContract } from './contract-vote-revisions.ts'
import { workspaceContract } from './contract-workspace.ts'
import { digestContract } from './contract-digests.ts'

const now = () => new Date().toISOString()

export function user (id: string, over: Partial<UserRecord> = {}): UserRecord {
  return { id, email: `${id}@example.org`, displayName: id, role: 'citizen', profileType: 'citizen', passwordHash: 'x', createdAt: now(), emailVerified: false, locale: 'fr', notify: 'immediate', oidcSub: null, deletedAt: null, ...over }
}

export function bill (id: string, over: Partial<BillRecord> = {}): BillRecord {
  const t = now()
  return { id, title: `Bill ${id}`, summary: '', status: 'draft', opensAt: null, closesAt: null, editors: ['u1'], revision: 0, createdBy: 'u1', createdAt: t, updatedAt: t, wordingStyle: 'assemblee', requirements: [], ...over }
}

function revision (billId: string, number: number, articles: { id: string; alineas: string[] }[]): RevisionRecord {
  return {
    billId,
    number,
    doc: { type: 'doc', content: [] },
    articles: articles.map((a, i) => ({ id: a.id, num: String(i + 1), heading: null, alineas: a.alineas, hash: a.alineas.join('|') })),
    publishedAt: now(),
    publishedBy: 'u1'
  }
}

/** Declares the contract suite for one store implementation. */
export function storeContract (open: () => Promise<Store>): void {
  let store: Store
  beforeEach(async () => { store = await open() })
  afterEach(async () => { await store.close() })

  debateContract(() => store)
  exportsContract(() => store)
  councilContract(() => store)
  identityContract(() => store)
  voteRevisionsContract(() => store)
  workspaceContract(() => store)
  digestContract(() => store)

  it('pings', async () => {
    assert.equal(await store.ping(), true)
  })

  describe('users', () => {
    it('creates and finds a user by id and email', async () => {
      await store.createUser(user('u1'))
      assert.equal((await store.getUser('u1'))?.email, 'u1@example.org')
      assert.equal((await store.getUserByEmail('u1@example.org'))?.id, 'u1')
      assert.equal(await store.getUser('nope'), null)
      assert.equal(await store.countUsers(), 1)
    })
    it('refuses a second account with the same email', async () => {
      await store.createUser(user('u1'))
      await assert.rejects(store.createUser(user('u2', { email: 'u1@example.org' })), DuplicateKeyError)
      assert.equal(await store.countUsers(), 1)
    })
    it('changes a role', async () => {
      await store.createUser(user('u1'))
      assert.equal((await store.setUserRole('u1', 'moderator'))?.role, 'moderator')
      assert.equal(await store.setUserRole('nope', 'admin'), null)
    })
    it('gets several users', async () => {
      await store.createUser(user('u1'))
      await store.createUser(user('u2'))
      const got = await store.getUsers(['u2', 'u1', 'u3'])
      assert.deepEqual(got.map(u => u.id).sort(), ['u1', 'u2'])
      assert.deepEqual(await store.getUsers([]), [])
    })
  })

  describe('credentials', () => {
    it('stores, reads and deletes a credential', async () => {
      await store.createUser(user('u1'))
      await store.createCredential({ id: 'h1', kind: 'session', userId: 'u1', createdAt: now(), expiresAt: now() })
      assert.equal((await store.getCredential('h1'))?.userId, 'u1')
      await store.deleteCredential('h1')
      assert.equal(await store.getCredential('h1'), null)
    })
  })

  describe('bills', () => {
    it('creates, patches and lists bills by visibility', async () => {
      await store.createBill(bill('b1', { editors: ['u1'] }))
      await store.createBill(bill('b2', { status: 'open', editors: ['u2'] }))
      assert.deepEqual((await store.listBills({ statuses: ['open', 'closed'] })).map(b => b.id), ['b2'])
      assert.deepEqual((await store.listBills({ statuses: ['open', 'closed'], editorId: 'u1' })).map(b => b.id).sort(), ['b1', 'b2'])
      assert.equal((await store.listBills({ statuses: [], all: true })).length, 2)
      const patched = await store.updateBill('b1', { title: 'New', editors: ['u1', 'u3'] })
      assert.equal(patched?.title, 'New')
      assert.deepEqual(patched?.editors, ['u1', 'u3'])
      assert.deepEqual((await store.listBills({ statuses: [], editorId: 'u3' })).map(b => b.id), ['b1'])
      assert.equal(await store.updateBill('nope', { title: 'x' }), null)
      assert.equal((await store.getBill('b2'))?.wordingStyle, 'assemblee')
      assert.equal((await store.updateBill('b2', { wordingStyle: 'senat' }))?.wordingStyle, 'senat')
      assert.equal((await store.getBill('b2'))?.wordingStyle, 'senat')
    })
    it('publishes revisions, keeps article identity and marks removed articles', async () => {
      await store.createBill(bill('b1'))
      const b = await store.publishRevision(revision('b1', 1, [{ id: 'a1', alineas: ['x'] }, { id: 'a2', alineas: ['y'] }]), { revision: 1, status: 'open' })
      assert.equal(b.revision, 1)
      assert.equal(b.status, 'open')
      assert.deepEqual((await store.listArticles('b1')).map(a => a.id), ['a1', 'a2'])
      await store.publishRevision(revision('b1', 2, [{ id: 'a2', alineas: ['y2'] }, { id: 'a3', alineas: ['z'] }]), { revision: 2 })
      const arts = await store.listArticles('b1')
      assert.deepEqual(arts.map(a => [a.id, a.position, a.revision]), [['a2', 0, 2], ['a3', 1, 2]])
      assert.deepEqual((await store.getArticle('a2'))?.alineas, ['y2'])
      assert.equal((await store.getArticle('a1'))?.removedIn, 2)
      assert.equal((await store.getRevision('b1', 1))?.articles.length, 2)
      assert.equal(await store.getRevision('b1', 3), null)
    })
    it('reads an article with its bill in one call, as the two reads would', async () => {
      await store.createBill(bill('b1', { editors: ['u1'] }))
      await store.publishRevision(revision('b1', 1, [{ id: 'a1', alineas: ['x'] }, { id: 'a2', alineas: ['y'] }]), { revision: 1, status: 'open' })
      await store.publishRevision(revision('b1', 2, [{ id: 'a2', alineas: ['y2'] }]), { revision: 2 })
      for (const id of ['a1', 'a2']) {
        assert.deepEqual(await store.getArticleWithBill(id), { article: await store.getArticle(id), bill: await store.getBill('b1') })
      }
      assert.equal((await store.getArticleWithBill('a1'))?.article.removedIn, 2)
      assert.equal(await store.getArticleWithBill('nope'), null)
    })
    it('refuses a revision number twice and changes nothing', async () => {
      await store.createBill(bill('b1'))
      await store.publishRevision(revision('b1', 1, [{ id: 'a1', alineas: ['x'] }]), { revision: 1 })
      await assert.rejects(store.publishRevision(revision('b1', 1, [{ id: 'a9', alineas: ['x'] }]), { revision: 1 }), DuplicateKeyError)
      assert.deepEqual((await store.listArticles('b1')).map(a => a.id), ['a1'])
    })
    it('refuses to take over an article id of another bill', async () => {
      await store.createBill(bill('b1'))
      await store.createBill(bill('b2'))
      await store.publishRevision(revision('b1', 1, [{ id: 'a1', alineas: ['x'] }]), { revision: 1 })
      await assert.rejects(store.publishRevision(revision('b2', 1, [{ id: 'a1', alineas: ['evil'] }]), { revision: 1 }), DuplicateKeyError)
      assert.deepEqual((await store.getArticle('a1'))?.alineas, ['x'])
      assert.equal((await store.getBill('b2'))?.revision, 0)
    })
  })

  describe('votes', () => {
    const t = { type: 'article' as const, id: 'a1' }
    const vote = (userId: string, value: 'for' | 'mixed' | 'against') => ({ userId, target: t, billId: 'b1', value, at: now() })
    it('counts one vote per user, changes and removes it', async () => {
      assert.deepEqual(await store.castVote(vote('u1', 'for')), { for: 1, mixed: 0, against: 0 })
      assert.deepEqual(await store.castVote(vote('u1', 'for')), { for: 1, mixed: 0, against: 0 })
      assert.deepEqual(await store.castVote(vote('u2', 'against')), { for: 1, mixed: 0, against: 1 })
      assert.deepEqual(await store.castVote(vote('u1', 'mixed')), { for: 0, mixed: 1, against: 1 })
      assert.deepEqual(await store.removeVote('u1', t), { for: 0, mixed: 0, against: 1 })
      assert.deepEqual(await store.removeVote('u1', t), { for: 0, mixed: 0, against: 1 })
      assert.deepEqual(await recountTally(store, 'b1', t), await store.getTally(t))
      assert.equal(await store.countVoters('b1'), 2, 'u1 withdrew but took part')
      assert.equal(await store.countVoters('b2'), 0)
    })
    it('gives tallies and the user\'s own votes for many targets', async () => {
      await store.castVote(vote('u1', 'for'))
      const tallies = await store.getTallies('article', ['a1', 'a2'])
      assert.deepEqual(tallies.get('a1'), { for: 1, mixed: 0, against: 0 })
      assert.deepEqual(tallies.get('a2'), { for: 0, mixed: 0, against: 0 })
      assert.deepEqual([...(await store.getUserVotes('u1', 'article', ['a1', 'a2']))], [['a1', 'for']])
      assert.deepEqual(await store.getTally({ type: 'amendment', id: 'a1' }), { for: 0, mixed: 0, against: 0 })
    })
    it('keeps counters equal to a recount under concurrent votes', async () => {
      const values = ['for', 'mixed', 'against'] as const
      await Promise.all(Array.from({ length: 300 }, (_, i) => store.castVote(vote(`u${i % 120}`, values[(i * 7) % 3]))))
      const tally = await store.getTally(t)
      assert.equal(tally.for + tally.mixed + tally.against, 120)
      assert.deepEqual(await recountTally(store, 'b1', t), tally)
    })
  })

  describe('amendments', () => { amendmentContract(() => store) })

  describe('documents', () => {
    it('appends updates in order and compacts them', async () => {
      assert.equal(await store.appendDocUpdate('b1', new Uint8Array([1])), 1)
      assert.equal(await store.appendDocUpdate('b1', new Uint8Array([2, 2])), 2)
      await store.appendDocUpdate('b2', new Uint8Array([9]))
      assert.deepEqual((await store.getDocUpdates('b1')).map(u => [...u.update]), [[1], [2, 2]])
      await store.compactDoc('b1', new Uint8Array([7, 7, 7]), 2)
      await store.appendDocUpdate('b1', new Uint8Array([3]))
      assert.deepEqual((await store.getDocUpdates('b1')).map(u => [u.seq, [...u.update]]), [[2, [7, 7, 7]], [3, [3]]])
      assert.deepEqual((await store.getDocUpdates('b2')).map(u => [...u.update]), [[9]])
    })
  })
}
