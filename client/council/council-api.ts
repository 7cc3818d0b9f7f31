/** The council's calls (types from shared/api.ts, type-only: zod never reaches the bundle). */
import { request } from '../api.ts'
import type {
  AgendaProposalsView, CouncilMeView, CouncilSetupBody, CouncilTargetView, CouncilView, DeliberationView, OpinionView
} from '../../shared/api.ts'
import type { Tally, VoteValue } from '../../shared/types.ts'

export type { AgendaProposalsView, CouncilMeView, CouncilSetupBody, CouncilTargetView, CouncilView, DeliberationView, OpinionView }

const base = (billId: string) => `/bills/${encodeURIComponent(billId)}/council`

/** One function per council route. */
export const councilApi = {
  get: (billId: string, signal?: AbortSignal) => request<CouncilView>('GET', base(billId), undefined, signal),
  me: (billId: string, signal?: AbortSignal) => request<CouncilMeView>('GET', `${base(billId)}/me`, undefined, signal),
  setup: (billId: string, body: CouncilSetupBody) => request<CouncilView>('PUT', base(billId), body),
  volunteer: (billId: string, answers: Record<string, string>) => request<CouncilMeView>('POST', `${base(billId)}/volunteers`, { answers }),
  withdraw: (billId: string) => request<CouncilMeView>('DELETE', `${base(billId)}/volunteers`),
  commit: (billId: string, publicRandomness: string) => request<CouncilView>('POST', `${base(billId)}/commit`, { publicRandomness }),
  draw: (billId: string, value: string) => request<CouncilView>('POST', `${base(billId)}/draw`, { value }),
  decline: (billId: string) => request<CouncilView>('POST', `${base(billId)}/decline`, {}),
  proposals: (billId: string, signal?: AbortSignal) => request<AgendaProposalsView>('GET', `${base(billId)}/proposals`, undefined, signal),
  addToAgenda: (billId: string, target: CouncilTargetView) => request<CouncilView>('POST', `${base(billId)}/agenda`, { target }),
  deliberation: (billId: string, signal?: AbortSignal) => request<DeliberationView>('GET', `${base(billId)}/deliberation`, undefined, signal),
  argue: (billId: string, itemId: string, side: 'for' | 'against', body: string) =>
    request<DeliberationView>('POST', `${base(billId)}/agenda/${encodeURIComponent(itemId)}/arguments`, { side, body }),
  vote: (billId: string, itemId: string, value: VoteValue) => request<Tally>('PUT', `${base(billId)}/agenda/${encodeURIComponent(itemId)}/vote`, { value }),
  publishOpinion: (billId: string, itemId: string, text: string) =>
    request<OpinionView>('PUT', `${base(billId)}/agenda/${encodeURIComponent(itemId)}/opinion`, { text }),
  auditUrl: (billId: string) => `/api/v1${base(billId)}/audit`
}

/** The page of a bill's council. */
export const councilPath = (billId: string) => `/bills/${encodeURIComponent(billId)}/council`
