/**
 * A typed fetch wrapper over /api/v1. Types come from shared/api.ts through
 * type-only imports, so zod never reaches the client bundle. The session is
 * the server's httpOnly cookie: nothing is stored here.
 */
import type { z } from 'zod'
import type {
  BillList, BillSummaryView, BillView, ArticleView, LoginBody, PublishBody, RegisterBody, RevisionView, Tally as TallySchema, User as UserSchema
} from '../shared/api.ts'
import type { VoteValue } from '../shared/types.ts'

export type { BillSummaryView, BillView, ArticleView, LoginBody, PublishBody, RegisterBody, RevisionView, VoteValue }
export type User = z.infer<typeof UserSchema>
export type Tally = z.infer<typeof TallySchema>
export type Page<T> = { items: T[]; next: string | null }
type BillListView = z.infer<typeof BillList>

/**
 * An API failure: `status` is the HTTP status (0 when the server could not
 * be reached), `code` and `message` come from the server's error body.
 */
export class ApiError extends Error {
  constructor (readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
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
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error
    throw new ApiError(res.status, e?.code ?? 'http_' + res.status, e?.message ?? '', e?.details)
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
  unvoteArticle: (id: string) => request<Tally>('DELETE', `/articles/${encodeURIComponent(id)}/vote`)
}
