/** Routes of follows: follow a bill, an article or an amendment, stop, list mine. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { FollowBody, FollowQuery } from '../../../shared/api.ts'
import { follow, myFollows, unfollow } from '../../domain/follows.ts'
import { parse } from '../validate.ts'

/** The follow routes, mounted under /api/v1. */
export function followRoutes (ctx: Ctx): Router {
  const r = Router()

  r.put('/follows', async (req, res) => {
    const { target } = parse(FollowBody, req.body)
    const result = await follow(ctx, req.actor, target)
    res.status(result.created ? 201 : 200).json(result.follow)
  })

  r.delete('/follows/:id', async (req, res) => {
    await unfollow(ctx, req.actor, req.params.id)
    res.status(204).end()
  })

  r.get('/me/follows', async (req, res) => {
    res.json(await myFollows(ctx, req.actor, parse(FollowQuery, req.query, 'query')))
  })

  return r
}
