/** Handlers of the debate: arguments on articles and amendments, their edits, deletions and upvotes. */
import type { Ctx } from '../../domain/context.ts'
import {
  deleteArgument, editArgument, getArgument, listArguments, postArgument, removeUpvote, upvoteArgument
} from '../../domain/debate.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The debate handlers. */
export function debateHandlers (ctx: Ctx) {
  return {
    listArticleArguments: ({ actor, params, query }) => listArguments(ctx, actor, { type: 'article', id: params.articleId }, query),

    postArticleArgument: async ({ actor, params, body, res }) => {
      const argument = await postArgument(ctx, actor, { type: 'article', id: params.articleId }, body)
      res.location(`/api/v1/arguments/${argument.id}`)
      return argument
    },

    listAmendmentArguments: ({ actor, params, query }) => listArguments(ctx, actor, { type: 'amendment', id: params.amendmentId }, query),

    postAmendmentArgument: async ({ actor, params, body, res }) => {
      const argument = await postArgument(ctx, actor, { type: 'amendment', id: params.amendmentId }, body)
      res.location(`/api/v1/arguments/${argument.id}`)
      return argument
    },

    getArgument: ({ actor, params }) => getArgument(ctx, actor, params.argumentId),

    editArgument: ({ actor, params, body }) => editArgument(ctx, actor, params.argumentId, body.body),

    deleteArgument: ({ actor, params }) => deleteArgument(ctx, actor, params.argumentId),

    upvoteArgument: ({ actor, params }) => upvoteArgument(ctx, actor, params.argumentId),

    removeUpvote: ({ actor, params }) => removeUpvote(ctx, actor, params.argumentId)
  } satisfies Partial<RouteHandlers>
}
