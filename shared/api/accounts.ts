/** Accounts: registration, sign-in, tokens and roles. */
import { z } from 'zod'
import { LIMITS, ProfileType, Role } from './common.ts'

// ---------- accounts

export const RegisterBody = z.strictObject({
  email: z.email().max(254).describe('the address, verified by a mailed link; never shown to others'),
  password: z.string().min(LIMITS.password.min).max(LIMITS.password.max).describe(`at least ${LIMITS.password.min} characters`),
  displayName: z.string().trim().min(1).max(LIMITS.displayName).describe('the name shown beside one\'s contributions'),
  profileType: ProfileType.optional().describe('citizen (default), organisation or institution'),
  locale: z.enum(['fr', 'en']).optional().describe('the language of mails and notifications (default: the request\'s Accept-Language, else fr)')
}).meta({ id: 'RegisterBody' })

export const LoginBody = z.strictObject({
  email: z.string().min(1).max(254).describe('the account\'s address'),
  password: z.string().min(1).max(LIMITS.password.max).describe('its password')
}).meta({ id: 'LoginBody' })

export const TokenBody = z.strictObject({
  name: z.string().trim().min(1).max(80).optional().describe('a name to tell one\'s tokens apart'),
  expiresInDays: z.number().int().min(1).max(365).optional().describe('how long the token lasts (default 90 days, at most 365)')
}).meta({ id: 'TokenBody' })
export const TokenResponse = z.object({
  token: z.string().describe('the secret, shown once: send it as Authorization: Bearer'),
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable()
}).meta({ id: 'Token' })

export const UserPatchBody = z.strictObject({ role: Role }).meta({ id: 'UserPatchBody' })

export const User = z.object({
  id: z.string(), email: z.string(), displayName: z.string(), role: Role, profileType: ProfileType,
  emailVerified: z.boolean().describe('the address was confirmed through the link sent to it'),
  oidc: z.boolean().describe('the account is linked to the OpenID Connect provider (meets the `oidc` requirement)'),
  locale: z.enum(['fr', 'en']),
  notify: z.enum(['immediate', 'daily', 'off']),
  hasPassword: z.boolean().describe('false for accounts made through OpenID Connect')
}).meta({ id: 'User' })

export type RegisterBody = z.infer<typeof RegisterBody>
export type LoginBody = z.infer<typeof LoginBody>
