/**
 * Every error code the API can send in `{ error: { code } }`, grouped by the
 * HTTP status it comes with. The server's error classes take their codes from
 * these lists (a code not listed here does not compile), the HTTP layer maps
 * each code to its status with a `Record<ErrorCode, number>`, and the client
 * has a message for each code in every language (`Record<ErrorCode, ...>`).
 *
 * Field errors: a 400 for a body, query or params that breaks its schema
 * lists each problem as a `FieldError` (path, code, limits), so a client
 * can write its own words next to the field.
 */

/** Codes of the general error classes, one status each. */
export const GENERAL_ERROR_CODES = [
  'invalid_input', // 400
  'unauthenticated', // 401
  'forbidden', // 403
  'not_found', // 404
  'too_large', // 413
  'rate_limited', // 429
  'unavailable', // 503
  'requirement_missing', // 403
  'invalid_token', // 400
  'oidc_failed', // 400
  'wrong_password', // 401
  'internal' // 500
] as const

/** Codes of `Conflict` (409): the request conflicts with the current state. */
export const CONFLICT_CODES = [
  'conflict',
  'already_on_agenda',
  'council_changed',
  'display_name_taken',
  'email_taken',
  'last_admin',
  'not_proposed',
  'not_saved_yet',
  'not_stale',
  'publish_conflict'
] as const

/** Codes of `RuleBroken` (422): well-formed, but a rule of the consultation forbids it. */
export const RULE_CODES = [
  'agenda_full',
  'amendment_closed',
  'amendment_withdrawn',
  'argument_hidden',
  'article_removed',
  'consultation_closed',
  'council_committed',
  'council_drawn',
  'council_has_volunteers',
  'council_not_committed',
  'creator_is_editor',
  'edit_window_closed',
  'editor_role',
  'identical',
  'invalid_dates',
  'invalid_text',
  'not_open',
  'not_published',
  'nothing_published',
  'nothing_recognised',
  'nothing_to_publish',
  'opinion_published',
  'own_argument',
  'own_content',
  'quotas_infeasible',
  'target_hidden',
  'unknown_base_revision',
  'unreadable_file',
  'volunteering_closed',
  'wording_not_applicable',
  'wording_unreadable'
] as const

export type GeneralErrorCode = typeof GENERAL_ERROR_CODES[number]
export type ConflictCode = typeof CONFLICT_CODES[number]
export type RuleCode = typeof RULE_CODES[number]

/** Every code of `{ error: { code } }`. */
export const ERROR_CODES = [...GENERAL_ERROR_CODES, ...CONFLICT_CODES, ...RULE_CODES] as const
export type ErrorCode = typeof ERROR_CODES[number]

/** Whether `code` is one the API sends (a client meets codes it does not know, e.g. from a newer server). */
export function isErrorCode (code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code)
}

/** What is wrong with one field of a refused body, query or params. */
export const FIELD_ERROR_CODES = [
  'required', // absent
  'invalid_type', // present, of the wrong type
  'invalid_email', // not an e-mail address
  'invalid_format', // another format (url, date, pattern)
  'invalid_value', // not one of the allowed values
  'too_small', // shorter / smaller / fewer than `minimum`
  'too_big', // longer / larger / more than `maximum`
  'unknown_field', // a field the schema does not have (bodies are strict)
  'display_name', // characters no display name may have
  'invalid' // anything else
] as const
export type FieldErrorCode = typeof FIELD_ERROR_CODES[number]

/**
 * One field's problem, in `error.fields` of a 400: `path` is dotted
 * ("alineas.0"); `minimum` / `maximum` are the limits of `too_small` /
 * `too_big`, counted in `origin` units (characters of a string, items of an
 * array, or the number itself).
 */
export interface FieldError {
  path: string
  code: FieldErrorCode
  minimum?: number
  maximum?: number
  origin?: 'string' | 'number' | 'array' | 'other'
}
