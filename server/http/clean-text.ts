/**
 * Text normalised at the edge, before validation, so that what is checked
 * (lengths included), stored and echoed is the same string: every string of
 * a JSON body is made well-formed (lone UTF-16 surrogates become U+FFFD, as
 * `toWellFormed` does, instead of being echoed as sent and stored as
 * replacement bytes) and loses its control characters (tab, line feed and
 * carriage return stay). Display names keep theirs, so that the domain can
 * refuse them with a clear message (server/domain/display-names.ts) rather
 * than silently change someone's name.
 */
import type { RequestHandler } from 'express'
import { stripControls, wellFormed } from '../../shared/names.ts'
import { InvalidInput } from '../domain/errors.ts'

/** Deeper JSON than this is refused (no route takes more than a few levels). */
const MAX_DEPTH = 32
/** Fields refused rather than cleaned. */
const REFUSED_NOT_CLEANED = new Set(['displayName'])

function clean (value: unknown, depth: number, key: string | null): unknown {
  if (typeof value === 'string') return key !== null && REFUSED_NOT_CLEANED.has(key) ? wellFormed(value) : stripControls(wellFormed(value))
  if (value === null || typeof value !== 'object') return value
  if (depth > MAX_DEPTH) throw new InvalidInput('the body is nested too deeply')
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = clean(value[i], depth + 1, null)
    return value
  }
  const record = value as Record<string, unknown>
  for (const k of Object.keys(record)) record[k] = clean(record[k], depth + 1, k)
  return value
}

/** Middleware: cleans the strings of `req.body` in place (see the module comment). */
export function cleanText (): RequestHandler {
  return (req, _res, next) => {
    if (req.body !== undefined && req.body !== null && typeof req.body === 'object') clean(req.body, 0, null)
    next()
  }
}
