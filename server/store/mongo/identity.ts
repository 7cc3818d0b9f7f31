/**
 * Identity and trust in MongoDB: account changes and erasure, account
 * tokens, the mail queue, follows, activity notifications and a user's own
 * contributions. Erasure is one transaction; taking a due mail is one
 * findOneAndUpdate (a lease), so two processes never send the same mail.
 */
import type { Collection, Filter } from 'mongodb'
import type { IdentityStore, UserPatch } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { toUser } from './documents.ts'
import type { UserDoc } from './documents.ts'
import { toArgument, toReport } from './debate-documents.ts'
import { toAmendment } from './amendment-documents.ts'
import { refuseDuplicate } from './errors.ts'
import { runTransaction } from './transactions.ts'
import { nameKey } from '../../../shared/names.ts'
import {
  followDoc, mailDoc, toFollow, toMail, toToken, toUserNotification, tokenDoc, userNotificationDoc, type UserNotificationDoc
} from './identity-documents.ts'

/** Newest first after `pos` on (`atField`, `_id`). */
function after (atField: string, pos: { at: string; id: string } | undefined): Filter<{ _id: string }> {
  if (!pos) return {}
  return { $or: [{ [atField]: { $lt: pos.at } }, { [atField]: pos.at, _id: { $lt: pos.id } }] } as Filter<{ _id: string }>
}

/** The identity methods of the MongoDB store. */
export function mongoIdentity ({ client, col }: MongoContext): IdentityStore {
  const notifications = col.notifications as unknown as Collection<UserNotificationDoc>

  return {
    async updateUser (id, patch: UserPatch) {
      const set: Partial<UserDoc> = {}
      const unset: Record<string, ''> = {}
      for (const [k, v] of Object.entries(patch) as [keyof UserPatch, unknown][]) {
        if (v === undefined) continue
        if (k === 'oidcSub' && v === null) unset.oidcSub = ''
        else (set as Record<string, unknown>)[k] = v
      }
      // The look-alike key follows the name (display-names.ts looks names up by it).
      if (patch.displayName !== undefined) set.nameKey = nameKey(patch.displayName)
      const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) }
      const d = Object.keys(update).length === 0
        ? await col.users.findOne({ _id: id })
        : await refuseDuplicate(col.users.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' }), fields => fields.includes('oidcSub') ? 'oidcSub' : 'email')
      return d ? toUser(d) : null
    },
    async getUserByOidcSub (sub) {
      const d = await col.users.findOne({ oidcSub: sub })
      return d ? toUser(d) : null
    },
    async eraseUser (id, e) {
      await runTransaction(client, async session => {
        await col.users.updateOne({ _id: id }, {
          $set: { email: e.email, displayName: e.displayName, passwordHash: e.passwordHash, deletedAt: e.deletedAt, emailVerified: false, notify: 'off' },
          $unset: { oidcSub: '' }
        }, { session })
        await col.credentials.deleteMany({ userId: id }, { session })
        await col.accountTokens.deleteMany({ userId: id }, { session })
        await col.follows.deleteMany({ userId: id }, { session })
        await col.notifications.deleteMany({ userId: id }, { session })
        await col.mails.deleteMany({ userId: id, sentAt: null }, { session })
      })
    },
    async deleteUserCredentials (userId, keep) {
      const ids = (await col.credentials.find({ userId }, { projection: { _id: 1 } }).toArray()).map(d => d._id).filter(c => c !== keep)
      if (ids.length > 0) await col.credentials.deleteMany({ _id: { $in: ids } })
      return ids
    },
    async createAccountToken (t) {
      await refuseDuplicate(col.accountTokens.insertOne(tokenDoc(t)), 'id')
    },
    async useAccountToken (id, kind, now) {
      const d = await col.accountTokens.findOneAndUpdate(
        { _id: id, kind, usedAt: null, expiresAt: { $gt: now } }, { $set: { usedAt: now } }, { returnDocument: 'after' })
      return d ? toToken(d) : null
    },
    async enqueueMail (m) {
      await refuseDuplicate(col.mails.insertOne(mailDoc(m)), 'id')
    },
    async claimMails (now, leaseUntil, limit) {
      const taken = []
      for (let i = 0; i < limit; i++) {
        const d = await col.mails.findOneAndUpdate(
          { pending: true, nextAttemptAt: { $lte: now } },
          { $set: { nextAttemptAt: leaseUntil }, $inc: { attempts: 1 } },
          { sort: { nextAttemptAt: 1, _id: 1 }, returnDocument: 'after' })
        if (!d) break
        taken.push(toMail(d))
      }
      return taken
    },
    async markMailSent (id, at) {
      await col.mails.updateOne({ _id: id }, { $set: { sentAt: at, lastError: null, pending: false } })
    },
    async markMailFailed (id, error, nextAttemptAt, failed) {
      await col.mails.updateOne({ _id: id, sentAt: null }, {
        $set: { lastError: error.slice(0, 1000), nextAttemptAt, ...(failed ? { failedAt: nextAttemptAt, pending: false } : {}) }
      })
    },
    async listMailsTo (to) {
      return (await col.mails.find({ to }).sort({ createdAt: 1, _id: 1 }).toArray()).map(toMail)
    },
    async follow (f) {
      const doc = followDoc(f)
      const res = await col.follows.updateOne(
        { userId: f.userId, 'target.type': f.target.type, 'target.id': f.target.id }, { $setOnInsert: doc }, { upsert: true })
      const d = await col.follows.findOne({ userId: f.userId, 'target.type': f.target.type, 'target.id': f.target.id })
      return { follow: toFollow(d!), created: res.upsertedCount === 1 }
    },
    async getFollow (id) {
      const d = await col.follows.findOne({ _id: id })
      return d ? toFollow(d) : null
    },
    async deleteFollow (id) {
      await col.follows.deleteOne({ _id: id })
    },
    async listUserFollows (userId, pos, limit) {
      const docs = await col.follows.find({ userId, ...after('createdAt', pos) }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toFollow)
    },
    async listFollowers (targets) {
      if (targets.length === 0) return []
      const users = await col.follows.distinct('userId', { $or: targets.map(t => ({ 'target.type': t.type, 'target.id': t.id })) })
      return users as string[]
    },
    async createNotifications (records) {
      if (records.length > 0) await notifications.insertMany(records.map(userNotificationDoc))
    },
    async listUserNotifications (userId, pos, limit) {
      const docs = await notifications.find({ userId, ...after('at', pos) }).sort({ at: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toUserNotification)
    },
    async getNotifications (ids) {
      if (ids.length === 0) return []
      return (await notifications.find({ _id: { $in: ids } }).toArray()).map(toUserNotification)
    },
    async countUnreadNotifications (userId) {
      return notifications.countDocuments({ userId, readAt: { $in: [null] } })
    },
    async markNotificationsRead (userId, ids, at) {
      const filter: Filter<UserNotificationDoc> = ids === 'all'
        ? { userId, readAt: { $in: [null] } }
        : { userId, readAt: { $in: [null] }, _id: { $in: ids } }
      return (await notifications.updateMany(filter, { $set: { readAt: at } })).modifiedCount
    },
    async listUnmailedNotifications (userIds) {
      if (userIds.length === 0) return []
      const docs = await notifications.find({ userId: { $in: userIds }, mailedAt: { $in: [null] } }).sort({ at: 1, _id: 1 }).toArray()
      return docs.map(toUserNotification)
    },
    async markNotificationsMailed (ids, at) {
      if (ids.length > 0) await notifications.updateMany({ _id: { $in: ids }, mailedAt: { $in: [null] } }, { $set: { mailedAt: at } })
    },
    async listUsersWithUnmailed (notify) {
      const users = await notifications.distinct('userId', { mailedAt: { $in: [null] } }) as string[]
      if (users.length === 0) return []
      const modes = await col.users.find({ _id: { $in: users } }, { projection: { _id: 1, notify: 1 } }).toArray()
      return modes.filter(u => (u.notify ?? 'immediate') === notify).map(u => u._id)
    },
    async listUserAmendments (userId, pos, limit) {
      const docs = await col.amendments.find({ authorId: userId, ...after('createdAt', pos) }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toAmendment)
    },
    async listUserArguments (userId, pos, limit) {
      const docs = await col.arguments.find({ authorId: userId, ...after('createdAt', pos) }).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toArgument)
    },
    async listUserVotes (userId, pos, limit) {
      // A vote's key within a user is its target: `type:id`, compared as the SQLite store does.
      const docs = await col.votes.find({ userId }).sort({ at: -1 }).toArray()
      const key = (d: { target: { type: string; id: string } }) => `${d.target.type}:${d.target.id}`
      const sorted = docs.sort((a, b) => a.at === b.at ? (key(a) < key(b) ? 1 : -1) : (a.at < b.at ? 1 : -1))
      const from = pos ? sorted.filter(d => d.at < pos.at || (d.at === pos.at && key(d) < pos.id)) : sorted
      return from.slice(0, limit).map(d => ({ userId: d.userId, target: { type: d.target.type, id: d.target.id }, billId: d.billId, value: d.value, at: d.at }))
    },
    async listUserReports (userId, pos, limit) {
      const docs = await col.reports.find({ userId, ...after('at', pos) }).sort({ at: -1, _id: -1 }).limit(limit).toArray()
      return docs.map(toReport)
    }
  }
}
