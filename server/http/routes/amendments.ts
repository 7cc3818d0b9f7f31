/** Routes of amendments: propose and list per article, read, vote, decide, withdraw, rebase; the consolidated text. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { AmendmentCreateBody, AmendmentListQuery, ConsolidatedQuery, DecisionBody, EmptyBody, VoteBody } from '../../../shared/api.ts'
import {
  decideAmendment, proposeAmendment, rebaseAmendment, unvoteAmendment, voteOnAmendment, withdrawAmendment
} from '../../domain/amendments.ts'
import { getAmendmentView, listAmendmentViews, listBillAmendmentViews } from '../../domain/amendment-views.ts'
import { getConsolidated } from '../../domain/consolidation.ts'
import { parse } from '../validate.ts'

/** The amendment routes, mounted under /api/v1. */
export function amendmentRoutes (ctx: Ctx): Router {
  const r = Router()

  r.get('/articles/:articleId/amendments', async (req, res) => {
    const query = parse(AmendmentListQuery, req.query, 'query')
    res.json(await listAmendmentViews(ctx, req.actor, req.params.articleId, query))
  })

  r.get('/bills/:billId/amendments', async (req, res) => {
    const query = parse(AmendmentListQuery, req.query, 'query')
    res.json(await listBillAmendmentViews(ctx, req.actor, req.params.billId, query))
  })

  r.post('/articles/:articleId/amendments', async (req, res) => {
    const body = parse(AmendmentCreateBody, req.body)
    const amendment = await proposeAmendment(ctx, req.actor, req.params.articleId, body)
    res.status(201).location(`/api/v1/amendments/${amendment.id}`).json(await getAmendmentView(ctx, req.actor, amendment.id))
  })

  r.get('/amendments/:id', async (req, res) => {
    res.json(await getAmendmentView(ctx, req.actor, req.params.id))
  })

  r.put('/amendments/:id/vote', async (req, res) => {
    const body = parse(VoteBody, req.body)
    res.json(await voteOnAmendment(ctx, req.actor, req.params.id, body.value))
  })

  r.delete('/amendments/:id/vote', async (req, res) => {
    res.json(await unvoteAmendment(ctx, req.actor, req.params.id))
  })

  r.post('/amendments/:id/decision', async (req, res) => {
    const body = parse(DecisionBody, req.body)
    await decideAmendment(ctx, req.actor, req.params.id, body)
    res.json(await getAmendmentView(ctx, req.actor, req.params.id))
  })

  r.post('/amendments/:id/withdraw', async (req, res) => {
    parse(EmptyBody, req.body ?? {})
    await withdrawAmendment(ctx, req.actor, req.params.id)
    res.json(await getAmendmentView(ctx, req.actor, req.params.id))
  })

  r.post('/amendments/:id/rebase', async (req, res) => {
    parse(EmptyBody, req.body ?? {})
    await rebaseAmendment(ctx, req.actor, req.params.id)
    res.json(await getAmendmentView(ctx, req.actor, req.params.id))
  })

  r.get('/bills/:billId/consolidated', async (req, res) => {
    const { from } = parse(ConsolidatedQuery, req.query, 'query')
    res.json(await getConsolidated(ctx, req.actor, req.params.billId, from))
  })

  return r
}
