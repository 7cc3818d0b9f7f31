/** Accounts and credentials in MongoDB: one document each, keyed by id. */
import type { CredentialListStore, CredentialStore, NameKeyStore, UserStore } from '../store.ts'
import { nameKey } from '../../../shared/names.ts'
import type { MongoContext } from './schema.ts'
import { credentialDoc, toCredential, toUser, userDoc } from './documents.ts'
import { refuseDuplicate } from './errors.ts'

/** The account and credential methods of the MongoDB store. */
export function mongoUsers ({ col }: MongoContext): UserStore & CredentialStore & CredentialListStore & NameKeyStore {
  // Accounts made before name keys existed get theirs on first look-up (once per process).
  let keyed: Promise<void> | null = null
  const keyAll = async (): Promise<void> => {
    for await (const d of col.users.find({ nameKey: { $exists: false } }, { projection: { _id: 1, displayName: 1 } })) {
      await col.users.updateOne({ _id: d._id }, { $set: { nameKey: nameKey(d.displayName) } })
    }
  }
  return {
    async createUser (user) {
      await refuseDuplicate(col.users.insertOne({ ...userDoc(user), nameKey: nameKey(user.displayName) }), fields => fields.includes('_id') ? 'id' : 'email')
    },
    async getUser (id) {
      const d = await col.users.findOne({ _id: id })
      return d ? toUser(d) : null
    },
    async getUserByEmail (email) {
      const d = await col.users.findOne({ email })
      return d ? toUser(d) : null
    },
    async getUsers (ids) {
      if (ids.length === 0) return []
      return (await col.users.find({ _id: { $in: ids } }).toArray()).map(toUser)
    },
    async setUserRole (id, role) {
      const d = await col.users.findOneAndUpdate({ _id: id }, { $set: { role } }, { returnDocument: 'after' })
      return d ? toUser(d) : null
    },
    async countUsers () {
      return col.users.countDocuments({})
    },
    async createCredential (cred) {
      await refuseDuplicate(col.credentials.insertOne(credentialDoc(cred)), 'id')
    },
    async getCredential (id) {
      const d = await col.credentials.findOne({ _id: id })
      return d ? toCredential(d) : null
    },
    async deleteCredential (id) {
      await col.credentials.deleteOne({ _id: id })
    },
    async listCredentials (userId, kind, now) {
      const docs = await col.credentials.find({ userId, kind, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] })
        .sort({ createdAt: -1, _id: 1 }).toArray()
      return docs.map(toCredential)
    },
    async findUsersByNameKey (key, limit) {
      keyed ??= keyAll().catch(err => { keyed = null; throw err })
      await keyed
      return (await col.users.find({ nameKey: key }).sort({ createdAt: 1 }).limit(limit).toArray()).map(toUser)
    }
  }
}
