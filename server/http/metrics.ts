/**
 * Prometheus metrics (`GET /metrics`, prom-client): HTTP requests by route
 * template and status with their durations, votes, live sockets,
 * collaboration documents and peers, event-loop delay and store latency.
 * One registry per application (tests run many in one process); the
 * process-wide default metrics (CPU, memory, GC) only when asked, once.
 * Everything per request is a map lookup and two increments, on the
 * response's one `close` listener: the vote path is measured with it on.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks'
import type express from 'express'
import type { RequestHandler } from 'express'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { EventBus } from '../domain/events.ts'
import type { Store } from '../store/store.ts'
import { storeMembers } from '../store/members.ts'
import { onResponseEnd } from './response-end.ts'

/** Gauges read at scrape time from the adapters. */
export interface MetricSources {
  liveSockets (): number
  collabDocuments (): number
  collabPeers (): number
}

const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
const STORE_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]

/** The metrics of one application. */
export class Metrics {
  readonly registry = new Registry()
  private readonly requests: Counter<'method' | 'route' | 'status'>
  private readonly durations: Histogram<'method' | 'route' | 'status'>
  private readonly inFlight: Gauge
  private readonly storeDurations: Histogram<'operation'>
  private readonly loop: IntervalHistogram
  private readonly children = new Map<string, { count: Counter.Internal; time: Histogram.Internal<'method' | 'route' | 'status'> }>()
  private readonly off: (() => void)[] = []
  private sources: MetricSources = { liveSockets: () => 0, collabDocuments: () => 0, collabPeers: () => 0 }

  constructor (events: EventBus, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry]
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry })
    this.requests = new Counter({ name: 'alinea_http_requests_total', help: 'HTTP requests answered, by route template and status', labelNames: ['method', 'route', 'status'], registers })
    this.durations = new Histogram({ name: 'alinea_http_request_duration_seconds', help: 'HTTP request durations, by route template and status', labelNames: ['method', 'route', 'status'], buckets: HTTP_BUCKETS, registers })
    this.inFlight = new Gauge({ name: 'alinea_http_requests_in_flight', help: 'HTTP requests being answered', registers })
    this.storeDurations = new Histogram({ name: 'alinea_store_operation_duration_seconds', help: 'Store method durations, by method', labelNames: ['operation'], buckets: STORE_BUCKETS, registers })
    const votes = new Counter({ name: 'alinea_votes_total', help: 'Votes recorded (cast, changed or withdrawn), by target type', labelNames: ['target'], registers })
    this.off.push(events.on('tally', p => { votes.inc({ target: p.target.type }) }))
    this.off.push(events.on('upvotes', () => { votes.inc({ target: 'argument' }) }))
    const sources = () => this.sources
    new Gauge({ name: 'alinea_live_sockets', help: 'Connected socket.io clients (live events)', registers, collect () { this.set(sources().liveSockets()) } })
    new Gauge({ name: 'alinea_collab_documents', help: 'Collaboration documents loaded in memory', registers, collect () { this.set(sources().collabDocuments()) } })
    new Gauge({ name: 'alinea_collab_peers', help: 'Connections to collaboration documents', registers, collect () { this.set(sources().collabPeers()) } })
    const loop = this.loop = monitorEventLoopDelay({ resolution: 10 })
    loop.enable()
    new Gauge({
      name: 'alinea_event_loop_delay_seconds',
      help: 'Event-loop delay since the previous scrape',
      labelNames: ['quantile'],
      registers,
      collect () {
        const q = (p: number) => loop.count ? loop.percentile(p) / 1e9 : 0
        this.set({ quantile: '0.5' }, q(50))
        this.set({ quantile: '0.99' }, q(99))
        this.set({ quantile: '1' }, loop.count ? loop.max / 1e9 : 0)
        loop.reset()
      }
    })
  }

  /** Where the live and collaboration gauges are read. */
  setSources (sources: MetricSources): void {
    this.sources = sources
  }

  /**
   * Counts and times every request of `app`, labelled by its route template (never the raw path),
   * on the response's one `close` listener (response-end.ts). Call before the routes.
   */
  track (app: express.Express): void {
    onResponseEnd(app, {
      start: () => { this.inFlight.inc() },
      end: (req, res, start) => {
        this.inFlight.dec()
        const route = req.route
          ? (typeof req.route.path === 'string' ? req.baseUrl + req.route.path : '(page)')
          : res.statusCode === 404 ? '(unmatched)' : '(static)'
        const key = `${req.method} ${route} ${res.statusCode}`
        let c = this.children.get(key)
        if (!c) {
          const labels = { method: req.method, route, status: String(res.statusCode) }
          this.children.set(key, c = { count: this.requests.labels(labels), time: this.durations.labels(labels) })
        }
        c.count.inc()
        c.time.observe((performance.now() - start) / 1000)
      }
    })
  }

  /** The `GET /metrics` handler (Prometheus text format). */
  handler (): RequestHandler {
    return async (_req, res) => {
      res.setHeader('Content-Type', this.registry.contentType)
      res.setHeader('Cache-Control', 'no-store')
      res.send(await this.registry.metrics())
    }
  }

  /** The store with each method's duration observed (properties and method names kept). */
  timeStore (store: Store): Store {
    const timed: Record<string, unknown> = {}
    const source = store as unknown as Record<string, unknown>
    for (const key of storeMembers(store)) {
      const value = source[key]
      if (typeof value !== 'function') { timed[key] = value; continue }
      const observe = this.storeDurations.labels({ operation: key })
      timed[key] = (...args: unknown[]) => {
        const start = performance.now()
        const result = (source[key] as (...args: unknown[]) => unknown).apply(store, args)
        if (result instanceof Promise) return result.finally(() => { observe.observe((performance.now() - start) / 1000) })
        observe.observe((performance.now() - start) / 1000)
        return result
      }
    }
    return timed as unknown as Store
  }

  /** Stops listening to events and measuring the event loop. */
  close (): void {
    for (const f of this.off) f()
    this.loop.disable()
  }
}
