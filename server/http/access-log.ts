/**
 * Lean request logging. pino-http made a child logger and serialised the
 * request for every request, logged or not: at the default level (info),
 * where a successful request is not logged, that was the largest share of a
 * vote's cost after the store. Here a request costs a hook on the response's
 * one `close` listener (response-end.ts, shared with the metrics);
 * the line is built only when its level is enabled (5xx: error, 4xx: info,
 * others: debug), with method, path, status and duration, never headers
 * (cookies and tokens must not reach the logs). `req.log` (used by the error
 * handler) is a child logger carrying the request's id, made only when used.
 */
import type express from 'express'
import type { Logger } from 'pino'
import { onResponseEnd } from './response-end.ts'

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** A logger bound to this request (its id, method and path), made on first use. */
      log: Logger
    }
  }
}

const QUIET = new Set(['/healthz', '/readyz', '/metrics'])

/** Installs the access log and `req.log` on an express app. */
export function installAccessLog (app: express.Express, log: Logger): void {
  let seq = 0
  const ids = new WeakMap<express.Request, number>()
  const idOf = (req: express.Request): number => {
    let id = ids.get(req)
    if (id === undefined) ids.set(req, id = ++seq)
    return id
  }
  const bound = new WeakMap<express.Request, Logger>()
  // Per app, not global: express gives each app its own request prototype.
  Object.defineProperty(app.request, 'log', {
    configurable: true,
    get (this: express.Request): Logger {
      let l = bound.get(this)
      if (!l) bound.set(this, l = log.child({ req: { id: idOf(this), method: this.method, url: this.originalUrl } }))
      return l
    }
  })
  onResponseEnd(app, {
    end (req, res, start) {
      // Logged once sent, as on 'finish' (a response whose connection went first is not).
      if (!res.writableFinished || QUIET.has(req.originalUrl)) return
      const status = res.statusCode
      const level = status >= 500 ? 'error' : status >= 400 ? 'info' : 'debug'
      if (!log.isLevelEnabled(level)) return
      log[level]({
        req: { id: idOf(req), method: req.method, url: req.originalUrl },
        res: { status },
        responseTime: Math.round(performance.now() - start)
      }, 'request completed')
    }
  })
}
