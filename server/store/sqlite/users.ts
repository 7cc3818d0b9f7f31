/** Accounts and credentials in SQLite. */
import type Database from 'better-sqlite3'
import type { CredentialRecord, CredentialStore, UserRecord, UserStore } from '../store.ts'
import { DuplicateKeyError } from '../store.ts'
import type { Role } from '../../../shared/types.ts'
import type { NameKeyStore, CredentialListStore } from '../store.ts'
import { nameKey } from '../../../shared/names.ts'

interface UserRow {
  id: string; email: string; display_name: string; role: string; profile_type: string
  password_hash: string; created_at: string
  email_verified: number; locale: string; notify: string; oidc_sub: string | null; deleted_at: string | null
}

interface CredentialRow { id: string; kind: string; user_id: string; created_at: string; expires_at: string | null; name: string | null }

function toCredential (r: CredentialRow): CredentialRecord {
  const cred: CredentialRecord = { id: r.id, kind: r.kind as CredentialRecord['kind'], userId: r.user_id, createdAt: r.created_at, expiresAt: r.expires_at }
  if (r.name !== null) cred.name = r.name
  return cred
}

function toUser (r: UserRow): UserRecord {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role as UserRecord['role'],
    profileType: r.profile_type as UserRecord['profileType'],
    passwordHash: r.password_hash,
    createdAt: r.created_at,
    emailVerified: r.email_verified === 1,
    locale: r.locale as UserRecord['locale'],
    notify: r.notify as UserRecord['notify'],
    oidcSub: r.oidc_sub,
    deletedAt: r.deleted_at
  }
}

/** The account and credential methods of the SQLite store. */
export function sqliteUsers (db: Database.Database): UserStore & CredentialStore & CredentialListStore & NameKeyStore {
  const insertUser = db.prepare(`INSERT INTO users (id, email, display_name, role, profile_type, password_hash, created_at, name_key, email_verified, locale, notify, oidc_sub)
    VALUES (@id, @email, @displayName, @role, @profileType, @passwordHash, @createdAt, @nameKey, @emailVerified, @locale, @notify, @oidcSub)`)
  // Accounts made before name keys existed, or loaded in bulk without one, get theirs now.
  const unkeyed = db.prepare('SELECT id, display_name FROM users WHERE name_key IS NULL')
  const setKey = db.prepare('UPDATE users SET name_key = ? WHERE id = ?')
  db.transaction(() => {
    for (const r of unkeyed.all() as { id: string; display_name: string }[]) setKey.run(nameKey(r.display_name), r.id)
  })()
  const byNameKey = db.prepare('SELECT * FROM users WHERE name_key = ? ORDER BY created_at LIMIT ?')
  const credsOf = db.prepare(`SELECT * FROM credentials WHERE user_id = ? AND kind = ? AND (expires_at IS NULL OR expires_at > ?)
    ORDER BY created_at DESC, id`)
  const byId = db.prepare('SELECT * FROM users WHERE id = ?')
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?')
  const setRole = db.prepare('UPDATE users SET role = ? WHERE id = ?')
  const count = db.prepare('SELECT count(*) AS n FROM users')
  const insertCred = db.prepare(`INSERT INTO credentials (id, kind, user_id, created_at, expires_at, name)
    VALUES (@id, @kind, @userId, @createdAt, @expiresAt, @name)`)
  const credById = db.prepare('SELECT * FROM credentials WHERE id = ?')
  const deleteCred = db.prepare('DELETE FROM credentials WHERE id = ?')

  return {
    async createUser (user) {
      try {
        insertUser.run({
          ...user,
          nameKey: nameKey(user.displayName),
          emailVerified: user.emailVerified ? 1 : 0,
          locale: user.locale ?? 'fr',
          notify: user.notify ?? 'immediate',
          oidcSub: user.oidcSub ?? null
        })
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError(String((err as Error).message).includes('oidc_sub') ? 'oidcSub' : 'email')
        if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new DuplicateKeyError('id')
        throw err
      }
    },
    async getUser (id) {
      const r = byId.get(id) as UserRow | undefined
      return r ? toUser(r) : null
    },
    async getUserByEmail (email) {
      const r = byEmail.get(email) as UserRow | undefined
      return r ? toUser(r) : null
    },
    async getUsers (ids) {
      if (ids.length === 0) return []
      const rows = db.prepare(`SELECT * FROM users WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(ids)) as UserRow[]
      return rows.map(toUser)
    },
    async setUserRole (id: string, role: Role) {
      setRole.run(role, id)
      const r = byId.get(id) as UserRow | undefined
      return r ? toUser(r) : null
    },
    async countUsers () {
      return (count.get() as { n: number }).n
    },
    async createCredential (cred: CredentialRecord) {
      insertCred.run({ ...cred, name: cred.name ?? null })
    },
    async getCredential (id) {
      const r = credById.get(id) as CredentialRow | undefined
      return r ? toCredential(r) : null
    },
    async deleteCredential (id) {
      deleteCred.run(id)
    },
    async listCredentials (userId, kind, now) {
      return (credsOf.all(userId, kind, now) as CredentialRow[]).map(toCredential)
    },
    async findUsersByNameKey (key, limit) {
      return (byNameKey.all(key, limit) as UserRow[]).map(toUser)
    }
  }
}
