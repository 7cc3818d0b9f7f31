/** Routes of the debate: arguments on articles and amendments, their edits, deletions and upvotes. */
import { Router, type Request } from 'express'
import type { Ctx } from '../../domain/context.ts'
import type { ArgumentTarget } from '../../store/store.ts'
import { ArgumentBody, ArgumentListQuery, ArgumentPatchBody, ArgumentUpvoteBody } from '../../../shared/api.ts'
import {
  deleteArgument, editArgument, getArgument, listArguments, postArgument, removeUpvote, upvoteArgument
} from '../../domain/debate.ts'
import { parse } from '../validate.ts'

/** The debate routes, mounted under /api/v1. */
export function debateRoutes (ctx: Ctx): Router {
  const r = Router()

  for (const type of ['article', 'amendment'] as const) {
    const path = `/${type}s/:id/arguments`
    const target = (req: Request): ArgumentTarget => ({ type, id: String(req.params.id) })

    r.get(path, async (req, res) => {
      const query = parse(ArgumentListQuery, req.query, 'query')
      res.json(await listArguments(ctx, req.actor, target(req), query))
    })

    r.post(path, async (req, res) => {
      const body = parse(ArgumentBody, req.body)
      const argument = await postArgument(ctx, req.actor, target(req), body)
      res.status(201).location(`/api/v1/arguments/${argument.id}`).json(argument)
    })
  }

  r.get('/arguments/:id', async (req, res) => {
    res.json(await getArgument(ctx, req.actor, req.params.id))
  })

  r.patch('/arguments/:id', async (req, res) => {
    const body = parse(ArgumentPatchBody, req.body)
    res.json(await editArgument(ctx, req.actor, req.params.id, body.body))
  })

  r.delete('/arguments/:id', async (req, res) => {
    await deleteArgument(ctx, req.actor, req.params.id)
    res.status(204).end()
  })

  r.put('/arguments/:id/vote', async (req, res) => {
    parse(ArgumentUpvoteBody, req.body)
    res.json(await upvoteArgument(ctx, req.actor, req.params.id))
  })

  r.delete('/arguments/:id/vote', async (req, res) => {
    res.json(await removeUpvote(ctx, req.actor, req.params.id))
  })

  return r
}
