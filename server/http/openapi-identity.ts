/** The OpenAPI lines of identity and trust (verification, recovery, account, follows, notifications, OIDC). */
import * as api from '../../shared/api.ts'
import type { Operation } from './openapi.ts'

/** Identity routes, appended to OPERATIONS. */
export const IDENTITY_OPERATIONS: Operation[] = [
  { method: 'post', path: '/auth/verify', summary: 'Confirm one\'s address with the token of the link mailed at registration or address change (single use, 48 h)', who: 'anyone', body: api.TokenOnlyBody, response: api.User },
  { method: 'post', path: '/auth/verify/resend', summary: 'Mail the verification link again (nothing when already verified)', who: 'signed in', response: api.Accepted, status: 202 },
  { method: 'post', path: '/auth/password-reset', summary: 'Mail a reset link (1 h, single use) if the address has an account: 202 either way, answered before any lookup', who: 'anyone', body: api.PasswordResetBody, response: api.Accepted, status: 202 },
  { method: 'post', path: '/auth/password-reset/confirm', summary: 'Set a new password with a reset link; ends every session and API token of the account', who: 'anyone', body: api.PasswordResetConfirmBody, response: api.Accepted },
  { method: 'patch', path: '/me', summary: 'Change one\'s display name, profile type, language or notification e-mails (immediate, daily, off)', who: 'signed in', body: api.MePatchBody, response: api.User },
  { method: 'post', path: '/me/password', summary: 'Change one\'s password (the current one required); ends one\'s other sessions and API tokens', who: 'signed in', body: api.PasswordChangeBody, response: api.User },
  { method: 'post', path: '/me/email', summary: 'Change one\'s address (password required; 409 email_taken): it must be verified again', who: 'signed in', body: api.EmailChangeBody, response: api.User },
  { method: 'get', path: '/me/contributions', summary: 'One\'s amendments (with status and response), arguments, votes or reports, newest first, with cursors', who: 'signed in', query: api.ContributionsQuery, response: api.ContributionList },
  { method: 'get', path: '/me/export', summary: 'Everything one gave Alinea as one JSON document (right of access and portability)', who: 'signed in' },
  { method: 'delete', path: '/me', summary: 'Erase one\'s account: address, name and password removed, contributions kept under « Compte supprimé », votes still counted; the address may register again', who: 'signed in', body: api.DeleteMeBody, status: 204 },
  { method: 'post', path: '/me/notifications/read', summary: 'Mark some (ids) or all notifications read; answers { unread }', who: 'signed in', body: api.NotificationsReadBody },
  { method: 'post', path: '/unsubscribe', summary: 'One-click unsubscribe from notification mails (RFC 8058): ?token= from the mail, no sign-in', who: 'anyone with the link', response: api.Accepted },
  { method: 'put', path: '/follows', summary: 'Follow a bill, an article or an amendment (201; 200 with the same follow when repeated)', who: 'signed in', body: api.FollowBody, response: api.Follow, status: 201 },
  { method: 'delete', path: '/follows/{id}', summary: 'Stop following', who: 'the follower', status: 204 },
  { method: 'get', path: '/me/follows', summary: 'What one follows, newest first; ?target=type:id for one target', who: 'signed in', query: api.FollowQuery, response: api.FollowList },
  { method: 'get', path: '/auth/oidc', summary: 'Whether sign-in with OpenID Connect is offered, and the words of its button', who: 'anyone', response: api.OidcInfo }
]
