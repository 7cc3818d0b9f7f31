/**
 * Named domain errors. The domain throws them; `server/http/errors.ts` maps
 * each to its HTTP status in one place, and the collaboration socket maps
 * them to close codes.
 */

import type { ConflictCode, ErrorCode, FieldError, RuleCode } from '../../shared/error-codes.ts'

/** Base class: a failure the client caused or may act on, with a stable code (one of shared/error-codes.ts). */
export class DomainError extends Error {
  constructor (readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message)
    this.name = new.target.name
  }
}

/** The input is malformed or breaks a field constraint (400); `fields` says which fields and why, when known. */
export class InvalidInput extends DomainError {
  constructor (message: string, details?: unknown, readonly fields?: FieldError[]) { super('invalid_input', message, details) }
}

/** Signing in is required (401). */
export class Unauthenticated extends DomainError {
  constructor (message = 'sign in to do this') { super('unauthenticated', message) }
}

/** Signed in, but this role or user may not do this (403). */
export class Forbidden extends DomainError {
  constructor (message = 'you may not do this') { super('forbidden', message) }
}

/** No such thing, or not visible to this viewer (404). */
export class NotFound extends DomainError {
  constructor (what: string) { super('not_found', `${what} not found`) }
}

/** The request conflicts with the current state, e.g. already exists or stale (409). */
export class Conflict extends DomainError {
  constructor (code: ConflictCode, message: string, details?: unknown) { super(code, message, details) }
}

/** A body or a document is larger than allowed (413). */
export class TooLarge extends DomainError {
  constructor (message: string) { super('too_large', message) }
}

/** Well-formed, but a rule of the consultation forbids it, e.g. closed (422). */
export class RuleBroken extends DomainError {
  constructor (code: RuleCode, message: string, details?: unknown) { super(code, message, details) }
}

/** Too many requests of this kind for now (429). */
export class RateLimited extends DomainError {
  constructor (message: string, readonly retryAfterSeconds: number) { super('rate_limited', message, { retryAfterSeconds }) }
}

/** Something the server needs for this request is missing or down (503), e.g. Chromium for PDF exports. */
export class Unavailable extends DomainError {
  /** `retryAfterSeconds`: when it is worth trying again (a Retry-After header), if known. */
  constructor (message: string, readonly retryAfterSeconds?: number) { super('unavailable', message, retryAfterSeconds === undefined ? undefined : { retryAfterSeconds }) }
}

/** The bill demands something of participants that this one lacks: a verified address or an OIDC sign-in (403). */
export class RequirementMissing extends DomainError {
  constructor (readonly requirement: string, message: string) { super('requirement_missing', message, { requirement }) }
}

/** A link's token is unknown, expired or already used (400); nothing changed. */
export class InvalidToken extends DomainError {
  constructor (message = 'this link is invalid, expired or already used') { super('invalid_token', message) }
}

/** A sign-in with the OpenID Connect provider that failed: wrong state or nonce, no flow started, provider error (400). */
export class OidcFailed extends DomainError {
  constructor (message: string) { super('oidc_failed', message) }
}

/** The account's password, asked again before a sensitive change, is not right (401); nothing changed. */
export class WrongPassword extends DomainError {
  constructor () { super('wrong_password', 'the password is not right') }
}
