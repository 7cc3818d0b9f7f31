/**
 * Who is asking and from where, read from the headers of an HTTP request or
 * of a socket's handshake: the session cookie (browsers) or a Bearer token
 * (scripts), and whether a cookie-carrying request comes from a page of
 * another origin. One reading for the HTTP API (server/http), the live
 * socket (server/live) and the collaboration socket (server/collab).
 */
import { parse as parseCookies } from 'cookie'
import type { Ctx } from './context.ts'
import type { UserRecord } from './store.ts'
import { authenticate } from './accounts.ts'

/** The name of the session cookie. */
export const SESSION_COOKIE = 'alinea_session'

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

/** Resolves the actor of a request from its headers (HTTP requests, live and collaboration sockets alike). */
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

/** The headers the origin check reads. */
interface OriginHeaders { 'sec-fetch-site'?: string | string[]; origin?: string; host?: string }

/**
 * Whether a request comes from a page of another site or origin, by
 * `Sec-Fetch-Site` then `Origin` against `Host`: 'cross-site' for the former
 * refusal, 'cross-origin' for the latter, null when it is our own origin (or
 * says nothing, as non-browser clients do). Checked on cookie-carrying
 * writes (HTTP) and collaboration sockets.
 */
export function foreignOrigin (headers: OriginHeaders): 'cross-site' | 'cross-origin' | null {
  const site = headers['sec-fetch-site']
  if (site === 'cross-site' || site === 'same-site') return 'cross-site'
  const origin = headers.origin
  if (origin === undefined) return null
  let host: string | null
  try { host = new URL(origin).host } catch { host = null }
  return host === null || host !== headers.host ? 'cross-origin' : null
}
