/**
 * What an account does through links sent by e-mail: confirm an address,
 * reset a forgotten password. A link carries a random secret; the store
 * keeps only its SHA-256, with an expiry, and marks it used atomically, so
 * a link works once and a leaked database leaks no usable link.
 *
 * Rules:
 * - Registration and every address change send a verification link (48 h).
 * - A reset request answers the same (202) at once whether or not the
 *   address has an account; the work (lookup, token, mail) happens after
 *   the answer, so neither the answer nor its time tells them apart.
 * - A reset link lasts one hour; using it sets the password and ends every
 *   session and API token of the account.
 */
import { randomBytes } from 'node:crypto'
import type { Ctx, Actor } from './context.ts'
import type { AccountTokenRecord, UserRecord } from './store.ts'
import { InvalidToken, Unauthenticated } from './errors.ts'
import { normaliseEmail, secretId } from './accounts.ts'
import { hashPassword } from './passwords.ts'
import { appLink, queueMail } from './mail.ts'
import { resetWords, verifyWords } from './mail-texts.ts'

const HOUR_MS = 3_600_000
/** How long a verification link works. */
export const VERIFY_HOURS = 48
/** How long a password reset link works. */
export const RESET_HOURS = 1

/** Creates a single-use token for `user`; returns the secret to put in the link. */
async function issueToken (ctx: Ctx, kind: AccountTokenRecord['kind'], user: UserRecord, hours: number): Promise<string> {
  const secret = randomBytes(32).toString('base64url')
  const now = ctx.now()
  await ctx.store.createAccountToken({
    id: secretId(secret), kind, userId: user.id, email: user.email,
    createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + hours * HOUR_MS).toISOString(), usedAt: null
  })
  return secret
}

/** Sends a verification link to the user's address (after registration, an address change, or on request). */
export async function sendVerification (ctx: Ctx, user: UserRecord, change = false): Promise<void> {
  const secret = await issueToken(ctx, 'verify', user, VERIFY_HOURS)
  const locale = user.locale ?? 'fr'
  await queueMail(ctx, { email: user.email, userId: user.id, locale }, verifyWords(locale, user.displayName, appLink(ctx, '/verify', { token: secret }), change))
}

/** Sends the link again to a signed-in user whose address is not verified yet (nothing when it is). */
export async function resendVerification (ctx: Ctx, actor: Actor): Promise<void> {
  if (!actor) throw new Unauthenticated()
  if (actor.emailVerified) return
  await sendVerification(ctx, actor)
}

/** Marks the address of a verification link as verified; 400 invalid_token for a wrong, expired, used or outdated link. */
export async function verifyEmail (ctx: Ctx, secret: string): Promise<UserRecord> {
  const token = await ctx.store.useAccountToken(secretId(secret), 'verify', ctx.now().toISOString())
  const user = token ? await ctx.store.getUser(token.userId) : null
  // A link sent to an address the account no longer has confirms nothing.
  if (!token || !user || user.deletedAt || user.email !== token.email) throw new InvalidToken()
  const updated = await ctx.store.updateUser(user.id, { emailVerified: true })
  ctx.log.info({ userId: user.id }, 'address verified')
  return updated!
}

/** Starts a password reset for `email`, if it has an account; meant to run after the answer is sent. */
export async function requestPasswordReset (ctx: Ctx, email: string): Promise<void> {
  const user = await ctx.store.getUserByEmail(normaliseEmail(email))
  if (!user || user.deletedAt) {
    ctx.log.info('password reset asked for an unknown address')
    return
  }
  const secret = await issueToken(ctx, 'reset', user, RESET_HOURS)
  const locale = user.locale ?? 'fr'
  await queueMail(ctx, { email: user.email, userId: user.id, locale }, resetWords(locale, user.displayName, appLink(ctx, '/reset-password', { token: secret })))
}

/** Ends credentials of a user (all, or all but `keep`) and tells live channels. */
export async function endSessions (ctx: Ctx, userId: string, keep: string | null = null): Promise<string[]> {
  const ended = await ctx.store.deleteUserCredentials(userId, keep)
  ctx.events.emit('session:ended', { userId, credentialIds: keep ? ended : 'all' })
  return ended
}

/** Sets a new password with a reset link; ends every session and token; the link never works again. */
export async function confirmPasswordReset (ctx: Ctx, secret: string, password: string): Promise<UserRecord> {
  const token = await ctx.store.useAccountToken(secretId(secret), 'reset', ctx.now().toISOString())
  const user = token ? await ctx.store.getUser(token.userId) : null
  if (!token || !user || user.deletedAt || user.email !== token.email) throw new InvalidToken()
  // Receiving the link proves the address, as a verification link would.
  const updated = await ctx.store.updateUser(user.id, { passwordHash: await hashPassword(password), emailVerified: true })
  await endSessions(ctx, user.id)
  ctx.log.info({ userId: user.id }, 'password reset')
  return updated!
}
