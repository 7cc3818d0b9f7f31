/** Routes of accounts: register, sign in and out, who am I, API tokens, roles. */
import type { RouteDecl } from '../route.ts'

/** Account routes, part of ROUTES. */
export const ACCOUNT_ROUTES = {
  register: { method: 'post', path: '/auth/register', who: 'anyone', summary: 'Create an account and sign in', body: 'RegisterBody', response: 'User', status: 201, limit: 'register' },
  login: { method: 'post', path: '/auth/login', who: 'anyone', summary: 'Sign in (sets the session cookie)', body: 'LoginBody', response: 'User', limit: 'login' },
  logout: { method: 'post', path: '/auth/logout', who: 'anyone', summary: 'Sign out', status: 204 },
  me: { method: 'get', path: '/me', who: 'signed in', summary: 'The signed-in user', response: 'User' },
  createToken: { method: 'post', path: '/auth/tokens', who: 'signed in', summary: 'A personal API token for scripts (Authorization: Bearer)', body: 'TokenBody', response: 'TokenResponse', status: 201 },
  listTokens: { method: 'get', path: '/auth/tokens', who: 'signed in', summary: 'The signed-in user\'s API tokens (never their secrets)', response: 'TokenList' },
  revokeToken: { method: 'delete', path: '/auth/tokens/:id', who: 'signed in', summary: 'Revoke one of one\'s API tokens', status: 204 },
  logoutAll: { method: 'post', path: '/auth/logout-all', who: 'signed in', summary: 'Log out everywhere: end every session and API token of the signed-in user', status: 204 },
  setUserRole: { method: 'patch', path: '/users/:id', who: 'admin', summary: 'Change a user\'s role', body: 'UserPatchBody', response: 'User' }
} as const satisfies Record<string, RouteDecl>
