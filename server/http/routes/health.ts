/** Handler of /healthz (also at the root, for load balancers): liveness and whether the store answers. */
import type { Ctx } from '../../domain/context.ts'
import type { OutputOf } from '../../../shared/route.ts'
import { Reply, type RouteHandlers } from '../route-table.ts'

/** The health answer: 200 when the store answers a ping, 503 otherwise. */
export async function checkHealth (ctx: Ctx): Promise<Reply<OutputOf<'Health'>>> {
  const reachable = await ctx.store.ping().catch(() => false)
  return new Reply(reachable ? 200 : 503, { ok: reachable, store: ctx.store.kind, storeReachable: reachable })
}

/** The health handler. */
export function healthHandlers (ctx: Ctx) {
  return {
    health: () => checkHealth(ctx)
  } satisfies Partial<RouteHandlers>
}
