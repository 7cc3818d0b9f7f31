/** Handler of bill imports: POST /bills/import (authors, admins), `?dryRun=1` to only see what is recognised. */
import type { Ctx } from '../../domain/context.ts'
import { importBill } from '../../domain/bill-import.ts'
import { getBillView } from '../../domain/views.ts'
import { Reply, type RouteHandlers } from '../route-table.ts'

/** The bill import handler. */
export function billImportHandlers (ctx: Ctx) {
  return {
    importBill: async ({ actor, body, query, res }) => {
      const dryRun = body.dryRun === true || query.dryRun === '1' || query.dryRun === 'true'
      const { bill, reading, title } = await importBill(ctx, actor, body, dryRun)
      const answer = {
        bill: bill === null ? null : await getBillView(ctx, actor, bill.id),
        title,
        summary: reading.summary,
        recognised: {
          divisions: reading.blocks.flatMap(b => b.kind === 'division' ? [{ level: b.level, title: b.title }] : []),
          articles: reading.blocks.flatMap(b => b.kind === 'article' ? [{ num: b.num, heading: b.heading, alineas: b.alineas.filter(a => a !== '').length }] : [])
        },
        notRecognised: reading.notRecognised
      }
      if (bill === null) return new Reply(200, answer)
      res.location(`/api/v1/bills/${bill.id}`)
      return answer
    }
  } satisfies Partial<RouteHandlers>
}
