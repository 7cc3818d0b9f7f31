/**
 * The consolidated text of a bill (the data of a "tableau comparatif"): each
 * article of the latest revision beside its text with the accepted
 * amendments applied in decision order, each by three-way merge from its own
 * base (`consolidate` of shared/merge.ts). An accepted amendment that
 * conflicts with earlier decisions is listed with its conflicts, never
 * dropped silently. Accepted amendments of articles no longer in the bill
 * are not shown (their article has no place in the latest revision).
 *
 * Accepted additional articles are entries of their own, at their place
 * (after or before their anchor, in decision order), numbered as a
 * parliament would ("2 bis", "2 ter"; before "1er", "1er A": see
 * shared/additional-article.ts), with `articleId: null` and `amendmentId`.
 * Each article also lists its proposed amendments and whether they have
 * fallen (an accepted amendment took their passage).
 *
 * With `from` (an earlier revision), the left column is that revision's text
 * of each article (empty for an article added since), so the table shows
 * everything that changed since, revisions and amendments together.
 */
import type { Ctx, Actor } from './context.ts'
import type { AmendmentRecord } from './store.ts'
import type { ConsolidatedArticleView, ConsolidatedView } from '../../shared/api.ts'
import { consolidate } from '../../shared/merge.ts'
import { diffArticle } from '../../shared/diff.ts'
import { placeInsertions } from '../../shared/additional-article.ts'
import { assertVisible } from './access.ts'
import { allAmendmentsOf } from './amendment-views.ts'
import { fallenAmendments } from './discussion.ts'
import { InvalidInput } from './errors.ts'

/** The bill's latest revision with its accepted amendments applied (anyone who may see the bill). */
export async function getConsolidated (ctx: Ctx, actor: Actor, billId: string, from?: number): Promise<ConsolidatedView> {
  const bill = assertVisible(await ctx.store.getBill(billId), actor)
  if (from !== undefined && from > Math.max(bill.revision, 1)) throw new InvalidInput(`from: this bill has no revision ${from} (latest: ${bill.revision})`)
  if (bill.revision === 0) return { billId: bill.id, revision: 0, articles: [] }
  const [articles, all] = await Promise.all([ctx.store.listArticles(bill.id), allAmendmentsOf(ctx, bill.id)])
  const accepted = all.filter(a => a.status === 'accepted' && a.applies).sort((a, b) => (a.decidedSeq ?? 0) - (b.decidedSeq ?? 0))
  const byArticle = new Map<string, AmendmentRecord[]>()
  for (const a of accepted) if (a.kind === 'article') byArticle.set(a.articleId, [...(byArticle.get(a.articleId) ?? []), a])
  const additions = new Map(accepted.filter(a => a.kind === 'addArticle').map(a => [a.id, a]))
  const byId = new Map(articles.map(a => [a.id, a]))
  const proposed = all.filter(a => a.status === 'proposed' && a.kind === 'article')
  const fallen = fallenAmendments(proposed, accepted, byId)
  const pendingOf = (articleId: string): ConsolidatedArticleView['pending'] => proposed
    .filter(a => a.articleId === articleId)
    .sort((a, b) => a.number - b.number)
    .map(a => ({ amendmentId: a.id, number: a.number, falls: fallen.has(a.id) }))
  // The left column: the latest revision's text, or an earlier revision's (`?from=`, issue 16).
  const earlier = from !== undefined && from !== bill.revision ? await ctx.store.getRevision(bill.id, from) : null
  const earlierText = earlier ? new Map(earlier.articles.map(a => [a.id, a.alineas])) : null
  const placed = placeInsertions(articles, [...additions.values()].map(a => ({ id: a.id, anchor: a.articleId, side: a.position ?? 'after' })))
  return {
    billId: bill.id,
    revision: bill.revision,
    from: earlier ? earlier.number : bill.revision,
    articles: placed.map((entry): ConsolidatedArticleView => {
      if (entry.kind === 'insertion') {
        const a = additions.get(entry.insertion.id)!
        return {
          articleId: null,
          amendmentId: a.id,
          num: entry.num,
          heading: a.heading,
          revisionAlineas: [],
          consolidatedAlineas: a.alineas,
          diff: diffArticle([], a.alineas),
          applied: [a.id],
          conflicts: [],
          pending: []
        }
      }
      const article = entry.article
      const amendments = byArticle.get(article.id) ?? []
      const result = consolidate(article.alineas, amendments.map(a => ({ id: a.id, base: a.baseAlineas, alineas: a.alineas })))
      const left = earlierText ? earlierText.get(article.id) ?? [] : article.alineas
      return {
        articleId: article.id,
        amendmentId: null,
        num: article.num,
        heading: article.heading,
        revisionAlineas: left,
        consolidatedAlineas: result.alineas,
        diff: diffArticle(left, result.alineas),
        applied: result.applied,
        conflicts: result.conflicts,
        pending: pendingOf(article.id)
      }
    })
  }
}
