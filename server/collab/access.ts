/**
 * Who may open a bill's collaboration socket, decided once on upgrade from
 * the request's session cookie or Bearer token (browsers cannot set headers
 * on a WebSocket, so they rely on the cookie; scripts use a token):
 *
 * - the bill's editors (and admins) read and write;
 * - anyone else who may see the bill (it is published), signed in or not,
 *   reads only: their document updates are dropped by the server;
 * - a bill that does not exist and a draft the actor may not see get the
 *   same answer, 4404 "bill not found", so drafts stay secret;
 * - a session cookie sent by a page of another origin gets 4403 (a WebSocket
 *   is not subject to CORS, so this is the cross-site hijacking guard);
 * - an invalid Bearer token gets 4401 (an invalid cookie counts as signed out,
 *   as on the HTTP API);
 * - a client that announces another schema version (`?schema=<n>`, see
 *   SCHEMA_VERSION in shared/schema.ts) gets 4426 and must reload; a client
 *   that announces none (a script, a stock provider) is not checked.
 */
import type { IncomingMessage } from 'node:http'
import type { Ctx } from '../domain/context.ts'
import type { BillRecord, UserRecord } from '../store/store.ts'
import { canSee, isEditor } from '../domain/access.ts'
import { actorFromHeaders, bearerFrom, foreignOrigin, sessionFromCookieHeader } from '../domain/request-actor.ts'
import { secretId } from '../domain/accounts.ts'
import { SCHEMA_VERSION } from '../../shared/schema.ts'
import { CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_SCHEMA_MISMATCH, CLOSE_UNAUTHORIZED } from './close-codes.ts'

/** The path prefix of the endpoint: `/collab/<billId>`. */
export const COLLAB_PATH = '/collab/'

/**
 * The decision for one upgrade. `credentialId` is the id of the session or
 * token the actor was recognised by (null for an anonymous peer), kept by
 * the connection so that it closes when that credential ends.
 */
export type CollabAccess =
  | { ok: true; actor: UserRecord | null; canWrite: boolean; credentialId: string | null }
  | { ok: false; code: number; reason: string }

/** Not found, told the same way for a missing bill and a hidden draft. */
export const NOT_FOUND: CollabAccess = { ok: false, code: CLOSE_NOT_FOUND, reason: 'bill not found' }

/**
 * The bill id of an upgrade request for this endpoint; null for a
 * `/collab/...` path that names no valid id; undefined for any other path
 * (left to other upgrade listeners, such as socket.io's).
 */
export function collabBillId (url: string | undefined): string | null | undefined {
  if (!url || !url.startsWith(COLLAB_PATH)) return undefined
  const path = url.slice(COLLAB_PATH.length).split('?')[0]
  let id: string
  try { id = decodeURIComponent(path) } catch { return null }
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : null
}

/** The schema version a client announced in its URL (`?schema=<n>`), or null. */
export function announcedSchema (url: string | undefined): string | null {
  const q = url?.indexOf('?') ?? -1
  return q < 0 ? null : new URLSearchParams(url!.slice(q + 1)).get('schema')
}

/** The rights of a (possibly anonymous) actor on a bill, as a connection keeps them. */
export function rightsOn (bill: BillRecord | null, actor: UserRecord | null, credentialId: string | null = null): CollabAccess {
  if (!bill || !canSee(bill, actor)) return NOT_FOUND
  return { ok: true, actor, canWrite: isEditor(bill, actor), credentialId: actor ? credentialId : null }
}

/** Decides an upgrade to `/collab/<billId>`. */
export async function decideAccess (ctx: Ctx, req: IncomingMessage, billId: string): Promise<CollabAccess> {
  const schema = announcedSchema(req.url)
  if (schema !== null && schema !== String(SCHEMA_VERSION)) {
    return { ok: false, code: CLOSE_SCHEMA_MISMATCH, reason: `document schema ${schema} is not the server's ${SCHEMA_VERSION}: reload the page` }
  }
  const authorization = req.headers.authorization
  const { actor, kind } = await actorFromHeaders(ctx, { cookie: req.headers.cookie, authorization })
  if (!actor && bearerFrom(authorization)) return { ok: false, code: CLOSE_UNAUTHORIZED, reason: 'invalid token' }
  if (kind === 'session' && foreignOrigin(req.headers)) return { ok: false, code: CLOSE_FORBIDDEN, reason: 'cross-origin connection refused' }
  return rightsOn(await ctx.store.getBill(billId), actor, credentialIdOf(req, kind))
}

/** The stored id of the credential a request was recognised by (see `secretId`), or null. */
export function credentialIdOf (req: IncomingMessage, kind: 'session' | 'token' | null): string | null {
  const secret = kind === 'token' ? bearerFrom(req.headers.authorization) : kind === 'session' ? sessionFromCookieHeader(req.headers.cookie) : null
  return secret ? secretId(secret) : null
}
