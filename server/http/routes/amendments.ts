/** Handlers of amendments: propose and list per article, read, vote, decide, withdraw, rebase; the consolidated text. */
import type { Ctx } from '../../domain/context.ts'
import {
  decideAmendment, proposeAmendment, rebaseAmendment, unvoteAmendment, voteOnAmendment, withdrawAmendment
} from '../../domain/amendments.ts'
import { getAmendmentView, listAmendmentViews, listBillAmendmentViews } from '../../domain/amendment-views.ts'
import { getConsolidated } from '../../domain/consolidation.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The amendment handlers. */
export function amendmentHandlers (ctx: Ctx) {
  return {
    listAmendments: ({ actor, params, query }) => listAmendmentViews(ctx, actor, params.articleId, query),

    listBillAmendments: ({ actor, params, query }) => listBillAmendmentViews(ctx, actor, params.billId, query),

    proposeAmendment: async ({ actor, params, body, res }) => {
      const amendment = await proposeAmendment(ctx, actor, params.articleId, body)
      res.location(`/api/v1/amendments/${amendment.id}`)
      return getAmendmentView(ctx, actor, amendment.id)
    },

    getAmendment: ({ actor, params }) => getAmendmentView(ctx, actor, params.amendmentId),

    voteAmendment: ({ actor, params, body }) => voteOnAmendment(ctx, actor, params.amendmentId, body.value),

    unvoteAmendment: ({ actor, params }) => unvoteAmendment(ctx, actor, params.amendmentId),

    decideAmendment: async ({ actor, params, body }) => {
      await decideAmendment(ctx, actor, params.amendmentId, body)
      return getAmendmentView(ctx, actor, params.amendmentId)
    },

    withdrawAmendment: async ({ actor, params }) => {
      await withdrawAmendment(ctx, actor, params.amendmentId)
      return getAmendmentView(ctx, actor, params.amendmentId)
    },

    rebaseAmendment: async ({ actor, params }) => {
      await rebaseAmendment(ctx, actor, params.amendmentId)
      return getAmendmentView(ctx, actor, params.amendmentId)
    },

    getConsolidated: ({ actor, params, query }) => getConsolidated(ctx, actor, params.billId, query.from)
  } satisfies Partial<RouteHandlers>
}
