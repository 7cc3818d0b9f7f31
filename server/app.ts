/**
 * Composes the HTTP server: express (API and built client), and on the same
 * http.Server the live events (socket.io) and the collaboration socket.
 * Used by main.ts and by every test, which start it on port 0.
 */
import http from 'node:http'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import express from 'express'
import helmet from 'helmet'
import pino from 'pino'
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import type { Store } from './store/store.ts'
import type { Ctx } from './domain/context.ts'
import { EventBus } from './domain/events.ts'
import { resolveActor } from './http/auth.ts'
import { sameOriginWrites } from './http/origin.ts'
import { rateLimits } from './http/limits.ts'
import { cleanText } from './http/clean-text.ts'
import { errorHandler, notFoundHandler } from './http/errors.ts'
import { IMPORT_LIMITS } from '../shared/api.ts'
import { openApiDocument } from './http/openapi.ts'
import { mountRoutes } from './http/route-table.ts'
import { routeHandlers } from './http/routes/index.ts'
import { checkHealth } from './http/routes/health.ts'
import { attachLive, type Live } from './live/index.ts'
import { attachCollab } from './collab/index.ts'
import { startMailer, type Mailer } from './mail/mailer.ts'
import { startNotifier } from './domain/notifications.ts'
import { installAccessLog } from './http/access-log.ts'
import { precomputedHeaders } from './http/security-headers.ts'
import { etagsOnReads } from './http/etag.ts'
import { Readiness } from './http/readiness.ts'
import { Metrics } from './http/metrics.ts'
import { authCacheOf, guardStore } from './domain/auth-cache.ts'
import { useContributionLimits } from './domain/limits.ts'
import type { ClusterLink } from './cluster/index.ts'

export interface App {
  ctx: Ctx
  server: http.Server
  /** The socket.io server of live events (tests and benchmarks reach its sockets). */
  live: Live
  /** The background sender of the mail queue. */
  mailer: Mailer
  /** The checks behind `GET /readyz`; adapters add theirs (`readiness.add('redis', check)`). */
  readiness: Readiness
  /** The Prometheus metrics behind `GET /metrics`. */
  metrics: Metrics
  /** Starts listening; resolves with the port (useful with port 0). */
  listen (port?: number, host?: string): Promise<number>
  /**
   * Graceful shutdown within `config.shutdownMs`: reports not ready, stops accepting connections,
   * closes live and collaboration sockets with codes that make clients reconnect (elsewhere, behind
   * a load balancer), lets requests in flight finish (cut at the deadline), then closes the store.
   */
  close (): Promise<void>
}

/** Options of `createApp`. */
export interface AppOptions {
  log?: Logger
  now?: () => Date
  /** Adds routes to /api/v1 (tests, benchmarks). */
  mount?: (api: express.Router) => void
  /** Also export the process's default metrics (CPU, memory, GC): once per process, so the server's main only. */
  processMetrics?: boolean
  /** The link to the other nodes (Redis), when several nodes serve the same store. */
  cluster?: ClusterLink
}

/** Builds the application around a store. Nothing listens until `listen`. */
export function createApp (config: Config, store: Store, options: AppOptions = {}): App {
  const log = options.log ?? pino({ level: config.logLevel })
  const cluster = options.cluster
  const events = cluster?.events ?? new EventBus()
  const metrics = new Metrics(events, { processMetrics: options.processMetrics })
  const readiness = new Readiness()
  readiness.add('store', () => store.ping())
  // The domain sees the store through two thin layers: timing (metrics) and auth-cache invalidation.
  const ctxStore = metrics.timeStore(guardStore(store, authCacheOf({ events, config })))
  const ctx: Ctx = { store: ctxStore, config, events, log, now: options.now ?? (() => new Date()) }
  if (cluster) {
    useContributionLimits(ctx, cluster.contributionLimits(config.contributionsPerMinute))
    readiness.add('redis', () => cluster.redis.reachable())
  }
  const limits = rateLimits(config, cluster?.counters)

  const app = express()
  app.disable('x-powered-by')
  // X-Forwarded-For is believed only as far as the configured hops; beyond them a client could write anything.
  app.set('trust proxy', config.trustProxy > 0 ? config.trustProxy : false)
  // helmet's headers are the same for every request: computed once (security-headers.ts).
  app.use(precomputedHeaders(helmet({
    contentSecurityPolicy: {
      directives: { 'connect-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': config.secureCookies ? [] : null }
    },
    strictTransportSecurity: config.secureCookies
  })))
  // ETags (a hash of each body) only where a conditional request can use them: GET and HEAD (etag.ts).
  app.use(etagsOnReads(app))
  // Access logs carry no headers: cookies and tokens must never reach the logs.
  installAccessLog(app, log)
  metrics.track(app)

  app.get('/healthz', async (_req, res) => {
    const { status, body } = await checkHealth(ctx)
    res.status(status).json(body)
  })
  app.get('/readyz', readiness.handler())
  app.get('/metrics', metrics.handler())

  const apiRouter = express.Router()
  apiRouter.use(resolveActor(ctx))
  apiRouter.use(sameOriginWrites())
  apiRouter.use(limits.writes)
  const doc = openApiDocument()
  apiRouter.get('/openapi.json', (_req, res) => { res.json(doc) })
  // Bodies are read by the routes that take one (route-table.ts); official amendment files are larger
  // than other bodies (a liasse runs to megabytes).
  const json = (limit: number) => express.json({ limit, strict: true, type: ['application/json', 'application/*+json'] })
  mountRoutes(apiRouter, routeHandlers(ctx), limits, { json: json(config.maxBodyBytes), largeJson: json(IMPORT_LIMITS.bodyBytes), clean: cleanText() })
  options.mount?.(apiRouter)
  apiRouter.use(notFoundHandler)
  apiRouter.use(errorHandler)
  app.use('/api/v1', apiRouter)

  if (existsSync(join(config.clientDir, 'index.html'))) {
    app.use(express.static(config.clientDir, { index: false, maxAge: '1h', setHeaders: (res, path) => {
      if (path.includes('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable')
    } }))
    app.get(/^\/(?!api\/|collab\/|socket\.io\/).*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache')
      res.sendFile(join(config.clientDir, 'index.html'))
    })
  } else {
    app.get('/', (_req, res) => { res.type('text').send('Alinea API is running. The client is not built: run `npm run build`.') })
  }
  app.use(errorHandler)

  const server = http.createServer(app)
  server.keepAliveTimeout = 65_000
  const live = attachLive(ctx, server, { adapter: cluster?.liveAdapter })
  const collab = attachCollab(ctx, server, {}, cluster?.collabRelay)
  const stopNotifier = startNotifier(ctx)
  const mailer = startMailer(ctx)
  metrics.setSources({
    liveSockets: () => live.io.engine.clientsCount,
    collabDocuments: () => collab.docs.ids().length,
    collabPeers: () => collab.docs.ids().reduce((n, id) => n + collab.docs.connections(id), 0)
  })

  let closing: Promise<void> | null = null
  async function shutdown (): Promise<void> {
    readiness.drain()
    const httpClosed = new Promise<void>(resolve => { server.close(() => resolve()) })
    // Keep-alive connections close as soon as their request in flight is answered.
    server.closeIdleConnections()
    const idle = setInterval(() => server.closeIdleConnections(), 50)
    const deadline = setTimeout(() => {
      log.warn('shutdown deadline reached: cutting the connections left')
      server.closeAllConnections()
    }, config.shutdownMs)
    try {
      await Promise.all([live.close(), collab.close()])
      await httpClosed
    } finally {
      clearInterval(idle)
      clearTimeout(deadline)
      metrics.close()
    }
    stopNotifier()
    await mailer.close()
    await store.close()
    await cluster?.close()
  }

  return {
    ctx,
    server,
    live,
    mailer,
    readiness,
    metrics,
    listen (port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          const addr = server.address()
          resolve(typeof addr === 'object' && addr ? addr.port : port)
        })
      })
    },
    close () {
      closing ??= shutdown()
      return closing
    }
  }
}
