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
import { pinoHttp } from 'pino-http'
import pino from 'pino'
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import type { Store } from './store/store.ts'
import type { Ctx } from './domain/context.ts'
import { EventBus } from './domain/events.ts'
import { resolveActor } from './http/auth.ts'
import { sameOriginWrites } from './http/origin.ts'
import { rateLimits } from './http/limits.ts'
import { errorHandler, notFoundHandler } from './http/errors.ts'
import { accountRoutes } from './http/routes/accounts.ts'
import { billRoutes } from './http/routes/bills.ts'
import { amendmentRoutes } from './http/routes/amendments.ts'
import { debateRoutes } from './http/routes/debate.ts'
import { moderationRoutes } from './http/routes/moderation.ts'
import { exportRoutes } from './http/routes/exports.ts'
import { openApiDocument } from './http/openapi.ts'
import { attachLive, type Live } from './live/index.ts'
import { attachCollab } from './collab/index.ts'
import { readiness } from './http/readiness.ts'
import { useContributionLimits } from './domain/limits.ts'
import type { ClusterLink } from './cluster/index.ts'

export interface App {
  ctx: Ctx
  server: http.Server
  /** The socket.io server of live events (tests and benchmarks reach its sockets). */
  live: Live
  /** Starts listening; resolves with the port (useful with port 0). */
  listen (port?: number, host?: string): Promise<number>
  /** Stops accepting connections, lets requests in flight finish, then closes the store. */
  close (): Promise<void>
}

/** Builds the application around a store. Nothing listens until `listen`. */
export function createApp (config: Config, store: Store, options: { log?: Logger; now?: () => Date; mount?: (api: express.Router) => void; cluster?: ClusterLink } = {}): App {
  const log = options.log ?? pino({ level: config.logLevel })
  const cluster = options.cluster
  const ctx: Ctx = { store, config, events: cluster?.events ?? new EventBus(), log, now: options.now ?? (() => new Date()) }
  if (cluster) useContributionLimits(ctx, cluster.contributionLimits(config.contributionsPerMinute))
  const limits = rateLimits(config, cluster?.counters)

  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', config.trustProxy ? 1 : false)
  app.use(helmet({
    contentSecurityPolicy: {
      directives: { 'connect-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'upgrade-insecure-requests': config.secureCookies ? [] : null }
    },
    strictTransportSecurity: config.secureCookies
  }))
  // Access logs carry no headers: cookies and tokens must never reach the logs.
  app.use(pinoHttp({
    logger: log,
    autoLogging: { ignore: req => req.url === '/healthz' },
    quietReqLogger: true,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode })
    },
    customLogLevel: (_req, res, err) => err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug'
  }))

  const health = async (_req: express.Request, res: express.Response) => {
    const reachable = await store.ping().catch(() => false)
    res.status(reachable ? 200 : 503).json({ ok: reachable, store: store.kind, storeReachable: reachable })
  }
  app.get('/healthz', health)
  app.get('/readyz', readiness(store, cluster ? [cluster.redis] : []))

  const apiRouter = express.Router()
  apiRouter.use(express.json({ limit: config.maxBodyBytes, strict: true, type: ['application/json', 'application/*+json'] }))
  apiRouter.use(resolveActor(ctx))
  apiRouter.use(sameOriginWrites())
  apiRouter.use(limits.writes)
  apiRouter.get('/healthz', health)
  const doc = openApiDocument()
  apiRouter.get('/openapi.json', (_req, res) => { res.json(doc) })
  apiRouter.use(accountRoutes(ctx, limits))
  apiRouter.use(billRoutes(ctx))
  apiRouter.use(amendmentRoutes(ctx))
  apiRouter.use(debateRoutes(ctx))
  apiRouter.use(moderationRoutes(ctx))
  apiRouter.use(exportRoutes(ctx))
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

  return {
    ctx,
    server,
    live,
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
    async close () {
      await live.close()
      await collab.close()
      await new Promise<void>(resolve => {
        server.close(() => resolve())
        server.closeIdleConnections()
      })
      await store.close()
      await cluster?.close()
    }
  }
}
