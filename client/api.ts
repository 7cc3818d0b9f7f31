/**
 * A typed fetch wrapper over /api/v1. Types come from shared/api.ts through
 * type-only imports, so zod never reaches the client bundle. The session is
 * the server's httpOnly cookie: nothing is stored here.
 */
import type { z } from 'zod'
import type {
  BillList, BillSummaryView, BillView, ArticleView, LoginBody, PublishBody, RegisterBody, RevisionView, Tally as TallySchema, User as UserSchema,
  AmendmentCreateBody, AmendmentView, ArgumentView, ReportView, AddArticleBody, BillImportBody, BillImportResult, AmendmentSort
} from '../shared/api.ts'
import type { ArgumentSide, ReportReason, VoteValue } from '../shared/types.ts'
import type { FieldError } from '../shared/error-codes.ts'

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
type BillListView = z.infer<typeof BillList>

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

/** The calls the client makes, one function per route. */
export const api = {
  me: (signal?: AbortSignal) => request<User>('GET', '/me', undefined, signal),
  login: (body: LoginBody) => request<User>('POST', '/auth/login', body),
  register: (body: RegisterBody) => request<User>('POST', '/auth/register', body),
  logout: () => request<null>('POST', '/auth/logout', {}),

  bills: (signal?: AbortSignal, cursor?: string) =>
    request<BillListView>('GET', '/bills' + (cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''), undefined, signal),
  bill: (id: string, signal?: AbortSignal) => request<BillView>('GET', `/bills/${encodeURIComponent(id)}`, undefined, signal),
  article: (id: string, signal?: AbortSignal) => request<ArticleView>('GET', `/articles/${encodeURIComponent(id)}`, undefined, signal),
  revision: (id: string, n: number, signal?: AbortSignal) =>
    request<RevisionView>('GET', `/bills/${encodeURIComponent(id)}/revisions/${n}`, undefined, signal),
  publish: (id: string, body: PublishBody) => request<BillView>('POST', `/bills/${encodeURIComponent(id)}/publish`, body),

  voteArticle: (id: string, value: VoteValue) => request<Tally>('PUT', `/articles/${encodeURIComponent(id)}/vote`, { value }),
  unvoteArticle: (id: string) => request<Tally>('DELETE', `/articles/${encodeURIComponent(id)}/vote`),

  amendments: (articleId: string, q: { sort: AmendmentSort; cursor?: string | null; seed?: string }, signal?: AbortSignal) =>
    request<Page<AmendmentView>>('GET', `/articles/${encodeURIComponent(articleId)}/amendments?${query(q)}`, undefined, signal),
  amendment: (id: string, signal?: AbortSignal) => request<AmendmentView>('GET', `/amendments/${encodeURIComponent(id)}`, undefined, signal),
  propose: (articleId: string, body: AmendmentCreateBody) => request<AmendmentView>('POST', `/articles/${encodeURIComponent(articleId)}/amendments`, body),
  voteAmendment: (id: string, value: VoteValue) => request<Tally>('PUT', `/amendments/${encodeURIComponent(id)}/vote`, { value }),
  unvoteAmendment: (id: string) => request<Tally>('DELETE', `/amendments/${encodeURIComponent(id)}/vote`),
  importBill: (body: BillImportBody) => request<BillImportResult>('POST', '/bills/import', body),
  proposeArticle: (billId: string, body: AddArticleBody) => request<AmendmentView>('POST', `/bills/${encodeURIComponent(billId)}/amendments`, body),
  billAmendments: (billId: string, q: { sort: 'discussion' | 'recent'; kind?: 'article' | 'addArticle'; status?: string; cursor?: string | null; limit?: string }, signal?: AbortSignal) =>
    request<Page<AmendmentView>>('GET', `/bills/${encodeURIComponent(billId)}/amendments?${query(q)}`, undefined, signal),
  withdraw: (id: string) => request<AmendmentView>('POST', `/amendments/${encodeURIComponent(id)}/withdraw`, {}),
  rebase: (id: string) => request<AmendmentView>('POST', `/amendments/${encodeURIComponent(id)}/rebase`, {}),

  arguments: (target: ArgumentTargetRef, q: { side: ArgumentSide; sort: ArgumentSort; cursor?: string | null }, signal?: AbortSignal) =>
    request<Page<ArgumentView>>('GET', `/${target.type}s/${encodeURIComponent(target.id)}/arguments?${query(q)}`, undefined, signal),
  postArgument: (target: ArgumentTargetRef, side: ArgumentSide, body: string) =>
    request<ArgumentView>('POST', `/${target.type}s/${encodeURIComponent(target.id)}/arguments`, { side, body }),
  upvote: (id: string) => request<{ upvotes: number }>('PUT', `/arguments/${encodeURIComponent(id)}/vote`),
  unupvote: (id: string) => request<{ upvotes: number }>('DELETE', `/arguments/${encodeURIComponent(id)}/vote`),

  report: (target: ReportTargetRef, reason: ReportReason, body?: string) =>
    request<ReportView>('POST', '/reports', body ? { target, reason, body } : { target, reason })
}

/** A query string from the defined values of `q`. */
function query (q: Record<string, string | null | undefined>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, v)
  return p.toString()
}
