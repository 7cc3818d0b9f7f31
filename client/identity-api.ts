/**
 * The calls of identity and trust: verification, recovery, the account,
 * follows and notifications. Types come from shared/api.ts (type-only).
 */
import { call } from './api.ts'
import type { ContributionView, FollowView, MePatchBody, UserNotificationView } from '../shared/api.ts'

export type { ContributionView, FollowView, MePatchBody, UserNotificationView }
/** What a user may follow. */
export type FollowTargetRef = { type: 'bill' | 'article' | 'amendment'; id: string }
/** The kinds of one's contributions. */
export type ContributionKind = 'amendments' | 'arguments' | 'votes' | 'reports'

/** One function per use. */
export const identityApi = {
  verify: (token: string) => call('verifyEmail', { body: { token } }),
  resendVerification: () => call('resendVerification', {}),
  requestReset: (email: string) => call('requestPasswordReset', { body: { email } }),
  confirmReset: (token: string, password: string) => call('confirmPasswordReset', { body: { token, password } }),
  logoutEverywhere: () => call('logoutAll', {}),
  patchMe: (body: MePatchBody) => call('updateMe', { body }),
  changePassword: (current: string, password: string) => call('changePassword', { body: { current, password } }),
  changeEmail: (email: string, password: string) => call('changeEmail', { body: { email, password } }),
  contributions: (kind: ContributionKind, cursor?: string | null, signal?: AbortSignal) =>
    call('myContributions', { query: { kind, cursor } }, signal),
  deleteMe: (password: string | undefined) => call('eraseMe', { body: password ? { password } : {} }),
  notifications: (cursor?: string | null, signal?: AbortSignal) => call('myNotifications', { query: { cursor } }, signal),
  markRead: (ids?: string[]) => call('markNotificationsRead', { body: ids ? { ids } : {} }),
  follow: (target: FollowTargetRef) => call('follow', { body: { target } }),
  unfollow: (id: string) => call('unfollow', { params: { id } }),
  followOf: (target: FollowTargetRef, signal?: AbortSignal) => call('myFollows', { query: { target: `${target.type}:${target.id}` } }, signal),
  unsubscribe: (token: string) => call('unsubscribe', { query: { token } }),
  oidc: (signal?: AbortSignal) => call('oidcInfo', {}, signal)
}
