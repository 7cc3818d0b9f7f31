/** Handlers of accounts: register, sign in and out, who am I, API tokens, log out everywhere, roles. */
import type { Ctx } from '../../domain/context.ts'
import { checkPassword, closeSession, openSession, selfView, setRole, signUp } from '../../domain/accounts.ts'
import { endAllCredentials, issueToken, listTokens, revokeToken } from '../../domain/credentials.ts'
import { Unauthenticated } from '../../domain/errors.ts'
import { sendVerification } from '../../domain/account-links.ts'
import { clearSessionCookie, setSessionCookie } from '../auth.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The account handlers. */
export function accountHandlers (ctx: Ctx) {
  return {
    register: async ({ body, req, res }) => {
      const locale = body.locale ?? (req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr')
      const user = await signUp(ctx, { ...body, locale })
      await sendVerification(ctx, user)
      setSessionCookie(ctx, res, await openSession(ctx, user))
      return selfView(user)
    },

    login: async ({ body, res }) => {
      const user = await checkPassword(ctx, body.email, body.password)
      setSessionCookie(ctx, res, await openSession(ctx, user))
      return selfView(user)
    },

    logout: async ({ req, res }) => {
      if (req.sessionSecret) await closeSession(ctx, req.sessionSecret)
      clearSessionCookie(ctx, res)
    },

    me: ({ actor }) => {
      if (!actor) throw new Unauthenticated()
      return selfView(actor)
    },

    createToken: async ({ actor, body, req, res }) => {
      res.setHeader('Cache-Control', 'private, no-store')
      return issueToken(ctx, actor, req.authKind, body)
    },

    listTokens: async ({ actor, res }) => {
      res.setHeader('Cache-Control', 'private, no-store')
      return { items: await listTokens(ctx, actor) }
    },

    revokeToken: ({ actor, params }) => revokeToken(ctx, actor, params.id),

    logoutAll: async ({ actor, res }) => {
      if (!actor) throw new Unauthenticated()
      await endAllCredentials(ctx, actor.id)
      clearSessionCookie(ctx, res)
    },

    setUserRole: async ({ actor, params, body }) => selfView(await setRole(ctx, actor, params.id, body.role))
  } satisfies Partial<RouteHandlers>
}
