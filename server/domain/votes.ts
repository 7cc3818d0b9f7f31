/**
 * Votes on articles: one per user, changeable, counted in the same
 * transaction, accepted only while the consultation is open.
 */
import type { Ctx, Actor } from './context.ts'
import type { ArticleRecord, BillRecord } from './store.ts'
import type { Tally, VoteValue } from '../../shared/types.ts'
import { NotFound, RuleBroken, Unauthenticated } from './errors.ts'
import { canSee, isOpenAt } from './access.ts'
import { assertMeetsRequirements } from './requirements.ts'
import { splitTallies } from './revision-history.ts'

/** The article and its bill, when the actor may contribute to it now. */
async function contributable (ctx: Ctx, actor: Actor, articleId: string): Promise<{ article: ArticleRecord; bill: BillRecord }> {
  if (!actor) throw new Unauthenticated('sign in to vote')
  // One read of both: this runs on every vote.
  const found = await ctx.store.getArticleWithBill(articleId)
  if (!found) throw new NotFound('article')
  const { article, bill } = found
  if (!canSee(bill, actor)) throw new NotFound('article')
  if (!isOpenAt(bill, ctx.now())) throw new RuleBroken('consultation_closed', 'the consultation is not open: votes are not accepted now')
  if (article.removedIn !== null) throw new RuleBroken('article_removed', 'this article is no longer in the bill')
  assertMeetsRequirements(bill, actor)
  return { article, bill }
}

/**
 * Stores a user's vote on an article or an amendment (null withdraws it) on
 * `bill`'s current revision, and announces the new tally to the bill's room
 * (split by text for an article). Callers check the rules first.
 */
export async function recordVote (ctx: Ctx, userId: string, billId: string, target: { type: 'article' | 'amendment'; id: string }, value: VoteValue | null, bill?: BillRecord): Promise<Tally> {
  let tally = value === null
    ? await ctx.store.removeVote(userId, target)
    : await ctx.store.castVote({ userId, target, billId, value, at: ctx.now().toISOString(), revision: bill?.revision })
  // Articles: the tally says which votes are on the current text (issue 16); a bill never revised has one text.
  if (target.type === 'article' && bill && bill.revision > 1) tally = (await splitTallies(ctx, bill, new Map([[target.id, tally]]))).get(target.id)!
  ctx.events.emit('tally', { billId, target, tally })
  return tally
}

/**
 * Records (or changes) the actor's vote on an article, on the bill's current
 * revision: casting the same value again confirms it on the current text.
 * Returns the new tally.
 */
export async function voteOnArticle (ctx: Ctx, actor: Actor, articleId: string, value: VoteValue): Promise<Tally> {
  const { article, bill } = await contributable(ctx, actor, articleId)
  return recordVote(ctx, actor!.id, bill.id, { type: 'article', id: article.id }, value, bill)
}

/** Withdraws the actor's vote on an article; returns the new tally. */
export async function unvoteArticle (ctx: Ctx, actor: Actor, articleId: string): Promise<Tally> {
  const { article, bill } = await contributable(ctx, actor, articleId)
  return recordVote(ctx, actor!.id, bill.id, { type: 'article', id: article.id }, null, bill)
}
