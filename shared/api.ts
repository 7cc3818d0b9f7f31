/**
 * The HTTP contract as zod schemas: every request body the server accepts
 * and every response body it sends. The server validates with them, the
 * client types its calls with them, and the OpenAPI document is built from
 * them (server/http/openapi.ts).
 *
 * Request objects are strict: an unknown field is a 400, not silently ignored.
 */
export * from './api/common.ts'
export * from './api/accounts.ts'
export * from './api/bills.ts'
export * from './api/debate.ts'
export * from './api/amendments.ts'
export * from './api/synthesis.ts'
export * from './api/tokens.ts'
export * from './api/council.ts'
export * from './api/wording.ts'
export * from './api/bill-import.ts'
export * from './api/bill-amendments.ts'
export * from './api/identity.ts'
export * from './api/revision-compare.ts'
export * from './api/workspace.ts'
