/** Errors every store implementation throws the same way. */

/** Thrown by a store when a unique constraint refuses a write (e.g. an email already used). */
export class DuplicateKeyError extends Error {
  constructor (readonly key: string) {
    super(`duplicate key: ${key}`)
    this.name = 'DuplicateKeyError'
  }
}
