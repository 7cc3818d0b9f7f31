/** Handlers of reports and moderation (queue, actions, log); the user's notifications are in identity.ts. */
import type { Ctx } from '../../domain/context.ts'
import { moderate, moderationLog, report } from '../../domain/moderation.ts'
import { moderationQueue } from '../../domain/moderation-queue.ts'
import { Reply, type RouteHandlers } from '../route-table.ts'

/** The moderation handlers. */
export function moderationHandlers (ctx: Ctx) {
  return {
    // 201 with the new report; 200 with the earlier one when this user had reported it already.
    report: async ({ actor, body }) => {
      const { report: created, created: isNew } = await report(ctx, actor, body)
      return isNew ? created : new Reply(200, created)
    },

    moderationQueue: ({ actor, query }) => moderationQueue(ctx, actor, query),

    moderate: ({ actor, body }) => moderate(ctx, actor, body),

    moderationLog: ({ actor, query }) => moderationLog(ctx, actor, query)
  } satisfies Partial<RouteHandlers>
}
