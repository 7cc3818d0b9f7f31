/**
 * Every handler of the route table, gathered: the object must have exactly
 * one handler per route of shared/routes.ts (checked by `RouteHandlers`).
 */
import type { Ctx } from '../../domain/context.ts'
import type { RouteHandlers } from '../route-table.ts'
import { accountHandlers } from './accounts.ts'
import { identityHandlers } from './identity.ts'
import { followHandlers } from './follows.ts'
import { oidcHandlers } from './oidc.ts'
import { billHandlers } from './bills.ts'
import { billImportHandlers } from './bill-import.ts'
import { wordingHandlers } from './wording.ts'
import { exportHandlers } from './exports.ts'
import { healthHandlers } from './health.ts'
import { amendmentHandlers } from './amendments.ts'
import { billAmendmentHandlers } from './bill-amendments.ts'
import { debateHandlers } from './debate.ts'
import { moderationHandlers } from './moderation.ts'
import { councilHandlers } from './council.ts'

/** The handlers of every route. */
export function routeHandlers (ctx: Ctx): RouteHandlers {
  return {
    ...accountHandlers(ctx),
    ...identityHandlers(ctx),
    ...followHandlers(ctx),
    ...oidcHandlers(ctx),
    ...billHandlers(ctx),
    ...billImportHandlers(ctx),
    ...wordingHandlers(),
    ...exportHandlers(ctx),
    ...healthHandlers(ctx),
    ...amendmentHandlers(ctx),
    ...billAmendmentHandlers(ctx),
    ...debateHandlers(ctx),
    ...moderationHandlers(ctx),
    ...councilHandlers(ctx)
  }
}
