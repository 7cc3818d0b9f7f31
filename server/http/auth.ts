/**
 * Who is asking: the session cookie (browsers) or a Bearer token (scripts),
 * resolved once per request into `req.actor`.
 */
import type { CookieOptions, RequestHandler, Response } from 'express'
import { parse as parseCookies } from 'cookie'
import type { Ctx } from '../domain/context.ts'
import type { UserRecord } from '../store/store.ts'
import { authenticate } from '../domain/accounts.ts'

/** The name of the session cookie. */
export const SESSION_COOKIE = 'alinea_session'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** The signed-in user, or null. */
      actor: UserRecord | null
      /** How the actor was authenticated: a cookie needs same-origin checks, a token does not. */
      authKind: 'session' | 'token' | null
      /** The raw secret of the session or API token the request came with, to end it (logout). */
      sessionSecret: string | null
    }
  }
}

/** Reads the session cookie of a raw cookie header. */
export function sessionFromCookieHeader (header: string | undefined): string | null {
  if (!header) return null
  return parseCookies(header)[SESSION_COOKIE] ?? null
}

/** Reads a `Bearer` token of an Authorization header. */
export function bearerFrom (header: string | undefined): string | null {
  const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  return m ? m[1] : null
}

/** Resolves the actor of a request from its headers (shared with the collaboration socket). */
export async function actorFromHeaders (ctx: Ctx, headers: { cookie?: string; authorization?: string }): Promise<{ actor: UserRecord | null; kind: 'session' | 'token' | null; secret: string | null }> {
  const token = bearerFrom(headers.authorization)
  if (token) {
    const actor = await authenticate(ctx, token, 'token')
    return { actor, kind: actor ? 'token' : null, secret: actor ? token : null }
  }
  const secret = sessionFromCookieHeader(headers.cookie)
  if (secret) {
    const actor = await authenticate(ctx, secret, 'session')
    return { actor, kind: actor ? 'session' : null, secret: actor ? secret : null }
  }
  return { actor: null, kind: null, secret: null }
}

/** Middleware that sets `req.actor`. */
export function resolveActor (ctx: Ctx): RequestHandler {
  return async (req, _res, next) => {
    const { actor, kind, secret } = await actorFromHeaders(ctx, { cookie: req.headers.cookie, authorization: req.headers.authorization })
    req.actor = actor
    req.authKind = kind
    req.sessionSecret = secret
    next()
  }
}

function cookieOptions (ctx: Ctx): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: '/' }
}

/** Sets the session cookie: httpOnly (no script reads it), SameSite=Lax. */
export function setSessionCookie (ctx: Ctx, res: Response, secret: string): void {
  res.cookie(SESSION_COOKIE, secret, { ...cookieOptions(ctx), maxAge: ctx.config.sessionDays * 86_400_000 })
}

/** Clears the session cookie. */
export function clearSessionCookie (ctx: Ctx, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(ctx))
}
