/**
 * The OpenAPI 3.1 document of the API, written from the route table
 * (shared/routes.ts) and the zod schemas it names in shared/api.ts (zod's own
 * JSON Schema output, which OpenAPI 3.1 accepts), so the documentation cannot
 * drift from what the server mounts and validates.
 */
import { z } from 'zod'
import * as api from '../../shared/api.ts'
import { ROUTES } from '../../shared/routes.ts'
import type { RouteDecl } from '../../shared/route.ts'
import { schemaNamed } from './route-table.ts'

const STATUS_TEXT: Record<number, string> = {
  400: 'invalid input', 401: 'not signed in', 403: 'not allowed', 404: 'not found', 409: 'conflict',
  413: 'body too large', 422: 'a rule forbids it (e.g. consultation closed)', 429: 'rate limited'
}

/** All schemas of shared/api.ts that carry an id, as OpenAPI components (requests as input, the rest as output). */
function components (): { schemas: Record<string, unknown>; ref: (s: z.ZodType, io: 'input' | 'output') => unknown } {
  const uri = (id: string) => `#/components/schemas/${id}`
  const gen = (io: 'input' | 'output') => (z.toJSONSchema(z.globalRegistry, { io, uri, unrepresentable: 'any', target: 'draft-2020-12' }) as { schemas: Record<string, Record<string, unknown>> }).schemas
  const inputs = gen('input')
  const outputs = gen('output')
  const requestIds = new Set(Object.values(ROUTES).flatMap((r: RouteDecl) => r.body ? [z.globalRegistry.get(schemaNamed(r.body))?.id] : []))
  const schemas: Record<string, unknown> = {}
  for (const [id, schema] of Object.entries(outputs)) {
    const chosen = requestIds.has(id) ? inputs[id] : schema
    delete chosen.$schema
    delete chosen.id
    delete chosen.$id
    schemas[id] = chosen
  }
  const ref = (s: z.ZodType, io: 'input' | 'output') => {
    const id = z.globalRegistry.get(s)?.id
    if (id) return { $ref: uri(id) }
    const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>
    delete json.$schema
    return json
  }
  return { schemas, ref }
}

/** Builds the OpenAPI document. */
export function openApiDocument (): Record<string, unknown> {
  const { schemas, ref: schemaOf } = components()
  const paths: Record<string, Record<string, unknown>> = {}
  for (const [name, route] of Object.entries(ROUTES) as [string, RouteDecl][]) {
    const path = route.path.replace(/:(\w+)/g, '{$1}')
    const paramShape = route.params ? (schemaNamed(route.params) as z.ZodObject).shape : {}
    const params: Record<string, unknown>[] = [...route.path.matchAll(/:(\w+)/g)].map(m => ({
      name: m[1], in: 'path', required: true, schema: paramShape[m[1]] ? schemaOf(paramShape[m[1]] as z.ZodType, 'input') : { type: 'string' }
    }))
    const query = route.query ? (schemaNamed(route.query) as z.ZodObject).shape : {}
    for (const [field, schema] of Object.entries(query)) {
      params.push({ name: field, in: 'query', required: !(schema as z.ZodType).safeParse(undefined).success, schema: schemaOf(schema as z.ZodType, 'input') })
    }
    const status = route.status ?? 200
    const responses: Record<string, unknown> = {
      [String(status)]: route.response
        ? { description: 'success', content: { 'application/json': { schema: schemaOf(schemaNamed(route.response), 'output') } } }
        : { description: status === 302 ? 'redirect' : 'success' }
    }
    for (const [code, description] of Object.entries(STATUS_TEXT)) {
      responses[code] = { description, content: { 'application/json': { schema: schemaOf(api.ErrorBody, 'output') } } }
    }
    paths[path] ??= {}
    paths[path][route.method] = {
      operationId: name,
      summary: route.summary,
      description: `Who: ${route.who}.` + (route.limit ? ` Rate limited (${route.limit}).` : ''),
      parameters: params.length ? params : undefined,
      requestBody: route.body ? { required: true, content: { 'application/json': { schema: schemaOf(schemaNamed(route.body), 'input') } } } : undefined,
      responses
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Alinea API', version: '1', description: 'Legislative co-writing: bills, articles, votes, amendments, arguments. JSON; errors are { error: { code, message, details } }.' },
    servers: [{ url: '/api/v1' }],
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'alinea_session' },
        token: { type: 'http', scheme: 'bearer' }
      }
    },
    security: [{}, { session: [] }, { token: [] }],
    paths
  }
}
