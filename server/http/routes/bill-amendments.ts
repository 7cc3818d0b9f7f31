/** Handlers of amendments proposed or imported at the level of a bill: an additional article; official amendments. */
import type { Ctx } from '../../domain/context.ts'
import { proposeAdditionalArticle } from '../../domain/additional-articles.ts'
import { importAmendments } from '../../domain/amendment-import.ts'
import { getAmendmentView } from '../../domain/amendment-views.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The bill-level amendment handlers. */
export function billAmendmentHandlers (ctx: Ctx) {
  return {
    proposeAdditionalArticle: async ({ actor, params, body, res }) => {
      const amendment = await proposeAdditionalArticle(ctx, actor, params.billId, body)
      res.location(`/api/v1/amendments/${amendment.id}`)
      return getAmendmentView(ctx, actor, amendment.id)
    },

    importAmendments: ({ actor, params, body }) => importAmendments(ctx, actor, params.billId, body)
  } satisfies Partial<RouteHandlers>
}
