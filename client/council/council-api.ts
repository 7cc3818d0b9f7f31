/** The council's calls (types from shared/api.ts, type-only: zod never reaches the bundle). */
import { call } from '../api.ts'
import { ROUTES } from '../../shared/routes.ts'
import { fillPath } from '../../shared/route.ts'
import type {
  AgendaProposalsView, CouncilMeView, CouncilSetupBody, CouncilTargetView, CouncilView, DeliberationView, OpinionView
} from '../../shared/api.ts'
import type { VoteValue } from '../../shared/types.ts'

export type { AgendaProposalsView, CouncilMeView, CouncilSetupBody, CouncilTargetView, CouncilView, DeliberationView, OpinionView }

/** One function per council route. */
export const councilApi = {
  get: (billId: string, signal?: AbortSignal) => call('getCouncil', { params: { billId } }, signal),
  me: (billId: string, signal?: AbortSignal) => call('councilMe', { params: { billId } }, signal),
  setup: (billId: string, body: CouncilSetupBody) => call('putCouncil', { params: { billId }, body }),
  volunteer: (billId: string, answers: Record<string, string>) => call('volunteer', { params: { billId }, body: { answers } }),
  withdraw: (billId: string) => call('withdrawVolunteer', { params: { billId } }),
  commit: (billId: string, publicRandomness: string) => call('commitCouncil', { params: { billId }, body: { publicRandomness } }),
  draw: (billId: string, value: string) => call('drawCouncil', { params: { billId }, body: { value } }),
  decline: (billId: string) => call('declineSeat', { params: { billId }, body: {} }),
  proposals: (billId: string, signal?: AbortSignal) => call('agendaProposals', { params: { billId } }, signal),
  addToAgenda: (billId: string, target: CouncilTargetView) => call('addAgendaItem', { params: { billId }, body: { target } }),
  deliberation: (billId: string, signal?: AbortSignal) => call('deliberation', { params: { billId } }, signal),
  argue: (billId: string, itemId: string, side: 'for' | 'against', body: string) =>
    call('postCouncilArgument', { params: { billId, itemId }, body: { side, body } }),
  vote: (billId: string, itemId: string, value: VoteValue) => call('voteCouncilItem', { params: { billId, itemId }, body: { value } }),
  publishOpinion: (billId: string, itemId: string, text: string) => call('publishOpinion', { params: { billId, itemId }, body: { text } }),
  auditUrl: (billId: string) => `/api/v1${fillPath(ROUTES.councilAudit.path, { billId })}`
}

/** The page of a bill's council. */
export const councilPath = (billId: string) => `/bills/${encodeURIComponent(billId)}/council`
