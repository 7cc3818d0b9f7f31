/**
 * Per-address request limits (express-rate-limit): strict on sign-in and
 * registration (password guessing, account spam), looser on other writes.
 * `ALINEA_IP_LIMITS=0` turns them off for load tests from one address.
 * Per-user contribution limits are a domain rule, not these.
 *
 * On a cluster the counts live in Redis (rate-limit-redis), so every node
 * counts the same requests; while Redis is away requests pass (logged), as
 * a limit must not turn an outage of Redis into an outage of the API.
 */
import type { RequestHandler } from 'express'
import { rateLimit, type Store } from 'express-rate-limit'
import { RedisStore, type RedisReply } from 'rate-limit-redis'
import { RateLimited } from '../domain/errors.ts'
import type { Config } from '../config.ts'

const pass: RequestHandler = (_req, _res, next) => next()

/** How the limits reach Redis on a cluster: a raw command of a Redis client. */
export interface SharedCounters { sendCommand (args: string[]): Promise<unknown> }

function limiter (config: Config, windowMs: number, limit: number, what: string, onlyWrites = false, shared?: { counters: SharedCounters; name: string }): RequestHandler {
  if (!config.ipLimits) return pass
  const store: Store | undefined = shared
    ? new RedisStore({ prefix: `alinea:ip:${shared.name}:`, sendCommand: (...args: string[]) => shared.counters.sendCommand(args) as Promise<RedisReply> })
    : undefined
  return rateLimit({
    windowMs,
    limit,
    ...(store ? { store, passOnStoreError: true } : {}),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The client's address is express's `req.ip`: X-Forwarded-For counts only through ALINEA_TRUST_PROXY hops.
    validate: { xForwardedForHeader: false },
    skip: req => onlyWrites && ['GET', 'HEAD', 'OPTIONS'].includes(req.method),
    handler: (_req, _res, next) => next(new RateLimited(`too many ${what} from this address; try again in a minute`, Math.ceil(windowMs / 1000)))
  })
}

/** The limiters of the API, by route family; with `counters`, shared by the nodes of a cluster. */
export function rateLimits (config: Config, counters?: SharedCounters) {
  const on = (name: string) => counters ? { counters, name } : undefined
  return {
    login: limiter(config, 60_000, 10, 'sign-in attempts', false, on('login')),
    register: limiter(config, 60 * 60_000, 20, 'registrations', false, on('register')),
    writes: limiter(config, 60_000, 120, 'requests', true, on('writes')),
    /** The synthesis and exports: reads that cost the server far more than a page. */
    expensive: limiter(config, 60_000, config.expensiveReadsPerMinute, 'synthesis and export requests', false, on('expensive'))
  }
}
