/** Handlers of the citizens' council: setup, volunteering, commitment, draw, audit, agenda, deliberation, opinions. */
import type { Ctx } from '../../domain/context.ts'
import { councilMe, getCouncil, putCouncil, volunteer, withdraw } from '../../domain/council/setup.ts'
import { commitCouncil, councilAudit, declineSeat, drawCouncil } from '../../domain/council/lifecycle.ts'
import {
  addAgendaItem, agendaProposals, deliberation, postCouncilArgument, publishOpinion, removeAgendaItem, voteCouncilItem
} from '../../domain/council/work.ts'
import { Reply, type RouteHandlers } from '../route-table.ts'

/** The council handlers. */
export function councilHandlers (ctx: Ctx) {
  return {
    getCouncil: ({ actor, params }) => getCouncil(ctx, actor, params.billId),

    // 201 when this call created the council, 200 when it changed it.
    putCouncil: async ({ actor, params, body }) => {
      const { council, created } = await putCouncil(ctx, actor, params.billId, body)
      return created ? new Reply(201, council) : council
    },

    councilMe: ({ actor, params }) => councilMe(ctx, actor, params.billId),

    volunteer: ({ actor, params, body }) => volunteer(ctx, actor, params.billId, body.answers),

    withdrawVolunteer: ({ actor, params }) => withdraw(ctx, actor, params.billId),

    commitCouncil: ({ actor, params, body }) => commitCouncil(ctx, actor, params.billId, body.publicRandomness),

    drawCouncil: ({ actor, params, body }) => drawCouncil(ctx, actor, params.billId, body.value),

    declineSeat: ({ actor, params }) => declineSeat(ctx, actor, params.billId),

    councilAudit: async ({ actor, params, res }) => {
      const audit = await councilAudit(ctx, actor, params.billId)
      res.setHeader('Content-Disposition', `inline; filename="council-audit-${params.billId}.json"`)
      return audit
    },

    agendaProposals: ({ actor, params }) => agendaProposals(ctx, actor, params.billId),

    addAgendaItem: async ({ actor, params, body }) => {
      await addAgendaItem(ctx, actor, params.billId, body)
      return getCouncil(ctx, actor, params.billId)
    },

    removeAgendaItem: ({ actor, params }) => removeAgendaItem(ctx, actor, params.billId, params.itemId),

    deliberation: ({ actor, params }) => deliberation(ctx, actor, params.billId),

    postCouncilArgument: async ({ actor, params, body }) => {
      await postCouncilArgument(ctx, actor, params.billId, params.itemId, body)
      return deliberation(ctx, actor, params.billId)
    },

    voteCouncilItem: ({ actor, params, body }) => voteCouncilItem(ctx, actor, params.billId, params.itemId, body.value),

    publishOpinion: ({ actor, params, body }) => publishOpinion(ctx, actor, params.billId, params.itemId, body.text)
  } satisfies Partial<RouteHandlers>
}
