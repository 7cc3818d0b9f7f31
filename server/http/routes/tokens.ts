/** Routes of API tokens (list, revoke) and "log out everywhere". */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { endAllCredentials, listTokens, revokeToken } from '../../domain/credentials.ts'
import { Unauthenticated } from '../../domain/errors.ts'
import { clearSessionCookie } from '../auth.ts'

/** The token routes, mounted under /api/v1. */
export function tokenRoutes (ctx: Ctx): Router {
  const r = Router()

  r.get('/auth/tokens', async (req, res) => {
    res.setHeader('Cache-Control', 'private, no-store')
    res.json({ items: await listTokens(ctx, req.actor) })
  })

  r.delete('/auth/tokens/:id', async (req, res) => {
    await revokeToken(ctx, req.actor, req.params.id)
    res.status(204).end()
  })

  r.post('/auth/logout-all', async (req, res) => {
    if (!req.actor) throw new Unauthenticated()
    await endAllCredentials(ctx, req.actor.id)
    clearSessionCookie(ctx, res)
    res.status(204).end()
  })

  return r
}
