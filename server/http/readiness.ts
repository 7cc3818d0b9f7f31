/**
 * Readiness: whether this node should receive traffic (`GET /readyz`, for a
 * load balancer), as opposed to liveness (`/healthz`). A list of named
 * checks (the store, and Redis when nodes share it), each given a bounded
 * time; a node that is shutting down is not ready, so the balancer stops
 * sending it requests while it drains.
 */
import type { RequestHandler } from 'express'

/** A check answers true when its dependency is usable. */
export type ReadinessCheck = () => Promise<boolean> | boolean

/** The result of one round of checks. */
export interface ReadinessReport { ready: boolean; draining: boolean; checks: Record<string, boolean> }

/** The readiness checks of one node. */
export class Readiness {
  private checks = new Map<string, ReadinessCheck>()
  private draining = false

  constructor (private readonly timeoutMs = 2_000) {}

  /** Adds (or replaces) a named check, e.g. `readiness.add('redis', () => redis.ping())`. */
  add (name: string, check: ReadinessCheck): void {
    this.checks.set(name, check)
  }

  /** From now on the node reports itself not ready (graceful shutdown). */
  drain (): void {
    this.draining = true
  }

  /** Runs every check at once; a check that throws or takes longer than the timeout fails. */
  async run (): Promise<ReadinessReport> {
    const names = [...this.checks.keys()]
    const results = await Promise.all(names.map(name => this.one(this.checks.get(name)!)))
    const checks = Object.fromEntries(names.map((n, i) => [n, results[i]]))
    return { ready: !this.draining && results.every(Boolean), draining: this.draining, checks }
  }

  private async one (check: ReadinessCheck): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined
    try {
      return await Promise.race([
        Promise.resolve().then(check).then(ok => ok === true, () => false),
        new Promise<boolean>(resolve => { timer = setTimeout(() => resolve(false), this.timeoutMs) })
      ])
    } finally {
      clearTimeout(timer)
    }
  }

  /** The `GET /readyz` handler: 200 when ready, 503 otherwise, with each check's result. */
  handler (): RequestHandler {
    return async (_req, res) => {
      const report = await this.run()
      res.setHeader('Cache-Control', 'no-store')
      res.status(report.ready ? 200 : 503).json({ ok: report.ready, draining: report.draining, checks: report.checks })
    }
  }
}
