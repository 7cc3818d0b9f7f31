/**
 * Accounts: registration, sign-in sessions, personal API tokens and roles.
 * A session or token is a random secret held by the client; the store keeps
 * only its SHA-256, so a leaked database does not leak sessions.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Ctx, Actor } from './context.ts'
import type { UserRecord } from './store.ts'
import { DuplicateKeyError } from './store.ts'
import type { Locale, ProfileType, PublicUser, Role, User } from '../../shared/types.ts'
import { Conflict, Forbidden, NotFound, Unauthenticated } from './errors.ts'
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts'
import { newId } from '../../shared/ids.ts'
import { TOKEN_DAYS } from '../../shared/api/tokens.ts'
import { loginThrottle } from './login-throttle.ts'
import { assertDisplayName, assertNameFree } from './display-names.ts'
import { authCacheOf } from './auth-cache.ts'

/** The SHA-256 of a client-held secret, as stored. */
export const secretId = (secret: string): string => createHash('sha256').update(secret).digest('base64url')

/** Emails are compared in lower case, trimmed. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

/** A user as they see themself. */
export function selfView (u: UserRecord): User {
  return {
    id: u.id, email: u.email, displayName: u.displayName, role: u.role, profileType: u.profileType,
    emailVerified: u.emailVerified === true, oidc: !!u.oidcSub, locale: u.locale ?? 'fr', notify: u.notify ?? 'immediate',
    hasPassword: u.passwordHash.startsWith('scrypt$')
  }
}

/** The name an erased account's contributions are shown under. */
export const ERASED_NAME = 'Compte supprimé'

/** A user as others see them: never an email; an erased account reads « Compte supprimé ». */
export function publicView (u: Pick<UserRecord, 'id' | 'displayName' | 'profileType' | 'deletedAt'>): PublicUser {
  return { id: u.id, displayName: u.deletedAt ? ERASED_NAME : u.displayName, profileType: u.profileType }
}

/** Creates an account with the citizen role (or the given role, for scripts and the demo). */
export async function register (ctx: Ctx, input: { email: string; password: string; displayName: string; profileType?: ProfileType; locale?: Locale }, role: Role = 'citizen', options: { emailVerified?: boolean } = {}): Promise<UserRecord> {
  assertDisplayName(input.displayName.trim())
  const user: UserRecord = {
    id: newId('usr'),
    email: normaliseEmail(input.email),
    displayName: input.displayName.trim(),
    role,
    profileType: input.profileType ?? 'citizen',
    passwordHash: await hashPassword(input.password),
    createdAt: ctx.now().toISOString(),
    emailVerified: options.emailVerified ?? false,
    locale: input.locale ?? 'fr',
    notify: 'immediate',
    oidcSub: null,
    deletedAt: null
  }
  try {
    await ctx.store.createUser(user)
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new Conflict('email_taken', 'an account already uses this email')
    throw err
  }
  ctx.log.info({ userId: user.id, role }, 'account created')
  return user
}

/**
 * Self-service registration (POST /auth/register): a citizen account whose
 * name does not look like anyone else's. Scripts, the demo and tests create
 * accounts with `register`, which checks only the characters of the name.
 */
export async function signUp (ctx: Ctx, input: { email: string; password: string; displayName: string; profileType?: ProfileType; locale?: Locale }): Promise<UserRecord> {
  assertDisplayName(input.displayName.trim())
  await assertNameFree(ctx, input.displayName.trim())
  return register(ctx, input)
}

/** Checks an email and password; the same error and the same time whether the email exists or not; failures per account back off (login-throttle.ts). */
export async function checkPassword (ctx: Ctx, email: string, password: string): Promise<UserRecord> {
  const key = normaliseEmail(email)
  const throttle = loginThrottle(ctx)
  throttle.attempt(key)
  const user = await ctx.store.getUserByEmail(key)
  const ok = await verifyPassword(password, user?.passwordHash ?? await dummyHash())
  if (!user || !ok || user.deletedAt) throw new Unauthenticated('wrong email or password')
  throttle.succeeded(key)
  return user
}

/** Opens a session for a user; returns the secret to put in the cookie. */
export async function openSession (ctx: Ctx, user: UserRecord): Promise<string> {
  const secret = randomBytes(32).toString('base64url')
  const now = ctx.now()
  await ctx.store.createCredential({
    id: secretId(secret),
    kind: 'session',
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + ctx.config.sessionDays * 86_400_000).toISOString()
  })
  return secret
}

/** Ends a session (or revokes a token) given its secret, and says so ('session:ended') so sockets and caches let go of it. */
export async function closeSession (ctx: Ctx, secret: string): Promise<void> {
  const id = secretId(secret)
  const cred = await ctx.store.getCredential(id)
  await ctx.store.deleteCredential(id)
  authCacheOf(ctx).dropCredentials([id])
  if (cred) ctx.events.emit('session:ended', { userId: cred.userId, credentialIds: [id] })
}

/**
 * Creates a personal API token for scripts (`Authorization: Bearer ...`),
 * with a name and an expiry (90 days unless asked, at most 365); returns
 * the secret, which only its holder ever sees.
 */
export async function createToken (ctx: Ctx, actor: Actor, options: { name?: string | null; expiresInDays?: number } = {}): Promise<string> {
  if (!actor) throw new Unauthenticated()
  const secret = `alinea_${randomBytes(32).toString('base64url')}`
  const now = ctx.now()
  const days = Math.min(TOKEN_DAYS.max, options.expiresInDays ?? TOKEN_DAYS.default)
  await ctx.store.createCredential({
    id: secretId(secret),
    kind: 'token',
    userId: actor.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
    name: options.name ?? null
  })
  return secret
}

/**
 * The user a session cookie or token belongs to, or null when unknown or expired.
 * Lookups are reused for a few seconds (auth-cache.ts): this runs on every request.
 */
export async function authenticate (ctx: Ctx, secret: string, kind: 'session' | 'token'): Promise<UserRecord | null> {
  if (!secret || secret.length > 200) return null
  const id = secretId(secret)
  const cache = authCacheOf(ctx)
  const now = ctx.now()
  const hit = cache.get(id, now.getTime())
  if (hit) return hit.credential.kind === kind ? hit.user : null
  const cred = await ctx.store.getCredential(id)
  if (!cred || cred.kind !== kind) return null
  if (cred.expiresAt && cred.expiresAt <= now.toISOString()) {
    await ctx.store.deleteCredential(cred.id)
    ctx.events.emit('session:ended', { userId: cred.userId, credentialIds: [cred.id] })
    return null
  }
  const user = await ctx.store.getUser(cred.userId)
  if (!user || user.deletedAt) return null
  cache.set(cred, user)
  return user
}

/** Changes a user's role: admins only, and an admin cannot demote themself (so one admin always remains). */
export async function setRole (ctx: Ctx, actor: Actor, userId: string, role: Role): Promise<UserRecord> {
  if (!actor) throw new Unauthenticated()
  if (actor.role !== 'admin') throw new Forbidden('only an admin may change roles')
  if (actor.id === userId && role !== 'admin') throw new Conflict('last_admin', 'an admin cannot remove their own admin role')
  const user = await ctx.store.setUserRole(userId, role)
  if (!user) throw new NotFound('user')
  ctx.log.info({ by: actor.id, userId, role }, 'role changed')
  ctx.events.emit('user:role-changed', { userId })
  return user
}

/** Creates the admin account named in the configuration if no user has that email. */
export async function ensureAdmin (ctx: Ctx, email: string, password: string, displayName = 'Administrator'): Promise<UserRecord> {
  const existing = await ctx.store.getUserByEmail(normaliseEmail(email))
  if (existing) {
    if (existing.role !== 'admin') return (await ctx.store.setUserRole(existing.id, 'admin'))!
    return existing
  }
  return register(ctx, { email, password, displayName, profileType: 'institution' }, 'admin', { emailVerified: true })
}
