/** Personal API tokens: list and revoke; "log out everywhere". */
import { z } from 'zod'

/** Days an API token lasts when its creator does not say (and the most they may ask for). */
export const TOKEN_DAYS = { default: 90, max: 365 } as const

export const TokenView = z.object({
  id: z.string().describe('the token\'s stored id (the SHA-256 of its secret); the secret itself is shown once, at creation'),
  name: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable().describe('null only for tokens made before tokens expired')
}).meta({ id: 'TokenView' })

export const TokenList = z.object({ items: z.array(TokenView) }).meta({ id: 'TokenList' })

export type TokenView = z.infer<typeof TokenView>
