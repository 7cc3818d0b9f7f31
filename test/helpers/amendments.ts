/** Small helpers for amendment tests: propose one and insist it was created. */
import assert from 'node:assert/strict'
import type { ApiClient, ApiResponse } from './server.ts'

/** The default bill of `publishedBill`: article 2 reads "Le délai est de trente jours." then "Un décret fixe les modalités." */
export const ARTICLE_2 = ['Le délai est de trente jours.', 'Un décret fixe les modalités.']

/** POSTs an amendment (explanation and base revision 1 by default) and returns the raw response. */
export function propose (c: ApiClient, articleId: string, alineas: string[], over: Record<string, unknown> = {}): Promise<ApiResponse> {
  return c.post(`/articles/${articleId}/amendments`, { alineas, explanation: 'Parce que.', baseRevision: 1, ...over })
}

/** Proposes an amendment that must be created (201); returns it. */
export async function proposed (c: ApiClient, articleId: string, alineas: string[], over: Record<string, unknown> = {}): Promise<any> {
  const r = await propose(c, articleId, alineas, over)
  assert.equal(r.status, 201, JSON.stringify(r.body))
  return r.body
}
