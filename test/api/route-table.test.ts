/**
 * The route table (shared/routes.ts) is the one declaration of the API: the
 * server mounts every route of it and no other, the OpenAPI document has one
 * operation per route, and the test client refuses answers that break it.
 */
import assert from 'node:assert/strict'
import { z } from 'zod'
import { ROUTES, type RouteName } from '../../shared/routes.ts'
import { fillPath, queryString, type RouteDecl } from '../../shared/route.ts'
import { schemaNamed } from '../../server/http/route-table.ts'
import { ACCOUNT_ROUTES } from '../../shared/routes/accounts.ts'
import { IDENTITY_ROUTES } from '../../shared/routes/identity.ts'
import { BILL_ROUTES } from '../../shared/routes/bills.ts'
import { AMENDMENT_ROUTES } from '../../shared/routes/amendments.ts'
import { DEBATE_ROUTES } from '../../shared/routes/debate.ts'
import { COUNCIL_ROUTES } from '../../shared/routes/council.ts'
import { checkAnswer, publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

const entries = Object.entries(ROUTES) as [RouteName, RouteDecl][]

describe('Route table', () => {
  const s = serverSuite()

  it('names each route once, and each method and path once', () => {
    const parts = [ACCOUNT_ROUTES, IDENTITY_ROUTES, BILL_ROUTES, AMENDMENT_ROUTES, DEBATE_ROUTES, COUNCIL_ROUTES]
    assert.equal(entries.length, parts.reduce((n, p) => n + Object.keys(p).length, 0), 'two parts of the table use the same name')
    const keys = entries.map(([, r]) => `${r.method} ${r.path.replace(/:\w+/g, ':')}`)
    assert.deepEqual(keys.filter((k, i) => keys.indexOf(k) !== i), [])
  })

  it('names only zod schemas of shared/api.ts, objects for params and queries', () => {
    for (const [name, route] of entries) {
      for (const field of ['params', 'query', 'body', 'response'] as const) {
        const schemaName = route[field]
        if (!schemaName) continue
        assert.ok(schemaNamed(schemaName) instanceof z.ZodType, `${name}.${field}: ${schemaName} is not a schema`)
        if (field === 'params' || field === 'query') assert.ok(schemaNamed(schemaName) instanceof z.ZodObject, `${name}.${field} is not an object`)
      }
    }
  })

  it('mounts every route of the table', async () => {
    const c = s.client()
    for (const [name, route] of entries) {
      const params = Object.fromEntries([...route.path.matchAll(/:(\w+)/g)].map(m => [m[1], '1']))
      const r = await c.request(route.method.toUpperCase(), fillPath(route.path, params), route.method === 'get' ? undefined : {})
      const message = (r.body as { error?: { message?: string } } | null)?.error?.message ?? ''
      assert.ok(!message.startsWith('no route'), `${name} (${route.method} ${route.path}) is not mounted`)
    }
  })

  it('mounts nothing the table does not declare', async () => {
    const r = await s.client().get('/articles/1/votes')
    assert.equal(r.status, 404)
    assert.match(r.body.error.message, /^no route/)
  })

  it('writes one OpenAPI operation per route, named after it', async () => {
    const doc = (await s.client().get('/openapi.json')).body as { paths: Record<string, Record<string, { operationId: string; parameters?: { name: string; in: string }[] }>> }
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
    assert.equal(operations.length, entries.length)
    for (const [name, route] of entries) {
      const op = doc.paths[route.path.replace(/:(\w+)/g, '{$1}')]?.[route.method]
      assert.equal(op?.operationId, name)
      const declared = [...route.path.matchAll(/:(\w+)/g)].map(m => m[1])
      assert.deepEqual((op.parameters ?? []).filter(p => p.in === 'path').map(p => p.name), declared, `${name}'s path parameters`)
    }
    const revision = doc.paths['/bills/{billId}/revisions/{n}'].get.parameters!.find(p => p.name === 'n') as unknown as { schema: { type: string; minimum: number } }
    assert.equal(revision.schema.type, 'integer')
    assert.equal(revision.schema.minimum, 1)
  })

  it('describes every field a caller sends: body properties, query and path parameters', async () => {
    type Schema = { $ref?: string; description?: string; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; oneOf?: Schema[] }
    type Op = { operationId: string; parameters?: { name: string; in: string; description?: string; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } }
    const doc = (await s.client().get('/openapi.json')).body as { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Schema> } }
    const missing: string[] = []
    const seen = new Set<string>()
    const walk = (schema: Schema | undefined, where: string): void => {
      if (!schema) return
      if (schema.$ref) {
        const name = schema.$ref.split('/').pop()!
        if (!seen.has(name)) { seen.add(name); walk(doc.components.schemas[name], name) }
        return
      }
      for (const [field, value] of Object.entries(schema.properties ?? {})) {
        if (!value.description && !value.$ref) missing.push(`${where}.${field}`)
        walk(value, `${where}.${field}`)
      }
      walk(schema.items, where)
      for (const s of [...schema.anyOf ?? [], ...schema.oneOf ?? []]) walk(s, where)
    }
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        for (const p of op.parameters ?? []) {
          if (p.in !== 'path' && !p.description && !p.schema?.description) missing.push(`${op.operationId} ?${p.name}`)
        }
        walk(op.requestBody?.content['application/json'].schema, `${op.operationId} body`)
      }
    }
    assert.deepEqual(missing, [])
  })

  it('fills paths and queries as the client sends them', () => {
    assert.equal(fillPath(ROUTES.getRevision.path, { billId: 'a b/c', n: '2' }), '/bills/a%20b%2Fc/revisions/2')
    assert.throws(() => fillPath(ROUTES.getRevision.path, { billId: 'x' }), RangeError)
    assert.equal(queryString({ sort: 'recent', cursor: undefined, status: '', limit: 20, seed: 'é&' }), 'sort=recent&limit=20&seed=%C3%A9%26')
  })

  it('refuses an answer that breaks its route\'s schema, or an error that is not an error body', () => {
    const url = `${s.url}/api/v1/articles/x/vote`
    const tally = { for: 1, mixed: 0, against: 0 }
    assert.throws(() => checkAnswer('PUT', url, 200, 'application/json; charset=utf-8', { ...tally, for: 'one' }), /voteArticle.*breaks Tally/s)
    assert.throws(() => checkAnswer('PUT', url, 422, 'application/json', { message: 'closed' }), /breaks ErrorBody/)
    checkAnswer('PUT', url, 200, 'application/json', tally)
    checkAnswer('PUT', url, 422, 'application/json', { error: { code: 'consultation_closed', message: 'closed' } })
    checkAnswer('GET', `${s.url}/api/v1/bills/b/export`, 200, 'text/csv', 'a;b')
  })

  it('types and checks a call made through the table', async () => {
    const author = await s.as('author')
    const published = await publishedBill(author)
    const bill = await author.call('getBill', { params: { billId: published.id } })
    assert.equal(bill.body.articles[1].alineas[0], 'Le délai est de trente jours.')
    const list = await author.call('listAmendments', { params: { articleId: bill.body.articles[0].id }, query: { sort: 'recent', limit: 5 } })
    assert.equal(list.status, 200, JSON.stringify(list.body))
    assert.deepEqual(list.body.items, [])
  })
})
