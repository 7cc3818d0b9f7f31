/**
 * A user's credentials beyond signing in: their API tokens (create with a
 * name and an expiry, list without the secret, revoke), and ending every
 * session and token at once ("log out everywhere", and later password
 * changes). Each ending is announced with 'session:ended' so that sockets
 * opened with those credentials close.
 */
import type { Ctx, Actor } from './context.ts'
import type { CredentialRecord } from './store.ts'
import type { TokenView } from '../../shared/api.ts'
import { createToken, secretId } from './accounts.ts'
import { Forbidden, NotFound, Unauthenticated } from './errors.ts'

/** A token as its owner sees it: never the secret. */
export function tokenView (c: CredentialRecord): TokenView {
  return { id: c.id, name: c.name ?? null, createdAt: c.createdAt, expiresAt: c.expiresAt }
}

/**
 * Creates an API token for the signed-in user and returns it with its
 * secret (shown once). A request made with a token may not create another
 * one: a leaked token must not outlive its own expiry.
 */
export async function issueToken (ctx: Ctx, actor: Actor, authKind: 'session' | 'token' | null, input: { name?: string; expiresInDays?: number }): Promise<TokenView & { token: string }> {
  if (!actor) throw new Unauthenticated()
  if (authKind === 'token') throw new Forbidden('an API token cannot create tokens: sign in to create one')
  const token = await createToken(ctx, actor, { name: input.name ?? null, expiresInDays: input.expiresInDays })
  const cred = await ctx.store.getCredential(secretId(token))
  if (!cred) throw new Error('token not stored')
  return { token, ...tokenView(cred) }
}

/** The signed-in user's API tokens that have not expired, newest first. */
export async function listTokens (ctx: Ctx, actor: Actor): Promise<TokenView[]> {
  if (!actor) throw new Unauthenticated()
  return (await ctx.store.listCredentials(actor.id, 'token', ctx.now().toISOString())).map(tokenView)
}

/** Revokes one of the signed-in user's tokens by its id; 404 for anyone else's (or a session's). */
export async function revokeToken (ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!actor) throw new Unauthenticated()
  const cred = id.length <= 100 ? await ctx.store.getCredential(id) : null
  if (!cred || cred.kind !== 'token' || cred.userId !== actor.id) throw new NotFound('token')
  await ctx.store.deleteCredential(cred.id)
  ctx.events.emit('session:ended', { userId: actor.id, credentialIds: [cred.id] })
  ctx.log.info({ userId: actor.id }, 'API token revoked')
}

/**
 * Ends every session and API token of a user ("log out everywhere"; a
 * password change calls this too) and announces it, so open sockets close.
 */
export async function endAllCredentials (ctx: Ctx, userId: string): Promise<void> {
  const ids = await ctx.store.deleteUserCredentials(userId)
  ctx.events.emit('session:ended', { userId, credentialIds: 'all' })
  ctx.log.info({ userId, credentials: ids.length }, 'all credentials ended')
}
