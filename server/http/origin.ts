/**
 * Cross-site request refusal: a state-changing request carried by the
 * session cookie must come from our own origin. Browsers send `Origin` (and
 * `Sec-Fetch-Site`) on such requests; a mismatch is a 403. Bearer-token
 * requests carry no ambient credential and are exempt.
 */
import type { RequestHandler } from 'express'
import { Forbidden } from '../domain/errors.ts'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Middleware refusing cross-origin writes made with a session cookie. */
export function sameOriginWrites (): RequestHandler {
  return (req, _res, next) => {
    if (SAFE.has(req.method) || req.authKind === 'token') return next()
    const site = req.headers['sec-fetch-site']
    if (site === 'cross-site' || site === 'same-site') return next(new Forbidden('cross-site requests may not change anything'))
    const origin = req.headers.origin
    if (origin !== undefined) {
      let host: string | null
      try { host = new URL(origin).host } catch { host = null }
      if (host === null || host !== req.headers.host) return next(new Forbidden('cross-origin requests may not change anything'))
    }
    next()
  }
}
