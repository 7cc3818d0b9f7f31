/** Accounts and credentials in MongoDB: one document each, keyed by id. */
import type { CredentialStore, UserStore } from '../store.ts'
import type { MongoContext } from './schema.ts'
import { credentialDoc, toCredential, toUser, userDoc } from './documents.ts'
import { refuseDuplicate } from './errors.ts'

/** The account and credential methods of the MongoDB store. */
export function mongoUsers ({ col }: MongoContext): UserStore & CredentialStore {
  return {
    async createUser (user) {
      await refuseDuplicate(col.users.insertOne(userDoc(user)), fields => fields.includes('_id') ? 'id' : 'email')
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
    }
  }
}
