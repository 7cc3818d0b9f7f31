/** « Mon espace » (GET /me/workspace): the bills one edits, what waits for a decision, the latest activity. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { WorkspaceQuery } from '../../../shared/api.ts'
import { getWorkspace } from '../../domain/workspace.ts'
import { parse } from '../validate.ts'

/** The workspace route, mounted under /api/v1. */
export function workspaceRoutes (ctx: Ctx): Router {
  const r = Router()
  r.get('/me/workspace', async (req, res) => {
    res.json(await getWorkspace(ctx, req.actor, parse(WorkspaceQuery, req.query, 'query')))
  })
  return r
}
