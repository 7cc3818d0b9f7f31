/** Handlers of the synthesis and the exports (reports and open data). */
import type { Ctx } from '../../domain/context.ts'
import type { SynthesisView } from '../../../shared/api.ts'
import { authorizeExport, getSynthesis } from '../../domain/synthesis.ts'
import { sendExport } from '../../export/index.ts'
import { SENT, type RouteHandlers } from '../route-table.ts'

// A shared synthesis (synthesis-cache.ts) is serialised once: a burst of requests sends the same bytes
// instead of stringifying half a megabyte each.
const bodies = new WeakMap<SynthesisView, Buffer>()
function serialised (view: SynthesisView): Buffer {
  let body = bodies.get(view)
  if (!body) bodies.set(view, body = Buffer.from(JSON.stringify(view)))
  return body
}

/** The synthesis and export handlers. */
export function exportHandlers (ctx: Ctx) {
  return {
    getSynthesis: async ({ actor, params, res }) => {
      res.type('application/json').send(serialised(await getSynthesis(ctx, actor, params.billId)))
      return SENT
    },

    exportBill: async ({ actor, params, query, req, res }) => {
      const { bill, audience } = await authorizeExport(ctx, actor, params.billId, query.format, query.audience)
      await sendExport(ctx, bill, audience, query, res, req.log ?? ctx.log)
      return SENT
    }
  } satisfies Partial<RouteHandlers>
}
