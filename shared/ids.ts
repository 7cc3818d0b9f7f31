/**
 * Identifiers: random, URL-safe, unguessable, and the same in every store.
 * Works in Node and in the browser (Web Crypto), so an editor can mint the id
 * of a new article without asking the server.
 */

/** Web Crypto: a global in browsers and in Node; shared code has neither's types. */
declare const crypto: { getRandomValues<T extends Uint8Array> (array: T): T }

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A new random id, e.g. `newId('art')` gives `art_k3j9x0q2m1z8w7v6`. */
export function newId (prefix: string, length = 16): string {
  const bytes = new Uint8Array(length)
  crypto.getRandomValues(bytes)
  let out = ''
  for (const b of bytes) out += ALPHABET[b % 36]
  return `${prefix}_${out}`
}
