/** Routes of bills, revisions, articles and article votes. */
import { Router } from 'express'
import { z } from 'zod'
import type { Ctx } from '../../domain/context.ts'
import { BillCreateBody, BillPatchBody, PublishBody, VoteBody } from '../../../shared/api.ts'
import { closeBill, createBill, getRevision, publishBill, updateBill } from '../../domain/bills.ts'
import { getArticleView, getBillView, listBillViews } from '../../domain/views.ts'
import { unvoteArticle, voteOnArticle } from '../../domain/votes.ts'
import { parse } from '../validate.ts'

const RevisionNumber = z.coerce.number().int().min(1).max(1_000_000)

/** The bill and article routes, mounted under /api/v1. */
export function billRoutes (ctx: Ctx): Router {
  const r = Router()

  r.get('/bills', async (req, res) => {
    res.json({ items: await listBillViews(ctx, req.actor), next: null })
  })

  r.post('/bills', async (req, res) => {
    const body = parse(BillCreateBody, req.body)
    const bill = await createBill(ctx, req.actor, body)
    res.status(201).location(`/api/v1/bills/${bill.id}`).json(await getBillView(ctx, req.actor, bill.id))
  })

  r.get('/bills/:billId', async (req, res) => {
    res.json(await getBillView(ctx, req.actor, req.params.billId))
  })

  r.patch('/bills/:billId', async (req, res) => {
    const body = parse(BillPatchBody, req.body)
    await updateBill(ctx, req.actor, req.params.billId, body)
    res.json(await getBillView(ctx, req.actor, req.params.billId))
  })

  r.post('/bills/:billId/publish', async (req, res) => {
    const body = parse(PublishBody, req.body)
    await publishBill(ctx, req.actor, req.params.billId, body)
    res.json(await getBillView(ctx, req.actor, req.params.billId))
  })

  r.post('/bills/:billId/close', async (req, res) => {
    await closeBill(ctx, req.actor, req.params.billId)
    res.json(await getBillView(ctx, req.actor, req.params.billId))
  })

  r.get('/bills/:billId/revisions/:n', async (req, res) => {
    const n = parse(RevisionNumber, req.params.n, 'revision number')
    res.json(await getRevision(ctx, req.actor, req.params.billId, n))
  })

  r.get('/articles/:articleId', async (req, res) => {
    res.json(await getArticleView(ctx, req.actor, req.params.articleId))
  })

  r.put('/articles/:articleId/vote', async (req, res) => {
    const body = parse(VoteBody, req.body)
    res.json(await voteOnArticle(ctx, req.actor, req.params.articleId, body.value))
  })

  r.delete('/articles/:articleId/vote', async (req, res) => {
    res.json(await unvoteArticle(ctx, req.actor, req.params.articleId))
  })

  return r
}
