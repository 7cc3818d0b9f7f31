/**
 * Accounts of people who sign in with an OpenID Connect provider
 * (FranceConnect, a ministry's or a parliament's own). An account is linked
 * by the provider's subject (`sub`, with the issuer), never by e-mail alone:
 * the first sign-in creates the account, later ones find it by `sub`. Such
 * an account meets the `oidc` requirement (and `verifiedEmail`); it has no
 * password of its own.
 */
import { createHash } from 'node:crypto'
import type { Ctx } from './context.ts'
import type { UserRecord } from './store.ts'
import { DuplicateKeyError } from './store.ts'
import { newId } from '../../shared/ids.ts'
import { LIMITS } from '../../shared/api/common.ts'
import { normaliseEmail } from './accounts.ts'

/** What the provider says of the person (from the ID token). */
export interface OidcClaims { sub: string; email?: string; emailVerified?: boolean; name?: string }

/** The stored link of a subject at an issuer. */
export const oidcLink = (issuer: string, sub: string): string => `${issuer}#${sub}`

/** The account linked to this subject, created on first use. */
export async function signInWithOidc (ctx: Ctx, issuer: string, claims: OidcClaims): Promise<{ user: UserRecord; created: boolean }> {
  const link = oidcLink(issuer, claims.sub)
  const existing = await ctx.store.getUserByOidcSub(link)
  if (existing && !existing.deletedAt) return { user: existing, created: false }
  const placeholder = `oidc-${createHash('sha256').update(link).digest('hex').slice(0, 24)}@oidc.invalid`
  const email = claims.email ? normaliseEmail(claims.email) : null
  const name = (claims.name ?? '').trim().slice(0, LIMITS.displayName) || 'Participant'
  const make = (address: string, verified: boolean): UserRecord => ({
    id: newId('usr'), email: address, displayName: name, role: 'citizen', profileType: 'citizen',
    passwordHash: '!oidc', createdAt: ctx.now().toISOString(), emailVerified: verified, locale: 'fr', notify: 'immediate', oidcSub: link, deletedAt: null
  })
  // The provider's address when it is free; an address another account holds is never taken over.
  let user = make(email ?? placeholder, !!email && claims.emailVerified === true)
  try {
    await ctx.store.createUser(user)
  } catch (err) {
    if (!(err instanceof DuplicateKeyError) || err.key !== 'email') throw err
    user = make(placeholder, false)
    await ctx.store.createUser(user)
  }
  ctx.log.info({ userId: user.id }, 'account created through OpenID Connect')
  return { user, created: true }
}
