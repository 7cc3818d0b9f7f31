/**
 * The route table: every route of the HTTP API under /api/v1, declared once
 * (shared/route.ts says what a declaration holds). The server mounts exactly
 * these routes (server/http/route-table.ts: a route without its handler, or
 * a handler without its route, fails to compile), the OpenAPI document is
 * written from them (server/http/openapi.ts), and the client's and the tests'
 * calls are typed by them (client/api.ts `call`, test/helpers/server.ts).
 */
import type { RouteDecl } from './route.ts'
import { ACCOUNT_ROUTES } from './routes/accounts.ts'
import { IDENTITY_ROUTES } from './routes/identity.ts'
import { BILL_ROUTES } from './routes/bills.ts'
import { AMENDMENT_ROUTES } from './routes/amendments.ts'
import { DEBATE_ROUTES } from './routes/debate.ts'
import { COUNCIL_ROUTES } from './routes/council.ts'

/** Every route, by name (the name is the OpenAPI operationId). */
// The order is the router's: the busiest routes (reading bills, voting) come first.
export const ROUTES = {
  ...BILL_ROUTES,
  ...AMENDMENT_ROUTES,
  ...DEBATE_ROUTES,
  ...ACCOUNT_ROUTES,
  ...IDENTITY_ROUTES,
  ...COUNCIL_ROUTES
} as const satisfies Record<string, RouteDecl>

/** The name of a route of the table. */
export type RouteName = keyof typeof ROUTES
/** The declaration of route `K`. */
export type Route<K extends RouteName> = (typeof ROUTES)[K]
