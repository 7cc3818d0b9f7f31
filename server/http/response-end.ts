/**
 * One `close` listener per response for what must run when a response
 * ends. The access log and the metrics each added their own `once`
 * listener: a closure, a wrapper and a listener per request, on every
 * request. Here their hooks are added once at start, and one middleware
 * notes when each request came in and adds one shared listener.
 */
import type express from 'express'

/** What runs at a request's arrival (optional) and when its response is closed. */
export interface ResponseHooks {
  /** At the request's arrival, before any route. */
  start?: (req: express.Request, res: express.Response) => void
  /**
   * When the response is closed: sent (`res.writableFinished`) or its connection gone;
   * `startMs` is `performance.now()` at the request's arrival.
   */
  end: (req: express.Request, res: express.Response, startMs: number) => void
}

const STARTED = Symbol('alinea.response-started')
type Started = express.Response & { [STARTED]?: number }
const registries = new WeakMap<express.Express, ResponseHooks[]>()

/** Adds hooks to `app`'s list; the first call installs the app's one middleware (call it before the routes). */
export function onResponseEnd (app: express.Express, hooks: ResponseHooks): void {
  let list = registries.get(app)
  if (!list) {
    const all: ResponseHooks[] = list = []
    registries.set(app, all)
    // Shared by every response (`this` is the response): no closure per request.
    function ended (this: Started): void {
      const start = this[STARTED] ?? performance.now()
      for (const h of all) h.end(this.req, this, start)
    }
    app.use((req, res, next) => {
      (res as Started)[STARTED] = performance.now()
      for (const h of all) h.start?.(req, res)
      // 'close' is emitted once per response: `on` spares the `once` wrapper.
      res.on('close', ended)
      next()
    })
  }
  list.push(hooks)
}
