/** Routes of the citizens' council: setup, volunteering, commitment, draw, audit, agenda, deliberation, opinions. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import {
  AgendaItemBody, CommitBody, CouncilArgumentBody, CouncilSetupBody, CouncilVoteBody, DrawBody, EmptyBody, OpinionBody, VolunteerBody
} from '../../../shared/api.ts'
import { councilMe, getCouncil, putCouncil, volunteer, withdraw } from '../../domain/council/setup.ts'
import { commitCouncil, councilAudit, declineSeat, drawCouncil } from '../../domain/council/lifecycle.ts'
import {
  addAgendaItem, agendaProposals, deliberation, postCouncilArgument, publishOpinion, removeAgendaItem, voteCouncilItem
} from '../../domain/council/work.ts'
import { parse } from '../validate.ts'

/** The council routes, mounted under /api/v1. */
export function councilRoutes (ctx: Ctx): Router {
  const r = Router()
  const base = '/bills/:billId/council'
  const billId = (req: { params: Record<string, string | undefined> }): string => String(req.params.billId)

  r.get(base, async (req, res) => {
    res.json(await getCouncil(ctx, req.actor, billId(req)))
  })

  r.put(base, async (req, res) => {
    const body = parse(CouncilSetupBody, req.body)
    const { council, created } = await putCouncil(ctx, req.actor, billId(req), body)
    res.status(created ? 201 : 200).json(council)
  })

  r.get(`${base}/me`, async (req, res) => {
    res.json(await councilMe(ctx, req.actor, billId(req)))
  })

  r.post(`${base}/volunteers`, async (req, res) => {
    const body = parse(VolunteerBody, req.body)
    res.status(201).json(await volunteer(ctx, req.actor, billId(req), body.answers))
  })

  r.delete(`${base}/volunteers`, async (req, res) => {
    res.json(await withdraw(ctx, req.actor, billId(req)))
  })

  r.post(`${base}/commit`, async (req, res) => {
    const body = parse(CommitBody, req.body)
    res.json(await commitCouncil(ctx, req.actor, billId(req), body.publicRandomness))
  })

  r.post(`${base}/draw`, async (req, res) => {
    const body = parse(DrawBody, req.body)
    res.json(await drawCouncil(ctx, req.actor, billId(req), body.value))
  })

  r.post(`${base}/decline`, async (req, res) => {
    parse(EmptyBody, req.body)
    res.json(await declineSeat(ctx, req.actor, billId(req)))
  })

  r.get(`${base}/audit`, async (req, res) => {
    const audit = await councilAudit(ctx, req.actor, billId(req))
    res.setHeader('Content-Disposition', `inline; filename="council-audit-${billId(req)}.json"`)
    res.json(audit)
  })

  r.get(`${base}/proposals`, async (req, res) => {
    res.json(await agendaProposals(ctx, req.actor, billId(req)))
  })

  r.post(`${base}/agenda`, async (req, res) => {
    const body = parse(AgendaItemBody, req.body)
    await addAgendaItem(ctx, req.actor, billId(req), body)
    res.status(201).json(await getCouncil(ctx, req.actor, billId(req)))
  })

  r.delete(`${base}/agenda/:itemId`, async (req, res) => {
    await removeAgendaItem(ctx, req.actor, billId(req), String(req.params.itemId))
    res.status(204).end()
  })

  r.get(`${base}/deliberation`, async (req, res) => {
    res.json(await deliberation(ctx, req.actor, billId(req)))
  })

  r.post(`${base}/agenda/:itemId/arguments`, async (req, res) => {
    const body = parse(CouncilArgumentBody, req.body)
    await postCouncilArgument(ctx, req.actor, billId(req), String(req.params.itemId), body)
    res.status(201).json(await deliberation(ctx, req.actor, billId(req)))
  })

  r.put(`${base}/agenda/:itemId/vote`, async (req, res) => {
    const body = parse(CouncilVoteBody, req.body)
    res.json(await voteCouncilItem(ctx, req.actor, billId(req), String(req.params.itemId), body.value))
  })

  r.put(`${base}/agenda/:itemId/opinion`, async (req, res) => {
    const body = parse(OpinionBody, req.body)
    res.json(await publishOpinion(ctx, req.actor, billId(req), String(req.params.itemId), body.text))
  })

  return r
}
