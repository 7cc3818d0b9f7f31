/** Handlers of the wording services: parse a dispositif, apply one to a text (anyone; per-address limits as other writes). */
import { applyDispositif, parseDispositif } from '../../domain/wording.ts'
import type { RouteHandlers } from '../route-table.ts'

/** The wording handlers. */
export function wordingHandlers () {
  return {
    parseWording: ({ body }) => ({ operations: parseDispositif(body.text, body.lang) }),

    applyWording: ({ body }) => applyDispositif(body.text, body.lang, body.alineas)
  } satisfies Partial<RouteHandlers>
}
