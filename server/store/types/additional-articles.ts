/** Stored additional articles: the rebase that also moves their anchor. */
import type { AmendmentRecord, AmendmentText } from './amendments.ts'

/** A rebase of an additional article: its new anchor and side, with the anchor's latest text as base. */
export type AdditionText = AmendmentText & Pick<AmendmentRecord, 'articleId' | 'position'>

export interface AdditionalArticleStore {
  /**
   * Atomically replaces a `proposed` additional article's anchor, base and
   * wording, only if its base revision is still `expectedBaseRevision`;
   * null, changing nothing, otherwise.
   */
  rebaseAddition (id: string, text: AdditionText, expectedBaseRevision: number): Promise<AmendmentRecord | null>
}
