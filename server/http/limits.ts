/**
 * Per-address request limits (express-rate-limit): strict on sign-in and
 * registration (password guessing, account spam), looser on other writes.
 * `ALINEA_IP_LIMITS=0` turns them off for load tests from one address.
 * Per-user contribution limits are a domain rule, not these.
 */
import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'
import { RateLimited } from '../domain/errors.ts'
import type { Config } from '../config.ts'

const pass: RequestHandler = (_req, _res, next) => next()

function limiter (config: Config, windowMs: number, limit: number, what: string, onlyWrites = false): RequestHandler {
  if (!config.ipLimits) return pass
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The client's address is express's `req.ip`: X-Forwarded-For counts only through ALINEA_TRUST_PROXY hops.
    validate: { xForwardedForHeader: false },
    skip: req => onlyWrites && ['GET', 'HEAD', 'OPTIONS'].includes(req.method),
    handler: (_req, _res, next) => next(new RateLimited(`too many ${what} from this address; try again in a minute`, Math.ceil(windowMs / 1000)))
  })
}

/** The limiters of the API, by route family. */
export function rateLimits (config: Config) {
  return {
    login: limiter(config, 60_000, 10, 'sign-in attempts'),
    register: limiter(config, 60 * 60_000, 20, 'registrations'),
    writes: limiter(config, 60_000, 120, 'requests', true),
    /** The synthesis and exports: reads that cost the server far more than a page. */
    expensive: limiter(config, 60_000, config.expensiveReadsPerMinute, 'synthesis and export requests')
  }
}
