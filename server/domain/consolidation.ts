/**
 * The consolidated text of a bill (the data of a "tableau comparatif"): each
 * article of the latest revision beside its text with the accepted
 * amendments applied in decision order, each by three-way merge from its own
 * base (`consolidate` of shared/merge.ts). An accepted amendment that
 * conflicts with earlier decisions is listed with its conflicts, never
 * dropped silently. Accepted amendments of articles no longer in the bill
 * are not shown (their article has no place in the latest revision).
 */
import type { Ctx, Actor } from './context.ts'
import type { AmendmentRecord } from '../store/store.ts'
import type { ConsolidatedView } from '../../shared/api.ts'
import { consolidate } from '../../shared/merge.ts'
import { diffArticle } from '../../shared/diff.ts'
import { assertVisible } from './access.ts'

/** The bill's latest revision with its accepted amendments applied (anyone who may see the bill). */
export async function getConsolidated (ctx: Ctx, actor: Actor, billId: string): Promise<ConsolidatedView> {
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  if (bill.revision === 0) return { billId: bill.id, revision: 0, articles: [] }
  const [articles, accepted] = await Promise.all([ctx.store.listArticles(bill.id), ctx.store.listAcceptedAmendments(bill.id)])
  const byArticle = new Map<string, AmendmentRecord[]>()
  for (const a of accepted) byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a])
  return {
    billId: bill.id,
    revision: bill.revision,
    articles: articles.map(article => {
      const amendments = byArticle.get(article.id) ?? []
      const result = consolidate(article.alineas, amendments.map(a => ({ id: a.id, base: a.baseAlineas, alineas: a.alineas })))
      return {
        articleId: article.id,
        num: article.num,
        heading: article.heading,
        revisionAlineas: article.alineas,
        consolidatedAlineas: result.alineas,
        diff: diffArticle(article.alineas, result.alineas),
        applied: result.applied,
        conflicts: result.conflicts
      }
    })
  }
}
