/**
 * `GET /readyz`: whether this node can serve (its store answers and, on a
 * cluster, Redis too): 200, or 503 so that a load balancer sends requests
 * elsewhere. `/healthz` stays the liveness check (the process answers).
 */
import type { RequestHandler } from 'express'
import type { Store } from '../store/store.ts'

/** Something else a node needs, checked on every readiness request. */
export interface Dependency { name: string; reachable (): Promise<boolean> }

/** The readiness handler over the store and the other dependencies. */
export function readiness (store: Store, dependencies: readonly Dependency[] = []): RequestHandler {
  return async (_req, res) => {
    const checks = [{ name: 'store', reachable: () => store.ping() }, ...dependencies]
    const results = await Promise.all(checks.map(c => c.reachable().catch(() => false)))
    const ok = results.every(Boolean)
    res.setHeader('Cache-Control', 'no-store')
    res.status(ok ? 200 : 503).json({ ok, checks: Object.fromEntries(checks.map((c, i) => [c.name, results[i]])) })
  }
}
