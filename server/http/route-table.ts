/**
 * Mounting the route table (shared/routes.ts) on express: each route gets its
 * rate limit, its parameters, query and body parsed with the schemas it names
 * (a 400 listing the problems otherwise), and its handler's answer sent with
 * the route's status. Handlers are given as one object with a function per
 * route name, so a declared route without a handler, or a handler for a route
 * the table does not have, fails to compile.
 */
import type { Request, RequestHandler, Response, Router } from 'express'
import type { z } from 'zod'
import * as api from '../../shared/api.ts'
import { ROUTES, type Route, type RouteName } from '../../shared/routes.ts'
import type { OutputOf, PathParams, RouteDecl, RouteLimit, SchemaName } from '../../shared/route.ts'
import type { UserRecord } from '../store/store.ts'
import { parse } from './validate.ts'

/** An answer with another status than the route's usual one (e.g. 200 for a repeated report, 201 for a created council). */
export class Reply<T> {
  constructor (readonly status: number, readonly body: T) {}
}

/** The type of SENT (a class, so that no JSON answer can be mistaken for it). */
export class Sent { private readonly sent = true }

/** What a handler returns when it answered by itself (a file, a stream, a redirect). */
export const SENT = new Sent()

type ParamsIn<D extends RouteDecl> = D extends { params: infer P } ? OutputOf<P> : Record<PathParams<D['path']>, string>
type QueryIn<D extends RouteDecl> = D extends { query: infer Q } ? OutputOf<Q> : undefined
type BodyIn<D extends RouteDecl> = D extends { body: infer B } ? OutputOf<B> : undefined
type Answer<D extends RouteDecl> = D extends { response: infer R } ? OutputOf<R> : D extends { status: 204 } ? void : unknown

/** What a handler is given: the parsed request, who asks, and express's objects for headers and cookies. */
export interface RouteInput<K extends RouteName> {
  params: ParamsIn<Route<K>>
  query: QueryIn<Route<K>>
  body: BodyIn<Route<K>>
  actor: UserRecord | null
  req: Request
  res: Response
}

/** The handler of route `K`: its answer (sent as JSON with the route's status), a Reply, or SENT. */
export type RouteHandler<K extends RouteName> =
  (input: RouteInput<K>) => Promise<Answer<Route<K>> | Reply<Answer<Route<K>>> | Sent> | Answer<Route<K>> | Reply<Answer<Route<K>>> | Sent

/** One handler per route of the table. */
export type RouteHandlers = { [K in RouteName]: RouteHandler<K> }

const schemas = api as unknown as Record<SchemaName, z.ZodType>

/** The zod schema the route table calls `name` (an export of shared/api.ts). */
export function schemaNamed (name: SchemaName): z.ZodType {
  return schemas[name]
}

/** What reads a request's body: the JSON parsers (the usual size limit, the larger one) and what cleans its text. */
export interface BodyReaders { json: RequestHandler; largeJson: RequestHandler; clean: RequestHandler }

/**
 * Mounts every route of the table on `router`, in the table's order, each
 * behind the rate limit it names; only routes that take a body read one
 * (after the limits: a refused request is not parsed).
 */
export function mountRoutes (router: Router, handlers: RouteHandlers, limits: Record<RouteLimit, RequestHandler>, body: BodyReaders): void {
  for (const name of Object.keys(ROUTES) as RouteName[]) {
    const decl: RouteDecl = ROUTES[name]
    const handler = handlers[name] as (input: RouteInput<RouteName>) => unknown
    const before = [
      ...decl.limit ? [limits[decl.limit]] : [],
      ...decl.body ? [decl.largeBody ? body.largeJson : body.json, body.clean] : []
    ]
    router[decl.method](decl.path, ...before, async (req: Request, res: Response) => {
      const input = {
        params: decl.params ? parse(schemaNamed(decl.params), req.params, 'params') : req.params,
        query: decl.query ? parse(schemaNamed(decl.query), req.query, 'query') : undefined,
        body: decl.body ? parse(schemaNamed(decl.body), req.body ?? {}) : undefined,
        actor: req.actor,
        req,
        res
      } as RouteInput<RouteName>
      const out = await handler(input)
      if (out === SENT) return
      const [status, body] = out instanceof Reply ? [out.status, out.body as unknown] : [decl.status ?? 200, out]
      if (status === 204 || body === undefined) res.status(status).end()
      else res.status(status).json(body)
    })
  }
}
