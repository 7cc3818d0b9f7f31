/**
 * Handlers of identity and trust: address verification, password reset, the
 * signed-in user's account (profile, password, address, contributions,
 * export, erasure), notifications, unsubscribing and « Mon espace ». Follows are in
 * follows.ts, OpenID Connect in oidc.ts.
 */
import type { Ctx } from '../../domain/context.ts'
import { selfView, secretId } from '../../domain/accounts.ts'
import { confirmPasswordReset, requestPasswordReset, resendVerification, verifyEmail } from '../../domain/account-links.ts'
import { changeEmail, changePassword, eraseMe, exportMe, myContributions, updateMe } from '../../domain/account-self.ts'
import { markRead, myNotifications, unsubscribe } from '../../domain/notifications.ts'
import { InvalidToken, Unauthenticated } from '../../domain/errors.ts'
import { getWorkspace } from '../../domain/workspace.ts'
import { clearSessionCookie } from '../auth.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The identity handlers. */
export function identityHandlers (ctx: Ctx) {
  return {
    verifyEmail: async ({ body }) => selfView(await verifyEmail(ctx, body.token)),

    resendVerification: async ({ actor }) => {
      await resendVerification(ctx, actor)
      return { ok: true }
    },

    requestPasswordReset: ({ body }) => {
      // Answered before any lookup: the same answer, in the same time, whether the address exists or not.
      setImmediate(() => {
        requestPasswordReset(ctx, body.email).catch(err => ctx.log.error({ err }, 'password reset request failed'))
      })
      return { ok: true }
    },

    confirmPasswordReset: async ({ body, res }) => {
      await confirmPasswordReset(ctx, body.token, body.password)
      clearSessionCookie(ctx, res)
      return { ok: true }
    },

    updateMe: async ({ actor, body }) => selfView(await updateMe(ctx, actor, body)),

    changePassword: async ({ actor, body, req }) => {
      const keep = req.authKind === 'session' && req.sessionSecret ? secretId(req.sessionSecret) : null
      return selfView(await changePassword(ctx, actor, body.current, body.password, keep))
    },

    changeEmail: async ({ actor, body }) => selfView(await changeEmail(ctx, actor, body.email, body.password)),

    myContributions: ({ actor, query }) => myContributions(ctx, actor, query),

    exportMe: async ({ actor, res }) => {
      const data = await exportMe(ctx, actor)
      res.setHeader('Content-Disposition', `attachment; filename="alinea-${actor!.id}.json"`)
      res.setHeader('Cache-Control', 'no-store')
      return data
    },

    eraseMe: async ({ actor, body, res }) => {
      await eraseMe(ctx, actor, body.password)
      clearSessionCookie(ctx, res)
    },

    myNotifications: ({ actor, query }) => myNotifications(ctx, actor, query),

    markNotificationsRead: ({ actor, body }) => {
      if (!actor) throw new Unauthenticated()
      return markRead(ctx, actor, body.ids)
    },

    // One-click unsubscribe (RFC 8058): a mail client POSTs here without any session.
    unsubscribe: async ({ query }) => {
      if (!await unsubscribe(ctx, query.token)) throw new InvalidToken('this unsubscribe link is not valid')
      return { ok: true }
    },

    // « Mon espace »: the bills one edits, what waits for a decision, the latest activity.
    workspace: ({ actor, query }) => getWorkspace(ctx, actor, query)
  } satisfies Partial<RouteHandlers>
}
