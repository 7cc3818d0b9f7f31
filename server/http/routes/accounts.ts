/** Routes of accounts: register, sign in and out, who am I, tokens, roles. */
import { Router } from 'express'
import type { Ctx } from '../../domain/context.ts'
import { LoginBody, RegisterBody, TokenBody, UserPatchBody } from '../../../shared/api.ts'
import { checkPassword, closeSession, openSession, selfView, setRole, signUp } from '../../domain/accounts.ts'
import { issueToken } from '../../domain/credentials.ts'
import { Unauthenticated } from '../../domain/errors.ts'
import { sendVerification } from '../../domain/account-links.ts'
import { parse } from '../validate.ts'
import { clearSessionCookie, setSessionCookie } from '../auth.ts'
import type { rateLimits } from '../limits.ts'

/** The account routes, mounted under /api/v1. */
export function accountRoutes (ctx: Ctx, limits: ReturnType<typeof rateLimits>): Router {
  const r = Router()

  r.post('/auth/register', limits.register, async (req, res) => {
    const body = parse(RegisterBody, req.body)
    const locale = body.locale ?? (req.acceptsLanguages('fr', 'en') === 'en' ? 'en' : 'fr')
    const user = await signUp(ctx, { ...body, locale })
    await sendVerification(ctx, user)
    setSessionCookie(ctx, res, await openSession(ctx, user))
    res.status(201).json(selfView(user))
  })

  r.post('/auth/login', limits.login, async (req, res) => {
    const body = parse(LoginBody, req.body)
    const user = await checkPassword(ctx, body.email, body.password)
    setSessionCookie(ctx, res, await openSession(ctx, user))
    res.json(selfView(user))
  })

  r.post('/auth/logout', async (req, res) => {
    if (req.sessionSecret) await closeSession(ctx, req.sessionSecret)
    clearSessionCookie(ctx, res)
    res.status(204).end()
  })

  r.get('/me', (req, res) => {
    if (!req.actor) throw new Unauthenticated()
    res.json(selfView(req.actor))
  })

  r.post('/auth/tokens', async (req, res) => {
    const body = parse(TokenBody, req.body ?? {})
    res.setHeader('Cache-Control', 'private, no-store')
    res.status(201).json(await issueToken(ctx, req.actor, req.authKind, body))
  })

  r.patch('/users/:id', async (req, res) => {
    const body = parse(UserPatchBody, req.body)
    res.json(selfView(await setRole(ctx, req.actor, req.params.id, body.role)))
  })

  return r
}
