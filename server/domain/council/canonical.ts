/**
 * Canonical JSON and SHA-256, so that the commitment and the seed are the
 * same bytes for whoever recomputes them (sorted object keys, no spaces).
 */
import { createHash } from 'node:crypto'
import type { DrawInput } from './types.ts'

/** JSON with object keys sorted at every level and no whitespace. */
export function canonicalJson (value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']'
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj).filter(k => obj[k] !== undefined).sort()
  return '{' + keys.map(k => JSON.stringify(k) + ':' + canonicalJson(obj[k])).join(',') + '}'
}

/** Hex SHA-256 of a UTF-8 string. */
export function sha256Hex (text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * The commitment: SHA-256 of the canonical JSON of the algorithm version, the
 * quotas and the pool sorted by pseudonymous id (answers included).
 */
export function commitmentOf (input: DrawInput): string {
  const pool = [...input.pool].sort((a, b) => cmp(a.id, b.id))
  return sha256Hex(canonicalJson({ algorithm: input.algorithm, quotas: input.quotas, pool }))
}

/** The seed: SHA-256 of the commitment (hex) followed by the public value, trimmed, as UTF-8. */
export function seedOf (commitment: string, publicValue: string): string {
  return sha256Hex(commitment + publicValue.trim())
}

/** Code-unit string order (locale-independent), used for every canonical order. */
export function cmp (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
