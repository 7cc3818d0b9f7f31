/** Handlers of follows: follow a bill, an article or an amendment, stop, list mine. */
import type { Ctx } from '../../domain/context.ts'
import { follow, myFollows, unfollow } from '../../domain/follows.ts'
import { Reply, type RouteHandlers } from '../route-table.ts'

/** The follow handlers. */
export function followHandlers (ctx: Ctx) {
  return {
    // 201 with the new follow; 200 with the same one when repeated.
    follow: async ({ actor, body }) => {
      const result = await follow(ctx, actor, body.target)
      return result.created ? result.follow : new Reply(200, result.follow)
    },

    unfollow: ({ actor, params }) => unfollow(ctx, actor, params.id),

    myFollows: ({ actor, query }) => myFollows(ctx, actor, query)
  } satisfies Partial<RouteHandlers>
}
