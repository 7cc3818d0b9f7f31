/**
 * The identity part of the Store contract (both stores): account changes
 * and erasure, single-use tokens, the mail queue's leases, follows and
 * notifications. Declared inside `storeContract`.
 */
import assert from 'node:assert/strict'
import type { MailRecord, Store, UserNotificationRecord, UserRecord } from '../../server/store/store.ts'
import { DuplicateKeyError } from '../../server/store/store.ts'

const user = (id: string, over: Partial<UserRecord> = {}): UserRecord => ({
  id, email: `${id}@example.org`, displayName: id, role: 'citizen', profileType: 'citizen', passwordHash: 'x', createdAt: 't0',
  emailVerified: false, locale: 'fr', notify: 'immediate', oidcSub: null, deletedAt: null, ...over
})

const mail = (id: string, at: string): MailRecord => ({
  id, to: 'a@example.org', userId: 'u1', subject: 's', text: 't', html: '<p>t</p>', headers: { 'List-Unsubscribe': '<x>' },
  createdAt: at, attempts: 0, nextAttemptAt: at, sentAt: null, failedAt: null, lastError: null
})

const note = (id: string, userId: string, at: string): UserNotificationRecord => ({
  id, userId, kind: 'argument', target: { type: 'article', id: 'a1' }, billId: 'b1', action: null, reason: null,
  data: { excerpt: 'x' }, at, readAt: null, mailedAt: null
})

/** Declares the identity contract. */
export function identityContract (store: () => Store): void {
  describe('identity', () => {
    it('updates an account, refuses a taken address, finds by OIDC subject', async () => {
      await store().createUser(user('u1'))
      await store().createUser(user('u2'))
      const u = await store().updateUser('u1', { displayName: 'Une', emailVerified: true, notify: 'daily', locale: 'en', oidcSub: 'iss#1' })
      assert.deepEqual([u!.displayName, u!.emailVerified, u!.notify, u!.locale, u!.oidcSub], ['Une', true, 'daily', 'en', 'iss#1'])
      assert.equal((await store().getUserByOidcSub('iss#1'))!.id, 'u1')
      await assert.rejects(store().updateUser('u2', { email: 'u1@example.org' }), DuplicateKeyError)
      assert.equal(await store().updateUser('nobody', { displayName: 'x' }), null)
    })

    it('uses a token once, and never after it expired', async () => {
      await store().createAccountToken({ id: 'h1', kind: 'reset', userId: 'u1', email: 'a@example.org', createdAt: 't0', expiresAt: '2030-01-01T00:00:00.000Z', usedAt: null })
      assert.equal(await store().useAccountToken('h1', 'verify', '2029-01-01T00:00:00.000Z'), null, 'another kind')
      assert.equal((await store().useAccountToken('h1', 'reset', '2029-01-01T00:00:00.000Z'))!.userId, 'u1')
      assert.equal(await store().useAccountToken('h1', 'reset', '2029-01-01T00:00:00.000Z'), null, 'once')
      await store().createAccountToken({ id: 'h2', kind: 'reset', userId: 'u1', email: 'a@example.org', createdAt: 't0', expiresAt: '2030-01-01T00:00:00.000Z', usedAt: null })
      assert.equal(await store().useAccountToken('h2', 'reset', '2031-01-01T00:00:00.000Z'), null, 'expired')
    })

    it('leases due mails to one taker, retries failures, keeps sent ones out', async () => {
      await store().enqueueMail(mail('m1', '2030-01-01T00:00:00.000Z'))
      await store().enqueueMail(mail('m2', '2030-01-01T00:00:01.000Z'))
      const taken = await store().claimMails('2030-01-01T00:00:05.000Z', '2030-01-01T00:01:05.000Z', 10)
      assert.deepEqual(taken.map(m => [m.id, m.attempts]), [['m1', 1], ['m2', 1]])
      assert.deepEqual(taken[0].headers, { 'List-Unsubscribe': '<x>' })
      assert.deepEqual(await store().claimMails('2030-01-01T00:00:06.000Z', '2030-01-01T00:01:06.000Z', 10), [], 'leased')
      await store().markMailSent('m1', '2030-01-01T00:00:07.000Z')
      await store().markMailFailed('m2', 'refused', '2030-01-01T00:00:09.000Z', false)
      const again = await store().claimMails('2030-01-01T00:00:10.000Z', '2030-01-01T00:01:10.000Z', 10)
      assert.deepEqual(again.map(m => [m.id, m.attempts, m.lastError]), [['m2', 2, 'refused']])
      await store().markMailFailed('m2', 'refused', '2030-01-01T00:00:11.000Z', true)
      assert.deepEqual(await store().claimMails('2031-01-01T00:00:00.000Z', '2031-01-01T00:01:00.000Z', 10), [], 'given up')
      assert.deepEqual((await store().listMailsTo('a@example.org')).map(m => [m.id, !!m.sentAt, !!m.failedAt]), [['m1', true, false], ['m2', false, true]])
    })

    it('follows once, lists followers and follows, unfollows', async () => {
      const f = { id: 'f1', userId: 'u1', target: { type: 'article' as const, id: 'a1' }, billId: 'b1', createdAt: 't1' }
      assert.equal((await store().follow(f)).created, true)
      const again = await store().follow({ ...f, id: 'f2' })
      assert.deepEqual([again.created, again.follow.id], [false, 'f1'])
      await store().follow({ id: 'f3', userId: 'u2', target: { type: 'bill', id: 'b1' }, billId: 'b1', createdAt: 't2' })
      assert.deepEqual((await store().listFollowers([{ type: 'article', id: 'a1' }, { type: 'bill', id: 'b1' }])).sort(), ['u1', 'u2'])
      assert.deepEqual((await store().listUserFollows('u1', undefined, 10)).map(x => x.id), ['f1'])
      await store().deleteFollow('f1')
      assert.equal(await store().getFollow('f1'), null)
    })

    it('keeps notifications read and mailed per user, and pages them newest first', async () => {
      await store().createUser(user('u1', { notify: 'daily' }))
      await store().createNotifications([note('n1', 'u1', 't1'), note('n2', 'u1', 't2'), note('n3', 'u2', 't3')])
      assert.equal(await store().countUnreadNotifications('u1'), 2)
      const [first] = await store().listUserNotifications('u1', undefined, 1)
      assert.deepEqual([first.id, first.data, first.readAt], ['n2', { excerpt: 'x' }, null])
      assert.deepEqual((await store().listUserNotifications('u1', { at: first.at, id: first.id }, 5)).map(n => n.id), ['n1'])
      assert.equal(await store().markNotificationsRead('u1', ['n1', 'n3'], 't9'), 1, 'only one\'s own')
      assert.equal(await store().countUnreadNotifications('u1'), 1)
      assert.deepEqual(await store().listUsersWithUnmailed('daily'), ['u1'])
      assert.deepEqual((await store().listUnmailedNotifications(['u1'])).map(n => n.id), ['n1', 'n2'])
      await store().markNotificationsMailed(['n1', 'n2'], 't10')
      assert.deepEqual(await store().listUsersWithUnmailed('daily'), [])
    })

    it('erases an account: new address and name, credentials, follows and notifications gone', async () => {
      await store().createUser(user('u1', { oidcSub: 'iss#9' }))
      await store().createCredential({ id: 'c1', kind: 'session', userId: 'u1', createdAt: 't0', expiresAt: null })
      await store().follow({ id: 'f1', userId: 'u1', target: { type: 'bill', id: 'b1' }, billId: 'b1', createdAt: 't1' })
      await store().createNotifications([note('n1', 'u1', 't1')])
      await store().eraseUser('u1', { email: 'erased-u1@erased.invalid', displayName: 'Compte supprimé', passwordHash: '!erased', deletedAt: 't5' })
      const u = (await store().getUser('u1'))!
      assert.deepEqual([u.email, u.displayName, u.deletedAt, u.oidcSub], ['erased-u1@erased.invalid', 'Compte supprimé', 't5', null])
      assert.equal(await store().getUserByEmail('u1@example.org'), null)
      assert.equal(await store().getUserByOidcSub('iss#9'), null)
      assert.equal(await store().getCredential('c1'), null)
      assert.deepEqual(await store().listUserFollows('u1', undefined, 10), [])
      assert.deepEqual(await store().listUserNotifications('u1', undefined, 10), [])
      await store().createUser(user('u3', { email: 'u1@example.org' }))
    })

    it('ends a user\'s credentials but the one kept', async () => {
      await store().createUser(user('u1'))
      for (const id of ['c1', 'c2', 'c3']) await store().createCredential({ id, kind: 'session', userId: 'u1', createdAt: 't0', expiresAt: null })
      assert.deepEqual((await store().deleteUserCredentials('u1', 'c2')).sort(), ['c1', 'c3'])
      assert.notEqual(await store().getCredential('c2'), null)
    })
  })
}
