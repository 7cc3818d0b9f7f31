/**
 * Starts a real Alinea server on port 0 over a fresh SQLite file (or the
 * given store), and gives HTTP clients that keep their session cookie. Every
 * answer a client receives is checked against the route table: a success
 * against its route's response schema, an error against the error body, so
 * any test that calls a route also checks that the server keeps its contract.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import type { Router } from 'express'
import { loadConfig, type Config } from '../../server/config.ts'
import { createApp, type App } from '../../server/app.ts'
import { openSqliteStore } from '../../server/store/sqlite/index.ts'
import type { Store } from '../../server/store/store.ts'
import type { Role } from '../../shared/types.ts'
import { register } from '../../server/domain/accounts.ts'
import { z } from 'zod'
import * as api from '../../shared/api.ts'
import { ROUTES, type Route, type RouteName } from '../../shared/routes.ts'
import { fillPath, queryString, type CallInput, type ResponseOf, type RouteDecl } from '../../shared/route.ts'
import { schemaNamed } from '../../server/http/route-table.ts'

export interface TestServer {
  app: App
  url: string
  dir: string
  /** A new client with its own cookie jar. */
  client (): ApiClient
  /** Registers a user with the given role directly (address verified: a full participant) and returns a signed-in client. */
  as (role: Role, name?: string): Promise<ApiClient & { userId: string }>
  stop (): Promise<void>
}

/** Starts a server; `config` overrides settings (limits, per address and per user, are off unless asked). */
export async function startServer (options: { config?: Partial<Config>; store?: Store; now?: () => Date; mount?: (api: Router) => void } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'alinea-test-'))
  const config = loadConfig({}, { dbFile: join(dir, 'alinea.db'), ipLimits: false, contributionsPerMinute: 0, amendmentsPerArticlePerHour: 0, maxSocketsPerUser: 0, maxSocketsPerAddress: 0, logLevel: 'silent', demo: false, clientDir: join(dir, 'no-client'), ...options.config })
  const store = options.store ?? openSqliteStore(config.dbFile)
  const app = createApp(config, store, { log: pino({ level: 'silent' }), now: options.now, mount: options.mount })
  const port = await app.listen(0, '127.0.0.1')
  const url = `http://127.0.0.1:${port}`
  // Links in mails lead to this server unless the test said otherwise.
  if (!options.config?.publicUrl) config.publicUrl = url
  let n = 0
  const server: TestServer = {
    app,
    url,
    dir,
    client: () => new ApiClient(url),
    async as (role, name) {
      const email = `${name ?? role}${n++}@example.org`
      const password = 'correct horse battery'
      const user = await register(app.ctx, { email, password, displayName: name ?? `${role} ${n}` }, role, { emailVerified: true })
      const c = new ApiClient(url)
      const r = await c.call('login', { body: { email, password } })
      if (r.status !== 200) throw new Error(`login failed: ${r.status}`)
      return Object.assign(c, { userId: user.id })
    },
    async stop () {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return server
}

/** A response with its parsed JSON body. */
export interface ApiResponse<T = any> { status: number; body: T; headers: Headers }

// Routes without path parameters first, so that `/bills/import` is not read as `/bills/:billId`.
const matchers = (Object.entries(ROUTES) as [RouteName, RouteDecl][])
  .map(([name, route]) => ({ name, route, method: route.method.toUpperCase(), params: route.path.split(':').length - 1, re: new RegExp(`^/api/v1${route.path.replace(/:\w+/g, '[^/]+')}$`) }))
  .sort((a, b) => a.params - b.params)

/**
 * Throws when an answer breaks the contract: a success of a route that names
 * a response schema must parse with it, and any JSON error must be an ErrorBody.
 */
export function checkAnswer (method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  if (!contentType?.startsWith('application/json')) return
  const path = new URL(url).pathname
  const match = matchers.find(m => m.method === method && m.re.test(path))
  const schema = status >= 400 ? api.ErrorBody : match?.route.response && status < 300 ? schemaNamed(match.route.response) : null
  if (!schema) return
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const what = status >= 400 ? 'ErrorBody' : match!.route.response
    throw new Error(`${method} ${path} (${match?.name ?? 'no route'}): the ${status} answer breaks ${what}:\n${z.prettifyError(parsed.error)}`)
  }
}

/** A fetch-based client of /api/v1 with a cookie jar of one cookie. */
export class ApiClient {
  cookie: string | null = null
  token: string | null = null
  constructor (readonly base: string) {}

  async request<T = any> (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers }
    if (body !== undefined && typeof body !== 'string') h['content-type'] = 'application/json'
    if (typeof body === 'string' && !h['content-type']) h['content-type'] = 'application/json'
    if (this.cookie) h.cookie = this.cookie
    if (this.token) h.authorization = `Bearer ${this.token}`
    const url = this.base + (path.startsWith('/api') || path.startsWith('/healthz') ? path : '/api/v1' + path)
    const res = await fetch(url, {
      method, headers: h, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    })
    const set = res.headers.getSetCookie()
    for (const c of set) {
      const [pair] = c.split(';')
      if (pair.startsWith('alinea_session=')) this.cookie = pair.endsWith('=') ? null : pair
    }
    const text = await res.text()
    let parsed: unknown = text
    try { parsed = text ? JSON.parse(text) : null } catch { /* not JSON */ }
    checkAnswer(method, url, res.status, res.headers.get('content-type'), parsed)
    return { status: res.status, body: parsed as T, headers: res.headers }
  }

  /** Calls route `name` of the table; the answer is typed by the route (and checked against it, as every answer is). */
  call<K extends RouteName> (name: K, input: CallInput<Route<K>>): Promise<ApiResponse<ResponseOf<Route<K>>>> {
    const route: RouteDecl = ROUTES[name]
    const qs = queryString(input.query as object | undefined)
    const path = fillPath(route.path, input.params as Record<string, string> | undefined) + (qs ? `?${qs}` : '')
    return this.request<ResponseOf<Route<K>>>(route.method.toUpperCase(), path, input.body)
  }

  get<T = any> (path: string) { return this.request<T>('GET', path) }
  post<T = any> (path: string, body?: unknown) { return this.request<T>('POST', path, body) }
  put<T = any> (path: string, body?: unknown) { return this.request<T>('PUT', path, body) }
  patch<T = any> (path: string, body?: unknown) { return this.request<T>('PATCH', path, body) }
  delete<T = any> (path: string) { return this.request<T>('DELETE', path) }
}

/**
 * Creates and publishes a bill with the given articles as this author; returns the bill view.
 * It asks nothing of participants (`requirements` []) unless told: tests of requirements pass them.
 */
export async function publishedBill (author: ApiClient, articles: { num: string; alineas: string[] }[] = [
  { num: '1er', alineas: ['Premier alinéa de l\'article premier.'] },
  { num: '2', alineas: ['Le délai est de trente jours.', 'Un décret fixe les modalités.'] }
], closesInDays = 30, requirements: api.BillView['requirements'] = []): Promise<api.BillView> {
  const created = await author.call('createBill', { body: { title: 'Projet de loi de test', summary: 'Résumé', articles } })
  if (created.status !== 201) throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`)
  const billId = created.body.id
  const patched = await author.call('updateBill', { params: { billId }, body: { requirements } })
  if (patched.status !== 200) throw new Error(`requirements failed: ${patched.status} ${JSON.stringify(patched.body)}`)
  const pub = await author.call('publishBill', { params: { billId }, body: { closesAt: new Date(Date.now() + closesInDays * 86_400_000).toISOString() } })
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`)
  return pub.body
}
