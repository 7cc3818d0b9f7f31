/**
 * helmet's headers, computed once. helmet is a chain of a dozen middlewares,
 * each setting one header through its own `next()`: on a vote that chain cost
 * more than the route itself. With static options every request gets the same
 * headers, so they are recorded once at start (helmet run against a recording
 * response) and set in one loop per request: the same headers, written by
 * helmet's own code, with none of its per-request work.
 */
import type { RequestHandler } from 'express'

/** A header helmet sets (a value) or removes (null). */
type HeaderWrite = readonly [name: string, value: string | number | readonly string[] | null]

/**
 * Runs `middleware` (helmet with static options) once against a recording response and returns a
 * middleware writing the same headers. Throws at start if the middleware is not synchronous and
 * static (it must call `next()` at once, without error), rather than sending other headers.
 */
export function precomputedHeaders (middleware: RequestHandler): RequestHandler {
  const writes: HeaderWrite[] = []
  const recorder = {
    setHeader (name: string, value: string | number | readonly string[]) { writes.push([name, value]); return recorder },
    removeHeader (name: string) { writes.push([name, null]) },
    getHeader () { return undefined },
    hasHeader () { return false }
  }
  let done = false
  const request = { method: 'GET', url: '/', headers: {}, secure: false }
  middleware(request as never, recorder as never, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error(String(err))
    done = true
  })
  if (!done) throw new Error('precomputedHeaders: the middleware did not finish synchronously')
  const headers = writes.slice()
  return (_req, res, next) => {
    for (const [name, value] of headers) {
      if (value === null) res.removeHeader(name)
      else res.setHeader(name, value)
    }
    next()
  }
}
