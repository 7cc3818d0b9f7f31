/**
 * Limits and names the forms need at run time, without pulling zod into the
 * bundle: shared/types.ts is plain data; the password minimum is checked
 * against shared/api.ts's LIMITS by the compiler (a literal type).
 */
import type { LIMITS } from '../shared/api.ts'
export { PROFILE_TYPES, type ProfileType } from '../shared/types.ts'

/** The shortest password the server accepts (a type error if LIMITS changes). */
export const LIMITS_PASSWORD_MIN: typeof LIMITS.password.min = 10
