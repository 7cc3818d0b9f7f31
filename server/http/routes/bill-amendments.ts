/** Routes of amendments proposed or imported at the level of a bill: an additional article; official amendments. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { AddArticleBody, ImportAmendmentsBody } from '../../../shared/api.ts'
import { proposeAdditionalArticle } from '../../domain/additional-articles.ts'
import { importAmendments } from '../../domain/amendment-import.ts'
import { getAmendmentView } from '../../domain/amendment-views.ts'
import { parse } from '../validate.ts'

/** The bill-level amendment routes, mounted under /api/v1. */
export function billAmendmentRoutes (ctx: Ctx): Router {
  const r = Router()

  r.post('/bills/:billId/amendments', async (req, res) => {
    const body = parse(AddArticleBody, req.body)
    const amendment = await proposeAdditionalArticle(ctx, req.actor, req.params.billId, body)
    res.status(201).location(`/api/v1/amendments/${amendment.id}`).json(await getAmendmentView(ctx, req.actor, amendment.id))
  })

  r.post('/bills/:billId/amendments/import', async (req, res) => {
    const body = parse(ImportAmendmentsBody, req.body)
    res.json(await importAmendments(ctx, req.actor, req.params.billId, body))
  })

  return r
}
