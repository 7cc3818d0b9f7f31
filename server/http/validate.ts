/** Validation at the edge: request bodies, params and queries against the zod schemas of shared/api.ts. */
import type { z } from 'zod'
import { fromZod } from './errors.ts'

/** Parses `data` with `schema`, throwing a 400 InvalidInput that lists the problems. */
export function parse<T extends z.ZodType> (schema: T, data: unknown, where = 'body'): z.infer<T> {
  const r = schema.safeParse(data)
  if (!r.success) throw fromZod(r.error, where, { value: data })
  return r.data
}
