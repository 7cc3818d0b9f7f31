/** Small helpers for amendment tests: propose one and insist it was created. */
import assert from 'node:assert/strict'
import type { AmendmentView, BillView } from '../../shared/api.ts'
import { publishedBill, type ApiClient, type ApiResponse, type TestServer } from './server.ts'

/** The default bill of `publishedBill`: article 2 reads "Le délai est de trente jours." then "Un décret fixe les modalités." */
export const ARTICLE_2 = ['Le délai est de trente jours.', 'Un décret fixe les modalités.']

/** POSTs an amendment (explanation and base revision 1 by default) and returns the raw response. */
export function propose (c: ApiClient, articleId: string, alineas: string[], over: Record<string, unknown> = {}): Promise<ApiResponse> {
  return c.post(`/articles/${articleId}/amendments`, { alineas, explanation: 'Parce que.', baseRevision: 1, ...over })
}

/** Proposes an amendment that must be created (201); returns it. */
export async function proposed (c: ApiClient, articleId: string, alineas: string[], over: Record<string, unknown> = {}): Promise<AmendmentView> {
  const r = await propose(c, articleId, alineas, over)
  assert.equal(r.status, 201, JSON.stringify(r.body))
  return r.body
}

/** What `amendedBill` made: who, the bill, and the citizen's amendments. */
export interface AmendedBill {
  author: ApiClient
  citizen: ApiClient
  bill: BillView
  /** Article 2, first alinéa: « Le délai est de quinze jours. » */
  delay: AmendmentView
  /** Article 2, second alinéa: « Un arrêté fixe les modalités. » */
  decree: AmendmentView
  /** Article 1er reworded. */
  first: AmendmentView
}

/**
 * The bill the authors' pages decide on: `publishedBill` by Mme Dupont, and
 * three amendments by Camille, two on article 2 (each changes one of its
 * alinéas) and one on article 1er.
 */
export async function amendedBill (s: TestServer): Promise<AmendedBill> {
  const author = await s.as('author', 'Mme Dupont')
  const bill = await publishedBill(author)
  const citizen = await s.as('citizen', 'Camille')
  const art2 = bill.articles[1].id
  const delay = await proposed(citizen, art2, ['Le délai est de quinze jours.', ARTICLE_2[1]])
  const decree = await proposed(citizen, art2, [ARTICLE_2[0], 'Un arrêté fixe les modalités.'])
  const first = await proposed(citizen, bill.articles[0].id, ['Premier alinéa, autrement dit.'])
  return { author, citizen, bill, delay, decree, first }
}
