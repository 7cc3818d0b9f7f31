/**
 * Zod's issues as the field errors of a 400 (`error.fields`): a stable code
 * per field and zod's limits, so a client can word each problem in its own
 * language next to its field (the issues' messages are zod's English).
 */
import type { z } from 'zod'
import type { FieldError } from '../../shared/error-codes.ts'

type Origin = NonNullable<FieldError['origin']>

const originOf = (o: unknown): Origin => o === 'string' || o === 'number' || o === 'array' ? o : 'other'

/** The value at `path` in `input`, or undefined when any step is missing. */
function valueAt (input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[k]
  }
  return v
}

const join = (path: readonly PropertyKey[]): string => path.map(String).join('.')

/**
 * One field error per problem; `input` (what was parsed, when known) tells an
 * absent field from one of the wrong type; without it, zod's own words do.
 */
export function fieldErrors (err: z.ZodError, input?: { value: unknown }): FieldError[] {
  const out: FieldError[] = []
  for (const i of err.issues) {
    const path = join(i.path)
    switch (i.code) {
      case 'invalid_type':
        out.push({ path, code: (input ? valueAt(input.value, i.path) === undefined : /received undefined/.test(i.message)) ? 'required' : 'invalid_type' })
        break
      case 'too_small': {
        const origin = originOf(i.origin)
        const minimum = Number(i.minimum)
        // An empty string where one character is the least: the field was left blank.
        if (origin === 'string' && minimum === 1) out.push({ path, code: 'required' })
        else out.push({ path, code: 'too_small', minimum, origin })
        break
      }
      case 'too_big':
        out.push({ path, code: 'too_big', maximum: Number(i.maximum), origin: originOf(i.origin) })
        break
      case 'invalid_format':
        out.push({ path, code: i.format === 'email' ? 'invalid_email' : 'invalid_format' })
        break
      case 'invalid_value':
        out.push({ path, code: 'invalid_value' })
        break
      case 'unrecognized_keys':
        for (const key of i.keys) out.push({ path: join([...i.path, key]), code: 'unknown_field' })
        break
      default:
        out.push({ path, code: 'invalid' })
    }
  }
  return out
}
