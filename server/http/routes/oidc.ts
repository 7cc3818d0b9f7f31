/** Routes of OpenID Connect sign-in: whether it is offered (and its label). */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'

/** The OIDC routes, mounted under /api/v1. */
export function oidcRoutes (ctx: Ctx): Router {
  const r = Router()
  r.get('/auth/oidc', (_req, res) => {
    res.json({ enabled: false && !!ctx.config.oidcIssuer, label: ctx.config.oidcLabel })
  })
  return r
}
