/**
 * Turns any failure into words for the reader, in the reader's language.
 * Every error code the API can send (shared/error-codes.ts) has its message
 * here, checked by the compiler; the server's own message (English, for
 * developers) is never shown. An unknown code gets a generic sentence.
 */
import { ApiError } from './api.ts'
import { t, type PlainMessageKey } from './i18n/index.ts'
import { isErrorCode, type ErrorCode, type FieldError, type FieldErrorCode } from '../shared/error-codes.ts'

/** The message of each error code: one entry per code, or this does not compile. */
export const ERROR_MESSAGES: Record<ErrorCode, PlainMessageKey> = {
  invalid_input: 'error.code.invalid_input',
  unauthenticated: 'error.code.unauthenticated',
  forbidden: 'error.code.forbidden',
  not_found: 'error.code.not_found',
  too_large: 'error.code.too_large',
  rate_limited: 'error.code.rate_limited',
  unavailable: 'error.code.unavailable',
  requirement_missing: 'error.code.requirement_missing',
  invalid_token: 'error.code.invalid_token',
  oidc_failed: 'error.code.oidc_failed',
  wrong_password: 'error.code.wrong_password',
  internal: 'error.code.internal',
  conflict: 'error.code.conflict',
  already_on_agenda: 'error.code.already_on_agenda',
  council_changed: 'error.code.council_changed',
  display_name_taken: 'error.code.display_name_taken',
  email_taken: 'error.code.email_taken',
  last_admin: 'error.code.last_admin',
  not_proposed: 'error.code.not_proposed',
  not_saved_yet: 'error.code.not_saved_yet',
  not_stale: 'error.code.not_stale',
  publish_conflict: 'error.code.publish_conflict',
  agenda_full: 'error.code.agenda_full',
  amendment_closed: 'contrib.amendmentClosed',
  amendment_withdrawn: 'error.code.amendment_withdrawn',
  argument_hidden: 'error.code.argument_hidden',
  article_removed: 'contrib.articleRemoved',
  consultation_closed: 'contrib.closed',
  council_committed: 'error.code.council_committed',
  council_drawn: 'error.code.council_drawn',
  council_has_volunteers: 'error.code.council_has_volunteers',
  council_not_committed: 'error.code.council_not_committed',
  creator_is_editor: 'error.code.creator_is_editor',
  edit_window_closed: 'error.code.edit_window_closed',
  editor_role: 'error.code.editor_role',
  identical: 'error.code.identical',
  invalid_dates: 'error.code.invalid_dates',
  invalid_text: 'error.code.invalid_text',
  not_open: 'error.code.not_open',
  not_published: 'error.code.not_published',
  nothing_published: 'error.code.nothing_published',
  nothing_recognised: 'error.code.nothing_recognised',
  nothing_to_publish: 'error.code.nothing_to_publish',
  opinion_published: 'error.code.opinion_published',
  own_argument: 'contrib.ownArgument',
  own_content: 'contrib.ownContent',
  quotas_infeasible: 'error.code.quotas_infeasible',
  target_hidden: 'error.code.target_hidden',
  unknown_base_revision: 'error.code.unknown_base_revision',
  unreadable_file: 'error.code.unreadable_file',
  volunteering_closed: 'error.code.volunteering_closed',
  wording_not_applicable: 'error.code.wording_not_applicable',
  wording_unreadable: 'error.code.wording_unreadable'
}

/** Messages a page words its own way, by code (e.g. the sign-in page's `unauthenticated`). */
export type ErrorOverrides = Partial<Record<ErrorCode, PlainMessageKey>>

/** A code's sentence, with what its details add (which requirement, how long to wait). */
function codeMessage (err: ApiError, code: ErrorCode, overrides: ErrorOverrides): string {
  const own = overrides[code]
  if (own) return t(own)
  if (code === 'requirement_missing' && (err.details as { requirement?: string } | undefined)?.requirement === 'oidc') {
    return t('error.code.requirement_missing_oidc')
  }
  if (code === 'rate_limited') {
    const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
    if (typeof wait === 'number' && wait > 0) return t('error.code.rate_limited_in', { s: Math.ceil(wait) })
  }
  return t(ERROR_MESSAGES[code])
}

/** The message to show for `err`, in the reader's language; `overrides` words some codes for this page. */
export function errorMessage (err: unknown, overrides: ErrorOverrides = {}): string {
  if (err instanceof ApiError) {
    if (err.status === 0) return t('error.network')
    if (isErrorCode(err.code)) return codeMessage(err, err.code, overrides)
    return t('error.unknown', { status: err.status })
  }
  // Not from the server: a failure the client worded itself (e.g. a chunk that did not load).
  return err instanceof Error && err.message ? err.message : t('error.unknown', { status: '?' })
}

/** What is wrong with one field, in words: the code with its limit. */
export const FIELD_MESSAGES: Record<FieldErrorCode, (f: FieldError) => string> = {
  required: () => t('error.field.required'),
  invalid_type: () => t('error.field.invalid_type'),
  invalid_email: () => t('error.field.invalid_email'),
  invalid_format: () => t('error.field.invalid_format'),
  invalid_value: () => t('error.field.invalid_value'),
  too_small: f => f.origin === 'number'
    ? t('error.field.too_small_number', { minimum: f.minimum ?? 0 })
    : f.origin === 'array' ? t('error.field.too_small_array', { minimum: f.minimum ?? 0 }) : t('error.field.too_small_string', { minimum: f.minimum ?? 0 }),
  too_big: f => f.origin === 'number'
    ? t('error.field.too_big_number', { maximum: f.maximum ?? 0 })
    : f.origin === 'array' ? t('error.field.too_big_array', { maximum: f.maximum ?? 0 }) : t('error.field.too_big_string', { maximum: f.maximum ?? 0 }),
  unknown_field: () => t('error.field.unknown_field'),
  display_name: () => t('error.field.display_name'),
  invalid: () => t('error.field.invalid')
}

/** The words of one field error (a code this client does not know reads as "not valid"). */
export function fieldMessage (f: FieldError): string {
  const word = FIELD_MESSAGES[f.code] as ((f: FieldError) => string) | undefined
  return word ? word(f) : t('error.field.invalid')
}

/** A form's failure: the sentence above the button, and a message per field of the form, by its name. */
export interface FormErrors {
  message: string | null
  fields: Record<string, string>
}

/** No failure. */
export const NO_FORM_ERRORS: FormErrors = { message: null, fields: {} }

/**
 * Splits `err` for a form whose fields are named `names` (the body's paths):
 * each field error of such a field goes next to it (the first one per
 * field), and so does a code that concerns one field (`codeFields`, e.g.
 * `email_taken` -> `email`); the sentence above the button then says to
 * correct the fields marked. Otherwise the sentence is the code's message.
 */
export function formErrors (err: unknown, names: readonly string[], overrides: ErrorOverrides = {}, codeFields: Partial<Record<ErrorCode, string>> = {}): FormErrors {
  const fields: Record<string, string> = {}
  const nameOf = (path: string) => names.find(n => path === n || path.startsWith(n + '.'))
  if (!(err instanceof ApiError)) return { message: errorMessage(err, overrides), fields }
  for (const f of err.fields) {
    const name = nameOf(f.path)
    if (name && !(name in fields)) fields[name] = fieldMessage(f)
  }
  const placed = isErrorCode(err.code) ? codeFields[err.code] : undefined
  if (placed && names.includes(placed)) {
    fields[placed] = errorMessage(err, overrides)
    return { message: t('error.fieldsSummary'), fields }
  }
  const all = err.fields.length > 0 && err.fields.every(f => nameOf(f.path))
  return { message: all ? t('error.fieldsSummary') : errorMessage(err, overrides), fields }
}

/** Moves focus to the first field marked invalid in `form` (after the next paint), so the reader lands on it. */
export function focusFirstInvalid (form: HTMLFormElement | null): void {
  if (!form) return
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
}
