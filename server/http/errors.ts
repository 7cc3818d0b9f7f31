/**
 * The one place where failures become HTTP answers:
 * `{ "error": { "code", "message", "details" } }` with the statuses of docs/DOMAIN.md.
 * Anything unexpected is logged and answered 500 without internals.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { z } from 'zod'
import {
  Conflict, DomainError, Forbidden, InvalidInput, NotFound, RateLimited, RuleBroken, TooLarge, Unauthenticated, Unavailable
} from '../domain/errors.ts'
import { InvalidToken, OidcFailed, RequirementMissing, WrongPassword } from '../domain/errors.ts'

/** HTTP status of each domain error class. */
export function statusOf (err: DomainError): number {
  if (err instanceof InvalidInput) return 400
  if (err instanceof Unauthenticated) return 401
  if (err instanceof Forbidden) return 403
  if (err instanceof NotFound) return 404
  if (err instanceof Conflict) return 409
  if (err instanceof TooLarge) return 413
  if (err instanceof RuleBroken) return 422
  if (err instanceof RateLimited) return 429
  if (err instanceof Unavailable) return 503
  if (err instanceof RequirementMissing) return 403
  if (err instanceof InvalidToken) return 400
  if (err instanceof OidcFailed) return 400
  if (err instanceof WrongPassword) return 401
  return 400
}

/** A zod failure as an InvalidInput listing each problem with its path. */
export function fromZod (err: z.ZodError, where = 'body'): InvalidInput {
  const issues = err.issues.map(i => ({ path: i.path.join('.'), message: i.message, code: i.code }))
  const first = issues[0]
  return new InvalidInput(`invalid ${where}: ${first?.path ? first.path + ': ' : ''}${first?.message ?? 'malformed'}`, { issues })
}

/** Answers unknown API routes with a JSON 404. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'not_found', message: `no route ${req.method} ${req.path}` } })
}

/** The express error handler: domain errors, body-parser errors, zod errors, then 500. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return
  let e: DomainError | null = null
  if (err instanceof DomainError) e = err
  else if (err instanceof z.ZodError) e = fromZod(err)
  else if (err?.type === 'entity.too.large') e = new TooLarge(`the body is larger than ${err.limit} bytes`)
  else if (err?.type === 'entity.parse.failed') e = new InvalidInput('the body is not valid JSON')
  else if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') e = new InvalidInput('unsupported body encoding')
  else if (typeof err?.status === 'number' && err.status >= 400 && err.status < 500) e = new InvalidInput(String(err.message ?? 'bad request'))
  if (e) {
    if (e instanceof RateLimited) res.set('Retry-After', String(e.retryAfterSeconds))
    if (e instanceof Unavailable && e.retryAfterSeconds !== undefined) res.set('Retry-After', String(e.retryAfterSeconds))
    const body: { code: string; message: string; details?: unknown } = { code: e.code, message: e.message }
    if (e.details !== undefined) body.details = e.details
    res.status(statusOf(e)).json({ error: body })
    return
  }
  req.log?.error({ err }, 'unexpected error')
  res.status(500).json({ error: { code: 'internal', message: 'something went wrong on our side' } })
}
