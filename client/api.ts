/**
 * The client's calls to /api/v1, through the route table (shared/routes.ts):
 * `call` takes a route's name and its parameters, query and body, all typed
 * from the table, and returns its typed answer. The table names its schemas
 * rather than holding them, and types come from shared/api.ts through
 * type-only imports, so zod never reaches the client bundle. The session is
 * the server's httpOnly cookie: nothing is stored here.
 */
import type { z } from 'zod'
import type {
  BillSummaryView, BillView, ArticleView, LoginBody, PublishBody, RegisterBody, RevisionView, Tally as TallySchema, User as UserSchema,
  AmendmentCreateBody, AmendmentView, ArgumentView, AddArticleBody, BillImportBody, BillImportResult, AmendmentSort
} from '../shared/api.ts'
import type { AmendmentStatus, ArgumentSide, ReportReason, VoteValue } from '../shared/types.ts'
import type { FieldError } from '../shared/error-codes.ts'
import { ROUTES, type Route, type RouteName } from '../shared/routes.ts'
import { fillPath, queryString, type CallInput, type ResponseOf } from '../shared/route.ts'

export type { BillSummaryView, BillView, ArticleView, LoginBody, PublishBody, RegisterBody, RevisionView, VoteValue }
export type { AmendmentCreateBody, AmendmentView, ArgumentView, ArgumentSide, ReportReason, AddArticleBody, BillImportBody, BillImportResult }
/** Orders of an article's amendments (shared/api/amendments.ts) and of a side's arguments. */
export type { AmendmentSort }
export type ArgumentSort = 'upvotes' | 'recent'
/** What an argument is about, and what can be reported. */
export type ArgumentTargetRef = { type: 'article' | 'amendment'; id: string }
export type ReportTargetRef = { type: 'argument' | 'amendment'; id: string }
export type User = z.infer<typeof UserSchema>
export type Tally = z.infer<typeof TallySchema>
export type Page<T> = { items: T[]; next: string | null }

/**
 * An API failure: `status` is the HTTP status (0 when the server could not
 * be reached), `code` and `message` come from the server's error body.
 */
export class ApiError extends Error {
  /** `fields`: for a 400 against a schema, each field's problem (shared/error-codes.ts). */
  constructor (readonly status: number, readonly code: string, message: string, readonly details?: unknown, readonly fields: FieldError[] = []) {
    super(message)
    this.name = 'ApiError'
  }
}

const BASE = '/api/v1'

/** Sends one request and returns its JSON body; throws ApiError with the server's message. */
export async function request<T> (method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal
    })
  } catch (err) {
    if (signal?.aborted) throw err
    throw new ApiError(0, 'network', '')
  }
  const text = await res.text()
  let data: unknown = null
  if (text) {
    try { data = JSON.parse(text) } catch { data = null }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; details?: unknown; fields?: unknown } } | null)?.error
    throw new ApiError(res.status, e?.code ?? 'http_' + res.status, e?.message ?? '', e?.details, Array.isArray(e?.fields) ? e.fields as FieldError[] : [])
  }
  return data as T
}

/**
 * Calls route `name` of the table with its path parameters, query and body;
 * returns its answer, typed by the route's response schema.
 */
export function call<K extends RouteName> (name: K, input: CallInput<Route<K>>, signal?: AbortSignal): Promise<ResponseOf<Route<K>>> {
  const route = ROUTES[name]
  const qs = queryString(input.query as object | undefined)
  const path = fillPath(route.path, input.params as Record<string, string> | undefined) + (qs ? `?${qs}` : '')
  return request<ResponseOf<Route<K>>>(route.method.toUpperCase(), path, input.body, signal)
}

/** The calls the client makes, one function per use. */
export const api = {
  me: (signal?: AbortSignal) => call('me', {}, signal),
  login: (body: LoginBody) => call('login', { body }),
  register: (body: RegisterBody) => call('register', { body }),
  logout: () => call('logout', {}),

  bills: (signal?: AbortSignal) => call('listBills', {}, signal),
  bill: (id: string, signal?: AbortSignal) => call('getBill', { params: { billId: id } }, signal),
  article: (id: string, signal?: AbortSignal) => call('getArticle', { params: { articleId: id } }, signal),
  revision: (id: string, n: number, signal?: AbortSignal) => call('getRevision', { params: { billId: id, n: String(n) } }, signal),
  publish: (id: string, body: PublishBody) => call('publishBill', { params: { billId: id }, body }),

  voteArticle: (id: string, value: VoteValue) => call('voteArticle', { params: { articleId: id }, body: { value } }),
  unvoteArticle: (id: string) => call('unvoteArticle', { params: { articleId: id } }),

  amendments: (articleId: string, q: { sort: AmendmentSort; cursor?: string | null; seed?: string }, signal?: AbortSignal) =>
    call('listAmendments', { params: { articleId }, query: q }, signal),
  amendment: (id: string, signal?: AbortSignal) => call('getAmendment', { params: { amendmentId: id } }, signal),
  propose: (articleId: string, body: AmendmentCreateBody) => call('proposeAmendment', { params: { articleId }, body }),
  voteAmendment: (id: string, value: VoteValue) => call('voteAmendment', { params: { amendmentId: id }, body: { value } }),
  unvoteAmendment: (id: string) => call('unvoteAmendment', { params: { amendmentId: id } }),
  importBill: (body: BillImportBody) => call('importBill', { body }),
  proposeArticle: (billId: string, body: AddArticleBody) => call('proposeAdditionalArticle', { params: { billId }, body }),
  billAmendments: (billId: string, q: { sort: 'discussion' | 'recent'; kind?: 'article' | 'addArticle'; status?: AmendmentStatus; cursor?: string | null; limit?: string }, signal?: AbortSignal) =>
    call('listBillAmendments', { params: { billId }, query: q }, signal),
  withdraw: (id: string) => call('withdrawAmendment', { params: { amendmentId: id }, body: {} }),
  rebase: (id: string) => call('rebaseAmendment', { params: { amendmentId: id }, body: {} }),

  arguments: (target: ArgumentTargetRef, q: { side: ArgumentSide; sort: ArgumentSort; cursor?: string | null }, signal?: AbortSignal) => target.type === 'article'
    ? call('listArticleArguments', { params: { articleId: target.id }, query: q }, signal)
    : call('listAmendmentArguments', { params: { amendmentId: target.id }, query: q }, signal),
  postArgument: (target: ArgumentTargetRef, side: ArgumentSide, body: string) => target.type === 'article'
    ? call('postArticleArgument', { params: { articleId: target.id }, body: { side, body } })
    : call('postAmendmentArgument', { params: { amendmentId: target.id }, body: { side, body } }),
  upvote: (id: string) => call('upvoteArgument', { params: { argumentId: id }, body: undefined }),
  unupvote: (id: string) => call('removeUpvote', { params: { argumentId: id } }),

  report: (target: ReportTargetRef, reason: ReportReason, body?: string) =>
    call('report', { body: body ? { target, reason, body } : { target, reason } })
}
