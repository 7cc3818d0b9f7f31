/**
 * The one place where failures become HTTP answers:
 * `{ "error": { "code", "message", "details" } }` with the statuses of docs/DOMAIN.md.
 * Anything unexpected is logged and answered 500 without internals.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { z } from 'zod'
import { DomainError, InvalidInput, RateLimited, TooLarge, Unavailable } from '../domain/errors.ts'
import { CONFLICT_CODES, RULE_CODES, type ErrorCode, type FieldError } from '../../shared/error-codes.ts'
import { fieldErrors } from './field-errors.ts'

const each = <C extends string> (codes: readonly C[], status: number): Record<C, number> =>
  Object.fromEntries(codes.map(c => [c, status])) as Record<C, number>

/**
 * The HTTP status of every error code: the one place where codes meet
 * statuses. Being a `Record<ErrorCode, number>`, it lists every code of
 * shared/error-codes.ts, and nothing else.
 */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  requirement_missing: 403,
  invalid_token: 400,
  oidc_failed: 400,
  wrong_password: 401,
  internal: 500,
  ...each(CONFLICT_CODES, 409),
  ...each(RULE_CODES, 422)
}

/** HTTP status of a domain error, by its code. */
export function statusOf (err: DomainError): number {
  return ERROR_STATUS[err.code]
}

/** A zod failure as an InvalidInput listing each problem with its path (and, for clients, each field's code and limits). */
export function fromZod (err: z.ZodError, where = 'body', input?: { value: unknown }): InvalidInput {
  const issues = err.issues.map(i => ({ path: i.path.join('.'), message: i.message, code: i.code }))
  const first = issues[0]
  return new InvalidInput(`invalid ${where}: ${first?.path ? first.path + ': ' : ''}${first?.message ?? 'malformed'}`, { issues }, fieldErrors(err, input))
}

/** The error body the API sends. */
interface ErrorBodyOut { code: ErrorCode; message: string; details?: unknown; fields?: FieldError[] }

/** Answers unknown API routes with a JSON 404. */
export const notFoundHandler: RequestHandler = (req, res) => {
  const body: ErrorBodyOut = { code: 'not_found', message: `no route ${req.method} ${req.path}` }
  res.status(404).json({ error: body })
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
    const body: ErrorBodyOut = { code: e.code, message: e.message }
    if (e.details !== undefined) body.details = e.details
    if (e instanceof InvalidInput && e.fields?.length) body.fields = e.fields
    res.status(statusOf(e)).json({ error: body })
    return
  }
  req.log?.error({ err }, 'unexpected error')
  const body: ErrorBodyOut = { code: 'internal', message: 'something went wrong on our side' }
  res.status(500).json({ error: body })
}
