/** Routes of the synthesis and the exports (reports and open data). */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { ExportQuery, type SynthesisView } from '../../../shared/api.ts'
import { authorizeExport, getSynthesis } from '../../domain/synthesis.ts'
import { sendExport } from '../../export/index.ts'
import { parse } from '../validate.ts'

// A shared synthesis (synthesis-cache.ts) is serialised once: a burst of requests sends the same bytes
// instead of stringifying half a megabyte each.
const bodies = new WeakMap<SynthesisView, Buffer>()
function serialised (view: SynthesisView): Buffer {
  let body = bodies.get(view)
  if (!body) bodies.set(view, body = Buffer.from(JSON.stringify(view)))
  return body
}

/** The synthesis and export routes, mounted under /api/v1. */
export function exportRoutes (ctx: Ctx): Router {
  const r = Router()

  r.get('/bills/:billId/synthesis', async (req, res) => {
    res.type('application/json').send(serialised(await getSynthesis(ctx, req.actor, req.params.billId)))
  })

  r.get('/bills/:billId/export', async (req, res) => {
    const query = parse(ExportQuery, req.query, 'query')
    const { bill, audience } = await authorizeExport(ctx, req.actor, req.params.billId, query.format, query.audience)
    await sendExport(ctx, bill, audience, query, res, req.log ?? ctx.log)
  })

  return r
}
