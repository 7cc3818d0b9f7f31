/**
 * Routes of identity and trust: address verification, password reset, the
 * signed-in user's account (profile, password, address, contributions,
 * export, erasure, sessions), notifications and unsubscribing. Follows are
 * in follows.ts, OpenID Connect in oidc.ts (both mounted from here).
 */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import {
  ContributionsQuery, DeleteMeBody, EmailChangeBody, MePatchBody, NotificationsReadBody, PageQuery, PasswordChangeBody,
  PasswordResetBody, PasswordResetConfirmBody, TokenOnlyBody
} from '../../../shared/api.ts'
import { selfView } from '../../domain/accounts.ts'
import { confirmPasswordReset, requestPasswordReset, resendVerification, verifyEmail } from '../../domain/account-links.ts'
import { changeEmail, changePassword, eraseMe, exportMe, myContributions, updateMe } from '../../domain/account-self.ts'
import { markRead, myNotifications, unsubscribe } from '../../domain/notifications.ts'
import { InvalidToken, Unauthenticated } from '../../domain/errors.ts'
import { secretId } from '../../domain/accounts.ts'
import { parse } from '../validate.ts'
import { clearSessionCookie } from '../auth.ts'
import type { rateLimits } from '../limits.ts'
import { followRoutes } from './follows.ts'
import { oidcRoutes } from './oidc.ts'

/** The identity routes, mounted under /api/v1. */
export function identityRoutes (ctx: Ctx, limits: ReturnType<typeof rateLimits>): Router {
  const r = Router()

  r.post('/auth/verify', limits.login, async (req, res) => {
    const { token } = parse(TokenOnlyBody, req.body)
    res.json(selfView(await verifyEmail(ctx, token)))
  })

  r.post('/auth/verify/resend', limits.register, async (req, res) => {
    await resendVerification(ctx, req.actor)
    res.status(202).json({ ok: true })
  })

  r.post('/auth/password-reset', limits.login, (req, res) => {
    const { email } = parse(PasswordResetBody, req.body)
    // Answered before any lookup: the same answer, in the same time, whether the address exists or not.
    res.status(202).json({ ok: true })
    setImmediate(() => {
      requestPasswordReset(ctx, email).catch(err => ctx.log.error({ err }, 'password reset request failed'))
    })
  })

  r.post('/auth/password-reset/confirm', limits.login, async (req, res) => {
    const body = parse(PasswordResetConfirmBody, req.body)
    await confirmPasswordReset(ctx, body.token, body.password)
    clearSessionCookie(ctx, res)
    res.json({ ok: true })
  })

  // POST /auth/logout-all (log out everywhere) is in tokens.ts, with the token routes.

  r.patch('/me', async (req, res) => {
    res.json(selfView(await updateMe(ctx, req.actor, parse(MePatchBody, req.body))))
  })

  r.post('/me/password', limits.login, async (req, res) => {
    const body = parse(PasswordChangeBody, req.body)
    const keep = req.authKind === 'session' && req.sessionSecret ? secretId(req.sessionSecret) : null
    res.json(selfView(await changePassword(ctx, req.actor, body.current, body.password, keep)))
  })

  r.post('/me/email', limits.login, async (req, res) => {
    const body = parse(EmailChangeBody, req.body)
    res.json(selfView(await changeEmail(ctx, req.actor, body.email, body.password)))
  })

  r.get('/me/contributions', async (req, res) => {
    res.json(await myContributions(ctx, req.actor, parse(ContributionsQuery, req.query, 'query')))
  })

  r.get('/me/export', async (req, res) => {
    const data = await exportMe(ctx, req.actor)
    res.setHeader('Content-Disposition', `attachment; filename="alinea-${req.actor!.id}.json"`)
    res.setHeader('Cache-Control', 'no-store')
    res.json(data)
  })

  r.delete('/me', limits.login, async (req, res) => {
    const body = parse(DeleteMeBody, req.body ?? {})
    await eraseMe(ctx, req.actor, body.password)
    clearSessionCookie(ctx, res)
    res.status(204).end()
  })

  r.get('/me/notifications', async (req, res) => {
    res.json(await myNotifications(ctx, req.actor, parse(PageQuery, req.query, 'query')))
  })

  r.post('/me/notifications/read', async (req, res) => {
    if (!req.actor) throw new Unauthenticated()
    const body = parse(NotificationsReadBody, req.body ?? {})
    res.json(await markRead(ctx, req.actor, body.ids))
  })

  // One-click unsubscribe (RFC 8058): a mail client POSTs here without any session.
  r.post('/unsubscribe', async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : ''
    if (!await unsubscribe(ctx, token)) throw new InvalidToken('this unsubscribe link is not valid')
    res.json({ ok: true })
  })

  r.use(followRoutes(ctx))
  r.use(oidcRoutes(ctx))
  return r
}
