/** Errors every store implementation throws the same way. */

/** Thrown by a store when a unique constraint refuses a write (e.g. an email already used). */
export class DuplicateKeyError extends Error {
  constructor (readonly key: string) {
    super(`duplicate key: ${key}`)
    this.name = 'DuplicateKeyError'
  }
}

/** Thrown by a store when its bounded queue of long reads is full: try again shortly (the HTTP layer answers 503). */
export class StoreBusyError extends Error {
  constructor (readonly retryAfterSeconds: number) {
    super('the store is busy with long reads')
    this.name = 'StoreBusyError'
  }
}
