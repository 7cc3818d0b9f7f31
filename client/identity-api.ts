/**
 * The calls of identity and trust: verification, recovery, the account,
 * follows and notifications. Types come from shared/api.ts (type-only).
 */
import { request, type Page, type User } from './api.ts'
import type { ContributionView, FollowView, MePatchBody, UserNotificationView } from '../shared/api.ts'

export type { ContributionView, FollowView, MePatchBody, UserNotificationView }
/** What a user may follow. */
export type FollowTargetRef = { type: 'bill' | 'article' | 'amendment'; id: string }
/** The kinds of one's contributions. */
export type ContributionKind = 'amendments' | 'arguments' | 'votes' | 'reports'

const enc = encodeURIComponent

/** One function per route. */
export const identityApi = {
  verify: (token: string) => request<User>('POST', '/auth/verify', { token }),
  resendVerification: () => request<{ ok: true }>('POST', '/auth/verify/resend', {}),
  requestReset: (email: string) => request<{ ok: true }>('POST', '/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) => request<{ ok: true }>('POST', '/auth/password-reset/confirm', { token, password }),
  logoutEverywhere: () => request<null>('POST', '/auth/logout-all', {}),
  patchMe: (body: MePatchBody) => request<User>('PATCH', '/me', body),
  changePassword: (current: string, password: string) => request<User>('POST', '/me/password', { current, password }),
  changeEmail: (email: string, password: string) => request<User>('POST', '/me/email', { email, password }),
  contributions: (kind: ContributionKind, cursor?: string | null, signal?: AbortSignal) =>
    request<Page<ContributionView>>('GET', `/me/contributions?kind=${kind}${cursor ? `&cursor=${enc(cursor)}` : ''}`, undefined, signal),
  deleteMe: (password: string | undefined) => request<null>('DELETE', '/me', password ? { password } : {}),
  notifications: (cursor?: string | null, signal?: AbortSignal) =>
    request<Page<UserNotificationView> & { unread: number }>('GET', `/me/notifications${cursor ? `?cursor=${enc(cursor)}` : ''}`, undefined, signal),
  markRead: (ids?: string[]) => request<{ unread: number }>('POST', '/me/notifications/read', ids ? { ids } : {}),
  follow: (target: FollowTargetRef) => request<FollowView>('PUT', '/follows', { target }),
  unfollow: (id: string) => request<null>('DELETE', `/follows/${enc(id)}`),
  followOf: (target: FollowTargetRef, signal?: AbortSignal) =>
    request<Page<FollowView>>('GET', `/me/follows?target=${enc(`${target.type}:${target.id}`)}`, undefined, signal),
  unsubscribe: (token: string) => request<{ ok: true }>('POST', `/unsubscribe?token=${enc(token)}`, {}),
  oidc: (signal?: AbortSignal) => request<{ enabled: boolean; label: string }>('GET', '/auth/oidc', undefined, signal)
}
