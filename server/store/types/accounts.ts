/** Stored accounts and credentials (sessions, API tokens). */
import type { Locale, NotifyMode, ProfileType, Role } from '../../../shared/types.ts'

/** A stored account. `passwordHash` never leaves the server. */
export interface UserRecord {
  id: string
  email: string
  displayName: string
  role: Role
  profileType: ProfileType
  passwordHash: string
  createdAt: string
  /** The address was confirmed through a link sent to it (absent: false). */
  emailVerified?: boolean
  /** The language Alinea writes to this user in (absent: fr). */
  locale?: Locale
  /** E-mail for notifications: each at once, a daily digest, or none (absent: immediate). */
  notify?: NotifyMode
  /** The OpenID Connect subject this account is linked to (`issuer sub`), or null. */
  oidcSub?: string | null
  /** Set when the account was erased: it can never sign in again. */
  deletedAt?: string | null
}

/** A sign-in session or an API token; `id` is the SHA-256 of the secret the client holds. */
export interface CredentialRecord {
  id: string
  kind: 'session' | 'token'
  userId: string
  createdAt: string
  /** When it stops being valid; null for API tokens made before tokens expired (they last until revoked). */
  expiresAt: string | null
  /** An API token's name, chosen by its owner (null for sessions). */
  name?: string | null
}

export interface UserStore {
  /** Inserts an account; throws DuplicateKeyError('email') when the email is taken. */
  createUser (user: UserRecord): Promise<void>
  getUser (id: string): Promise<UserRecord | null>
  getUserByEmail (email: string): Promise<UserRecord | null>
  getUsers (ids: string[]): Promise<UserRecord[]>
  setUserRole (id: string, role: Role): Promise<UserRecord | null>
  countUsers (): Promise<number>
}

export interface CredentialStore {
  createCredential (cred: CredentialRecord): Promise<void>
  getCredential (id: string): Promise<CredentialRecord | null>
  deleteCredential (id: string): Promise<void>
}
