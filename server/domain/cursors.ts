/**
 * Opaque page cursors: the position after which the next page starts,
 * as base64url JSON. Clients pass `next` back unchanged; anything they
 * forge or damage is a 400, never a crash or a different list.
 */
import { InvalidInput } from './errors.ts'

/** Encodes a position as an opaque cursor. */
export function encodeCursor (position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url')
}

/** Decodes a cursor and checks its shape with `valid`; InvalidInput (400) when it is not one of ours. */
export function decodeCursor<T> (cursor: string, valid: (x: unknown) => x is T): T {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidInput('invalid cursor: pass back the `next` of the previous page')
  }
  if (!valid(value)) throw new InvalidInput('invalid cursor: pass back the `next` of the previous page')
  return value
}
