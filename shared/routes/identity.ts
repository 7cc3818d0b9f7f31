/** Routes of identity and trust: verification, recovery, one's account and data, notifications, follows, OpenID Connect, « Mon espace ». */
import type { RouteDecl } from '../route.ts'

/** Identity routes, part of ROUTES. */
export const IDENTITY_ROUTES = {
  myNotifications: { method: 'get', path: '/me/notifications', who: 'signed in', summary: 'One\'s notifications, newest first (moderation of one\'s content, decisions on one\'s amendments, activity on what one follows), with the number unread', query: 'PageQuery', response: 'UserNotificationList' },
  verifyEmail: { method: 'post', path: '/auth/verify', who: 'anyone', summary: 'Confirm one\'s address with the token of the link mailed at registration or address change (single use, 48 h)', body: 'TokenOnlyBody', response: 'User', limit: 'login' },
  resendVerification: { method: 'post', path: '/auth/verify/resend', who: 'signed in', summary: 'Mail the verification link again (nothing when already verified)', response: 'Accepted', status: 202, limit: 'register' },
  requestPasswordReset: { method: 'post', path: '/auth/password-reset', who: 'anyone', summary: 'Mail a reset link (1 h, single use) if the address has an account: 202 either way, answered before any lookup', body: 'PasswordResetBody', response: 'Accepted', status: 202, limit: 'login' },
  confirmPasswordReset: { method: 'post', path: '/auth/password-reset/confirm', who: 'anyone', summary: 'Set a new password with a reset link; ends every session and API token of the account', body: 'PasswordResetConfirmBody', response: 'Accepted', limit: 'login' },
  updateMe: { method: 'patch', path: '/me', who: 'signed in', summary: 'Change one\'s display name, profile type, language or notification e-mails (immediate, daily, off)', body: 'MePatchBody', response: 'User' },
  changePassword: { method: 'post', path: '/me/password', who: 'signed in', summary: 'Change one\'s password (the current one required); ends one\'s other sessions and API tokens', body: 'PasswordChangeBody', response: 'User', limit: 'login' },
  changeEmail: { method: 'post', path: '/me/email', who: 'signed in', summary: 'Change one\'s address (password required; 409 email_taken): it must be verified again', body: 'EmailChangeBody', response: 'User', limit: 'login' },
  myContributions: { method: 'get', path: '/me/contributions', who: 'signed in', summary: 'One\'s amendments (with status and response), arguments, votes or reports, newest first, with cursors', query: 'ContributionsQuery', response: 'ContributionList' },
  exportMe: { method: 'get', path: '/me/export', who: 'signed in', summary: 'Everything one gave Alinea as one JSON document (right of access and portability)' },
  eraseMe: { method: 'delete', path: '/me', who: 'signed in', summary: 'Erase one\'s account: address, name and password removed, contributions kept under « Compte supprimé », votes still counted; the address may register again', body: 'DeleteMeBody', status: 204, limit: 'login' },
  markNotificationsRead: { method: 'post', path: '/me/notifications/read', who: 'signed in', summary: 'Mark some (ids) or all notifications read; answers { unread }', body: 'NotificationsReadBody', response: 'UnreadCount' },
  unsubscribe: { method: 'post', path: '/unsubscribe', who: 'anyone with the link', summary: 'One-click unsubscribe from notification mails (RFC 8058): ?token= from the mail, no sign-in', query: 'UnsubscribeQuery', response: 'Accepted' },
  follow: { method: 'put', path: '/follows', who: 'signed in', summary: 'Follow a bill, an article or an amendment (201; 200 with the same follow when repeated)', body: 'FollowBody', response: 'Follow', status: 201 },
  unfollow: { method: 'delete', path: '/follows/:id', who: 'the follower', summary: 'Stop following', status: 204 },
  myFollows: { method: 'get', path: '/me/follows', who: 'signed in', summary: 'What one follows, newest first; ?target=type:id for one target', query: 'FollowQuery', response: 'FollowList' },
  oidcStart: { method: 'get', path: '/auth/oidc/start', who: 'anyone, when configured', summary: 'Start signing in with the identity provider: a redirect to it, with PKCE, state and nonce in a short-lived signed cookie (404 when not configured)', query: 'OidcStartQuery', status: 302 },
  oidcCallback: { method: 'get', path: '/auth/oidc/callback', who: 'the identity provider\'s redirect', summary: 'Finish signing in: checks state and nonce, signs in the linked account (created on first use), redirects to where the user was', status: 302 },
  oidcInfo: { method: 'get', path: '/auth/oidc', who: 'anyone', summary: 'Whether sign-in with OpenID Connect is offered, and the words of its button', response: 'OidcInfo' },
  workspace: { method: 'get', path: '/me/workspace', who: 'author, staff, admin', summary: '« Mon espace »: the bills one edits with amendments by status, proposed amendments to decide (oldest first), the latest amendments and arguments', query: 'WorkspaceQuery', response: 'Workspace' }
} as const satisfies Record<string, RouteDecl>
