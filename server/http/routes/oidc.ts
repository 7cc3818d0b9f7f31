/**
 * Sign-in with OpenID Connect (openid-client): the authorization code flow
 * with PKCE, state and nonce. `start` keeps the verifier, state, nonce and
 * where to go next in a short-lived httpOnly cookie signed with the
 * server secret (nothing to store, any node can take the callback), and
 * redirects to the provider; `callback` checks state and nonce (through
 * openid-client), signs in the account linked to the provider's `sub`
 * (created on first use) and goes back to `next`. A wrong or replayed
 * state, a missing cookie or a provider error is a 400, signing nobody in.
 */
import type { Request, Response } from 'express'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { parse as parseCookies } from 'cookie'
import * as oidc from 'openid-client'
import type { Ctx } from '../../domain/context.ts'
import { openSession } from '../../domain/accounts.ts'
import { signInWithOidc } from '../../domain/oidc-accounts.ts'
import { NotFound, OidcFailed, Unavailable } from '../../domain/errors.ts'
import { setSessionCookie } from '../auth.ts'
import { SENT, type RouteHandlers } from '../route-table.ts'

const COOKIE = 'alinea_oidc'
const COOKIE_PATH = '/api/v1/auth/oidc'
const FLOW_MS = 10 * 60_000

interface Flow { state: string; nonce: string; verifier: string; next: string; exp: number }

/** A same-origin path to go back to; anything else is "/". */
const safePath = (next: string | undefined): string =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/'

/** The OpenID Connect handlers. */
export function oidcHandlers (ctx: Ctx) {
  let discovered: Promise<oidc.Configuration> | null = null
  let discoveredFor = ''

  const enabled = (): boolean => !!(ctx.config.oidcIssuer && ctx.config.oidcClientId)
  const redirectUri = (): string => `${ctx.config.publicUrl}${COOKIE_PATH}/callback`

  /** The provider's configuration, discovered once (again if the settings change). */
  function configuration (): Promise<oidc.Configuration> {
    const issuer = ctx.config.oidcIssuer!
    const key = `${issuer} ${ctx.config.oidcClientId}`
    if (!discovered || discoveredFor !== key) {
      discoveredFor = key
      const insecure = new URL(issuer).protocol === 'http:'
      discovered = oidc.discovery(new URL(issuer), ctx.config.oidcClientId!, ctx.config.oidcClientSecret ?? undefined, undefined,
        insecure ? { execute: [oidc.allowInsecureRequests] } : undefined)
      discovered.catch(() => { discovered = null })
    }
    return discovered
  }

  const sign = (payload: string): string => createHmac('sha256', ctx.config.secret).update(`oidc:${payload}`).digest('base64url')

  function readFlow (req: Request): Flow {
    const raw = req.headers.cookie ? parseCookies(req.headers.cookie)[COOKIE] : undefined
    const [payload, mac] = (raw ?? '').split('.')
    if (!payload || !mac) throw new OidcFailed('the sign-in did not start here, or took too long: start again')
    const expected = Buffer.from(sign(payload))
    const given = Buffer.from(mac)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new OidcFailed('the sign-in could not be checked: start again')
    const flow = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Flow
    if (flow.exp < Date.now()) throw new OidcFailed('the sign-in took too long: start again')
    return flow
  }

  function clearFlow (res: Response): void {
    res.clearCookie(COOKIE, { httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: COOKIE_PATH })
  }

  const oidcInfo = () => ({ enabled: enabled(), label: ctx.config.oidcLabel })

  const oidcStart: RouteHandlers['oidcStart'] = async ({ query, res }) => {
    if (!enabled()) throw new NotFound('OpenID Connect sign-in')
    const { next } = query
    let config: oidc.Configuration
    try {
      config = await configuration()
    } catch (err) {
      ctx.log.error({ err }, 'OpenID Connect discovery failed')
      throw new Unavailable('the identity provider cannot be reached now')
    }
    const flow: Flow = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), next: safePath(next), exp: Date.now() + FLOW_MS }
    const payload = Buffer.from(JSON.stringify(flow)).toString('base64url')
    res.cookie(COOKIE, `${payload}.${sign(payload)}`, { httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, path: COOKIE_PATH, maxAge: FLOW_MS })
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(), scope: 'openid email profile', response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier), code_challenge_method: 'S256',
      state: flow.state, nonce: flow.nonce
    })
    res.redirect(302, url.href)
    return SENT
  }

  const oidcCallback: RouteHandlers['oidcCallback'] = async ({ req, res }) => {
    if (!enabled()) throw new NotFound('OpenID Connect sign-in')
    const flow = readFlow(req)
    clearFlow(res)
    const config = await configuration()
    const current = new URL(req.originalUrl, ctx.config.publicUrl)
    let claims: Record<string, unknown> | undefined
    try {
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true
      })
      const id = tokens.claims()
      claims = id ? { ...id } : undefined
      // Providers often give the address and name at the userinfo endpoint only; its `sub` must match the ID token's.
      if (id && config.serverMetadata().userinfo_endpoint) claims = { ...(await oidc.fetchUserInfo(config, tokens.access_token, id.sub)), ...id }
    } catch (err) {
      const e = err as Error & { cause?: { message?: string } }
      const why = e.cause?.message ? `${e.message}: ${e.cause.message}` : e.message
      ctx.log.info({ err: why }, 'OpenID Connect sign-in refused')
      throw new OidcFailed(`the identity provider's answer was refused: ${why}`)
    }
    if (typeof claims?.sub !== 'string') throw new OidcFailed('the identity provider gave no subject')
    const { user } = await signInWithOidc(ctx, config.serverMetadata().issuer, {
      sub: claims.sub,
      email: typeof claims.email === 'string' ? claims.email : undefined,
      emailVerified: claims.email_verified === true,
      name: typeof claims.name === 'string' ? claims.name : [claims.given_name, claims.family_name].filter(x => typeof x === 'string').join(' ')
    })
    setSessionCookie(ctx, res, await openSession(ctx, user))
    res.redirect(302, flow.next)
    return SENT
  }

  return { oidcInfo, oidcStart, oidcCallback } satisfies Partial<RouteHandlers>
}
