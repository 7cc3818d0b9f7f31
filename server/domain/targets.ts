/**
 * Where a contribution sits: the article or amendment an argument is about,
 * and the bill and article of anything reported or moderated. Resolved in
 * one place so arguments, reports and moderation apply the same visibility
 * rule: a bill the actor may not see hides everything in it (404).
 */
import type { Ctx, Actor } from './context.ts'
import type {
  AmendmentRecord, ArgumentRecord, ArgumentTarget, ArticleRecord, BillRecord, ModerationTarget
} from './store.ts'
import { canSee } from './access.ts'
import { NotFound } from './errors.ts'

/** The article or amendment an argument is about, with its article and bill. */
export interface ArgumentPlace {
  bill: BillRecord
  article: ArticleRecord
  amendment: AmendmentRecord | null
}

/** Resolves what an argument is (or would be) about; NotFound when missing or in a bill the actor may not see. */
export async function argumentPlace (ctx: Ctx, actor: Actor, target: ArgumentTarget): Promise<ArgumentPlace> {
  let amendment: AmendmentRecord | null = null
  let articleId = target.id
  if (target.type === 'amendment') {
    amendment = await ctx.store.getAmendment(target.id)
    if (!amendment) throw new NotFound('amendment')
    articleId = amendment.articleId
  }
  const article = await ctx.store.getArticle(articleId)
  const bill = article ? await ctx.store.getBill(article.billId) : null
  if (!article || !bill || !canSee(bill, actor)) throw new NotFound(target.type)
  return { bill, article, amendment }
}

/** A reported or moderated contribution with its place and author. */
export interface ContentPlace {
  target: ModerationTarget
  bill: BillRecord
  article: ArticleRecord
  authorId: string
  /** For an argument: what it argues about. */
  about: ArgumentTarget | null
  argument: ArgumentRecord | null
  amendment: AmendmentRecord | null
}

/** Resolves a contribution that may be reported or moderated; NotFound when missing, deleted or not visible. */
export async function contentPlace (ctx: Ctx, actor: Actor, target: ModerationTarget): Promise<ContentPlace> {
  if (target.type === 'argument') {
    const argument = await ctx.store.getArgument(target.id)
    if (!argument || argument.deletedAt) throw new NotFound('argument')
    const place = await argumentPlace(ctx, actor, argument.target).catch(err => {
      throw err instanceof NotFound ? new NotFound('argument') : err
    })
    return { target, bill: place.bill, article: place.article, authorId: argument.authorId, about: argument.target, argument, amendment: null }
  }
  const place = await argumentPlace(ctx, actor, { type: 'amendment', id: target.id })
  return { target, bill: place.bill, article: place.article, authorId: place.amendment!.authorId, about: null, argument: null, amendment: place.amendment }
}
