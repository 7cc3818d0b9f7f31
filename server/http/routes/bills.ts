/** Handlers of bills, revisions, articles and article votes. */
import type { Ctx } from '../../domain/context.ts'
import { closeBill, createBill, getRevision, publishBill, updateBill } from '../../domain/bills.ts'
import { getArticleView, getBillView, listBillViews } from '../../domain/views.ts'
import { unvoteArticle, voteOnArticle } from '../../domain/votes.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The bill and article handlers. */
export function billHandlers (ctx: Ctx) {
  return {
    listBills: async ({ actor }) => ({ items: await listBillViews(ctx, actor), next: null }),

    createBill: async ({ actor, body, res }) => {
      const bill = await createBill(ctx, actor, body)
      res.location(`/api/v1/bills/${bill.id}`)
      return getBillView(ctx, actor, bill.id)
    },

    getBill: ({ actor, params }) => getBillView(ctx, actor, params.billId),

    updateBill: async ({ actor, params, body }) => {
      await updateBill(ctx, actor, params.billId, body)
      return getBillView(ctx, actor, params.billId)
    },

    publishBill: async ({ actor, params, body }) => {
      await publishBill(ctx, actor, params.billId, body)
      return getBillView(ctx, actor, params.billId)
    },

    closeBill: async ({ actor, params }) => {
      await closeBill(ctx, actor, params.billId)
      return getBillView(ctx, actor, params.billId)
    },

    getRevision: ({ actor, params }) => getRevision(ctx, actor, params.billId, params.n),

    getArticle: ({ actor, params }) => getArticleView(ctx, actor, params.articleId),

    voteArticle: ({ actor, params, body }) => voteOnArticle(ctx, actor, params.articleId, body.value),

    unvoteArticle: ({ actor, params }) => unvoteArticle(ctx, actor, params.articleId)
  } satisfies Partial<RouteHandlers>
}
