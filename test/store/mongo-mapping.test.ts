/**
 * The parts of the MongoDB store that need no server: record mapping,
 * binary round trips, duplicate-key classification, the transaction
 * capability check and the connection-string database name.
 */
import assert from 'node:assert/strict'
import { BSON, MongoServerError } from 'mongodb'
import {
  articleFields, billDoc, credentialDoc, fromBinary, revisionDoc, tallyId, toArticle, toBill, toBinary,
  toCredential, toRevision, toTally, toUser, userDoc, voteKey
} from '../../server/store/mongo/documents.ts'
import type { ArticleDoc } from '../../server/store/mongo/documents.ts'
import { duplicateKeyFields, isDuplicateKey, refuseDuplicate } from '../../server/store/mongo/errors.ts'
import { supportsTransactions } from '../../server/store/mongo/transactions.ts'
import { billSet } from '../../server/store/mongo/bills.ts'
import { databaseOf } from '../../server/store/mongo/index.ts'
import { DuplicateKeyError } from '../../server/store/store.ts'
import { bill, user } from './contract.ts'

/** What the driver hands back: the document after a BSON round trip. */
function roundTrip<T extends object> (doc: T): T {
  return BSON.deserialize(BSON.serialize(doc, { ignoreUndefined: true })) as T
}

describe('MongoDB store: record mapping', () => {
  it('maps users, credentials and bills to documents keyed by _id and back exactly', () => {
    const u = user('u1')
    assert.equal(userDoc(u)._id, 'u1')
    assert.deepEqual(toUser(roundTrip(userDoc(u))), u)
    const cred = { id: 'h1', kind: 'session' as const, userId: 'u1', createdAt: 't0', expiresAt: 't1' }
    assert.deepEqual(toCredential(roundTrip(credentialDoc(cred))), cred)
    const b = bill('b1', { editors: ['u1', 'u2'], opensAt: 't2' })
    assert.deepEqual(toBill(roundTrip(billDoc(b))), b)
  })

  it('never leaks _id or extra fields into records', () => {
    const stored = { ...userDoc(user('u1')), extra: 1 }
    assert.deepEqual(Object.keys(toUser(stored)).sort(), ['createdAt', 'deletedAt', 'displayName', 'email', 'emailVerified', 'id', 'locale', 'notify', 'oidcSub', 'passwordHash', 'profileType', 'role'])
    assert.equal('_id' in toBill(billDoc(bill('b1'))), false)
  })

  it('maps revisions and articles, keeping null headings and removal', () => {
    const rev = {
      billId: 'b1',
      number: 2,
      doc: { type: 'doc', content: [{ type: 'article', attrs: { id: 'a1', heading: null } }] },
      articles: [{ id: 'a1', num: '1er', heading: null, alineas: ['x', 'y'], hash: 'h' }],
      publishedAt: 't',
      publishedBy: 'u1'
    }
    assert.deepEqual(toRevision(roundTrip(revisionDoc(rev))), rev)
    const art: ArticleDoc = { _id: 'a1', billId: 'b1', ...articleFields(rev.articles[0], 2, 0) }
    assert.deepEqual(toArticle(roundTrip(art)), {
      id: 'a1', billId: 'b1', num: '1er', heading: null, alineas: ['x', 'y'], hash: 'h', revision: 2, position: 0, removedIn: null
    })
    assert.equal(toArticle({ ...art, removedIn: 3 }).removedIn, 3)
  })

  it('reads missing counters as zero and keys tallies by type and id', () => {
    assert.deepEqual(toTally(null), { for: 0, mixed: 0, against: 0 })
    assert.deepEqual(toTally({ against: 2 }), { for: 0, mixed: 0, against: 2 })
    assert.equal(tallyId({ type: 'amendment', id: 'x:y' }), 'amendment:x:y')
    assert.deepEqual(voteKey('u1', { type: 'article', id: 'a1' }), { userId: 'u1', 'target.type': 'article', 'target.id': 'a1' })
  })

  it('turns a bill patch into a $set of its defined fields only', () => {
    assert.deepEqual(billSet({}), {})
    assert.deepEqual(billSet({ title: 'T', summary: undefined, opensAt: null, editors: ['u1'] }), { title: 'T', opensAt: null, editors: ['u1'] })
  })

  it('stores the bytes of a view, not its whole buffer, and reads back a standalone copy', () => {
    const whole = new Uint8Array([0, 1, 2, 3, 4, 5])
    const back = roundTrip({ update: toBinary(whole.subarray(2, 5)) })
    const bytes = fromBinary(back.update)
    assert.ok(bytes instanceof Uint8Array)
    assert.deepEqual([...bytes], [2, 3, 4])
    assert.equal(bytes.byteOffset, 0)
    assert.equal(bytes.buffer.byteLength, 3)
    // A client with promoteBuffers hands back a Buffer: still a standalone Uint8Array copy.
    const copy = fromBinary(Buffer.from([7, 8]))
    assert.deepEqual([...copy], [7, 8])
    assert.equal(Buffer.isBuffer(copy), false)
  })
})

describe('MongoDB store: duplicate keys', () => {
  const duplicate = (fields: Record<string, unknown>) => new MongoServerError({
    code: 11000,
    errmsg: 'E11000 duplicate key error collection: alinea.users index: email_1 dup key: { email: "a@b" }',
    ...fields
  })

  it('reads the index fields from keyPattern, else from the index name in the message', () => {
    assert.deepEqual(duplicateKeyFields(duplicate({ keyPattern: { billId: 1, number: 1 } })), ['billId', 'number'])
    assert.deepEqual(duplicateKeyFields(duplicate({})), ['email'])
    assert.deepEqual(duplicateKeyFields(new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key error collection: a.b index: _id_ dup key: { _id: "x" }' })), ['_id'])
    assert.deepEqual(duplicateKeyFields(new MongoServerError({ code: 11000, errmsg: 'E11000 duplicate key error collection: a.votes index: userId_1_target.type_1_target.id_1 dup key: { : "u" }' })), ['userId', 'target.type', 'target.id'])
  })

  it('treats only definitive 11000 errors as duplicates', () => {
    assert.equal(isDuplicateKey(duplicate({})), true)
    assert.equal(isDuplicateKey(new MongoServerError({ code: 112, errmsg: 'WriteConflict' })), false)
    assert.equal(isDuplicateKey(duplicate({ errorLabels: ['TransientTransactionError'] })), false)
    assert.equal(isDuplicateKey(new Error('E11000')), false)
  })

  it('rethrows a duplicate as DuplicateKeyError with the store key, and anything else as is', async () => {
    await assert.rejects(refuseDuplicate(Promise.reject(duplicate({ keyPattern: { email: 1 } })), f => f.includes('_id') ? 'id' : 'email'),
      (err: unknown) => err instanceof DuplicateKeyError && err.key === 'email')
    await assert.rejects(refuseDuplicate(Promise.reject(duplicate({ keyPattern: { _id: 1 } })), f => f.includes('_id') ? 'id' : 'email'),
      (err: unknown) => err instanceof DuplicateKeyError && err.key === 'id')
    const other = new MongoServerError({ code: 2, errmsg: 'BadValue' })
    await assert.rejects(refuseDuplicate(Promise.reject(other), 'revision'), (err: unknown) => err === other)
    assert.equal(await refuseDuplicate(Promise.resolve(7), 'revision'), 7)
  })
})

describe('MongoDB store: deployment and connection string', () => {
  it('accepts replica set members and mongos, refuses a standalone', () => {
    assert.equal(supportsTransactions({ isWritablePrimary: true, setName: 'rs0' }), true)
    assert.equal(supportsTransactions({ isWritablePrimary: true, msg: 'isdbgrid' }), true)
    assert.equal(supportsTransactions({ isWritablePrimary: true }), false)
    assert.equal(supportsTransactions({ isWritablePrimary: true, setName: '' }), false)
  })

  it('finds the database named in the URL path', () => {
    assert.equal(databaseOf('mongodb://localhost:27017/alinea?replicaSet=rs0'), 'alinea')
    assert.equal(databaseOf('mongodb+srv://u:p%2Fw@cluster.example.net/my%20db'), 'my db')
    assert.equal(databaseOf('mongodb://h1:1,h2:2/?replicaSet=rs0'), undefined)
    assert.equal(databaseOf('mongodb://localhost'), undefined)
    assert.equal(databaseOf('mongodb://localhost?directConnection=true'), undefined)
  })
})
