/**
 * Limits and names the forms need at run time, without pulling zod into the
 * bundle: shared/types.ts is plain data; the limits below are checked
 * against shared/api.ts's LIMITS by the compiler (literal types).
 */
import type { AMENDMENT_LIMITS, DEBATE_LIMITS, LIMITS } from '../shared/api.ts'
export { PROFILE_TYPES, type ProfileType } from '../shared/types.ts'

/** The shortest password the server accepts (a type error if LIMITS changes). */
export const LIMITS_PASSWORD_MIN: typeof LIMITS.password.min = 10
/** The longest argument, in characters. */
export const ARGUMENT_MAX: typeof DEBATE_LIMITS.argument = 2000
/** The longest words of a report. */
export const REPORT_BODY_MAX: typeof DEBATE_LIMITS.reportBody = 1000
/** The longest exposé sommaire. */
export const EXPLANATION_MAX: typeof AMENDMENT_LIMITS.explanation = 10_000
/** The longest display name. */
export const DISPLAY_NAME_MAX: typeof LIMITS.displayName = 80
/** The longest article heading. */
export const HEADING_MAX: typeof LIMITS.heading = 300
