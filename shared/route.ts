/**
 * What a route of the HTTP API is: its method, path, who may call it, a
 * one-line summary and the names of the zod schemas (in shared/api.ts) of
 * its parameters, query, body and answer. The route table (shared/routes.ts)
 * declares each route once with this shape; the server mounts and validates
 * from it, the OpenAPI document is written from it, the client and the test
 * client call through it.
 *
 * Schemas are named, not referenced: the table holds strings, so the client
 * imports it without pulling zod into its bundle, while the names are checked
 * against shared/api.ts's exports by the compiler.
 */
import type { z } from 'zod'
import type * as Api from './api.ts'

/** The HTTP methods of the API (lower case, as express's router names them). */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete'

/** The exports of shared/api.ts that are zod schemas. */
export type SchemaName = { [K in keyof typeof Api]: (typeof Api)[K] extends z.ZodType ? K : never }[keyof typeof Api]

/** The rate limits a route may ask for on top of the per-address write limit. */
export type RouteLimit = 'login' | 'register' | 'expensive'

/** One route, as the table declares it. */
export interface RouteDecl {
  readonly method: Method
  /** Express syntax: `/articles/:articleId/vote`. */
  readonly path: string
  /** Who may call it, in words (the server enforces it in the domain). */
  readonly who: string
  /** What it does, in one line. */
  readonly summary: string
  /** The path parameters' schema, when they are more than strings. */
  readonly params?: SchemaName
  readonly query?: SchemaName
  readonly body?: SchemaName
  /** The JSON answer; none for 204s, redirects and files. */
  readonly response?: SchemaName
  /** The success status, 200 unless said. */
  readonly status?: number
  readonly limit?: RouteLimit
  /** The body may run to megabytes (official amendment files): a larger size limit than other bodies. */
  readonly largeBody?: true
}

/** The names of the `:params` of a path, as a union. */
export type PathParams<P extends string> =
  P extends `${string}:${infer N}/${infer Rest}` ? N | PathParams<`/${Rest}`>
    : P extends `${string}:${infer N}` ? N : never

type Schemas = typeof Api
/** What a client sends for schema `N`. */
export type InputOf<N> = N extends SchemaName ? z.input<Schemas[N]> : never
/** What a schema `N` gives once parsed (the server's view of a request, anyone's view of an answer). */
export type OutputOf<N> = N extends SchemaName ? z.output<Schemas[N]> : never

/** The answer of route `D`; `unknown` for routes without a JSON schema. */
export type ResponseOf<D extends RouteDecl> = D extends { response: infer R } ? OutputOf<R> : unknown

/** A query as a caller writes it: a value left empty may be null (it is not sent, as queryString leaves it out). */
type QueryInput<Q> = { [K in keyof Q]?: Q[K] | null }

/** What a caller gives route `D`: its path parameters, query and body, each only when the route has them. */
export type CallInput<D extends RouteDecl> =
  ([PathParams<D['path']>] extends [never] ? { params?: undefined } : { params: Record<PathParams<D['path']>, string> }) &
  (D extends { query: infer Q } ? { query?: QueryInput<InputOf<Q>> } : { query?: undefined }) &
  (D extends { body: infer B } ? { body: InputOf<B> } : { body?: undefined })

/** The path of route `D` with its parameters filled in (each URI-encoded). */
export function fillPath (path: string, params: Record<string, string> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new RangeError(`missing path parameter ${name} of ${path}`)
    return encodeURIComponent(value)
  })
}

/** A query string (without `?`) of the defined, non-empty values of `query`. */
export function queryString (query: object | undefined): string {
  const parts: string[] = []
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
  }
  return parts.join('&')
}
