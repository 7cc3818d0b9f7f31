/** Routes of reports and moderation (queue, actions, log); the user's notifications are in identity.ts. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { ModerationActionBody, PageQuery, ReportBody } from '../../../shared/api.ts'
import { moderate, moderationLog, report } from '../../domain/moderation.ts'
import { moderationQueue } from '../../domain/moderation-queue.ts'
import { parse } from '../validate.ts'

/** The moderation routes, mounted under /api/v1. */
export function moderationRoutes (ctx: Ctx): Router {
  const r = Router()

  // 201 with the new report; 200 with the earlier one when this user had reported it already.
  r.post('/reports', async (req, res) => {
    const body = parse(ReportBody, req.body)
    const { report: created, created: isNew } = await report(ctx, req.actor, body)
    res.status(isNew ? 201 : 200).json(created)
  })

  r.get('/moderation/queue', async (req, res) => {
    res.json(await moderationQueue(ctx, req.actor, parse(PageQuery, req.query, 'query')))
  })

  r.post('/moderation/actions', async (req, res) => {
    const body = parse(ModerationActionBody, req.body)
    res.status(201).json(await moderate(ctx, req.actor, body))
  })

  r.get('/moderation/log', async (req, res) => {
    res.json(await moderationLog(ctx, req.actor, parse(PageQuery, req.query, 'query')))
  })

  return r
}
