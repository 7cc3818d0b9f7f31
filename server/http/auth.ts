/**
 * Who is asking: the session cookie (browsers) or a Bearer token (scripts),
 * read by domain/request-actor.ts, resolved once per request into `req.actor`.
 */
import type { CookieOptions, RequestHandler, Response } from 'express'
import type { Ctx } from '../domain/context.ts'
import type { UserRecord } from '../store/store.ts'
import { actorFromHeaders, SESSION_COOKIE } from '../domain/request-actor.ts'

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
