/**
 * Additional articles: an amendment of kind `addArticle` inserts a new
 * article after or before an article of the bill (its anchor). It is stored
 * like any amendment: `articleId` holds the anchor, `position` the side,
 * `baseAlineas`/`baseHash` the anchor's text in the base revision, `alineas`
 * the new article; its diff inserts every alinéa and its wording is
 * « Après l'article 2, insérer un article additionnel ainsi rédigé : ».
 *
 * Stale: the anchor left the bill, or its text changed since the base
 * revision (the place of an insertion is read in the neighbouring text).
 * Rebase (its author): keeps the alinéas, moves the base to the latest
 * revision and, when the anchor left the bill, moves the anchor to the
 * nearest article still there (the previous one for "after", the next one
 * for "before"; the other side when there is none).
 */
import type { Ctx, Actor } from './context.ts'
import type { AmendmentRecord, ArticleRecord, BillRecord } from './store.ts'
import type { AddArticleBody } from '../../shared/api.ts'
import { normaliseAlinea } from '../../shared/text.ts'
import { diffArticle } from '../../shared/diff.ts'
import { additionalArticleWording, type AnchorSide } from '../../shared/additional-article.ts'
import { Conflict, Forbidden, InvalidInput, NotFound, RuleBroken, Unauthenticated } from './errors.ts'
import { canSee, isOpenAt } from './access.ts'
import { assertProposedText, baseText, fileAmendment } from './amendments.ts'
import type { ArticleDiff } from '../../shared/diff.ts'
import type { AmendmentWording } from './store.ts'
import { assertMeetsRequirements } from './requirements.ts'
import { parseDispositif } from './wording.ts'
import type { WordingLang } from '../../shared/wording.ts'

/** The diff (every alinéa inserted) and wording of an additional article. */
export function describeAddition (side: AnchorSide, anchorNum: string, alineas: string[], heading: string | null): { diff: ArticleDiff; wording: AmendmentWording } {
  return {
    diff: diffArticle([], alineas),
    wording: {
      fr: additionalArticleWording(side, anchorNum, alineas, 'fr', heading),
      en: additionalArticleWording(side, anchorNum, alineas, 'en', heading)
    }
  }
}

/** The side and anchor id of a position body. */
export function sideOf (position: NonNullable<AddArticleBody['position']>): { side: AnchorSide; anchor: string } {
  return 'after' in position ? { side: 'after', anchor: position.after } : { side: 'before', anchor: position.before }
}

/** An article number as printed, compared loosely ("1er" and "premier", spaces and case aside). */
const numKey = (num: string): string => num.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^premier\b/, '1er').replace(/^1\b(?!er)/, '1er')

/**
 * Reads a dispositif that adds an article (« Après l'article 7, insérer un
 * article additionnel ainsi rédigé : » and its alinéas, in either house
 * style) into the position (by the bill's article numbers) and the alinéas.
 * 422 wording_unreadable when it cannot be read, wording_not_applicable when
 * it does not add one article or names no article of the bill.
 */
export function additionFromDispositif (text: string, lang: WordingLang, articles: readonly ArticleRecord[]): { position: NonNullable<AddArticleBody['position']>; alineas: string[] } {
  const ops = parseDispositif(text, lang)
  const adds = ops.flatMap(op => op.op === 'addArticle' ? [op] : [])
  if (adds.length !== 1 || ops.length !== 1) {
    const reason = adds.length === 0
      ? 'this dispositif does not add an article: propose it on the article it changes'
      : 'give one additional article per amendment'
    throw new RuleBroken('wording_not_applicable', reason, { operation: null, index: null, reason })
  }
  const [add] = adds
  const num = 'after' in add.position ? add.position.after : add.position.before
  const anchor = articles.find(a => a.removedIn === null && numKey(a.num) === numKey(num))
  if (!anchor) {
    const reason = `the bill has no article ${num}`
    throw new RuleBroken('wording_not_applicable', reason, { operation: add, index: 0, reason })
  }
  return { position: 'after' in add.position ? { after: anchor.id } : { before: anchor.id }, alineas: add.alineas }
}

/** Proposes an additional article to a bill; returns it as stored (with its number). */
export async function proposeAdditionalArticle (ctx: Ctx, actor: Actor, billId: string, body: AddArticleBody): Promise<AmendmentRecord> {
  if (!actor) throw new Unauthenticated('sign in to propose an amendment')
  const bill = await ctx.store.getBill(billId)
  if (!bill || !canSee(bill, actor)) throw new NotFound('bill')
  if (!isOpenAt(bill, ctx.now())) throw new RuleBroken('consultation_closed', 'the consultation is not open: amendments are not accepted now')
  assertMeetsRequirements(bill, actor)
  // By dispositif: its place and alinéas are read from the text, refused (422) before anything is stored.
  const given = body.dispositif !== undefined
    ? additionFromDispositif(body.dispositif, body.lang ?? 'fr', await ctx.store.listArticles(bill.id))
    : { position: body.position!, alineas: body.alineas! }
  const { side, anchor } = sideOf(given.position)
  const article = await ctx.store.getArticle(anchor)
  if (!article || article.billId !== bill.id) throw new InvalidInput(`position: article ${anchor} is not an article of this bill`, { field: 'position' })
  if (article.removedIn !== null) throw new RuleBroken('article_removed', 'the article next to which this one would go is no longer in the bill')

  const alineas = given.alineas.map(normaliseAlinea)
  assertProposedText(alineas)
  const base = await baseText(ctx, bill, article, body.baseRevision)
  const heading = body.heading !== undefined ? normaliseAlinea(body.heading) || null : null
  const { diff, wording } = describeAddition(side, article.num, alineas, heading)

  return fileAmendment(ctx, actor, bill, article, {
    baseRevision: body.baseRevision, baseAlineas: base.alineas, baseHash: base.hash, alineas,
    explanation: body.explanation, diff, wording, kind: 'addArticle', position: side, heading
  }, 'additional article proposed')
}

/** Where a stale additional article goes after a rebase: its anchor, or the nearest article still in the bill. */
export function movedAnchor (amendment: AmendmentRecord, anchor: ArticleRecord, live: ArticleRecord[]): { article: ArticleRecord; side: AnchorSide } | null {
  const side: AnchorSide = amendment.position ?? 'after'
  if (anchor.removedIn === null) return { article: anchor, side }
  const earlier = live.filter(a => a.position < anchor.position)
  const later = live.filter(a => a.position > anchor.position)
  if (side === 'after') {
    if (earlier.length) return { article: earlier[earlier.length - 1], side: 'after' }
    if (live.length) return { article: live[0], side: 'before' }
  } else {
    if (later.length) return { article: later[0], side: 'before' }
    if (live.length) return { article: live[live.length - 1], side: 'after' }
  }
  return null
}

/** Whether an additional article is stale: its anchor left the bill or its text changed. */
export function isAdditionStale (amendment: AmendmentRecord, anchor: ArticleRecord | null): boolean {
  return !anchor || anchor.removedIn !== null || anchor.hash !== amendment.baseHash
}

/** Rebases a stale additional article (its author, while proposed): same alinéas, latest base, anchor moved if it left. */
export async function rebaseAddition (ctx: Ctx, actor: Actor, amendment: AmendmentRecord, bill: BillRecord): Promise<AmendmentRecord> {
  if (!actor) throw new Unauthenticated()
  if (amendment.authorId !== actor.id) throw new Forbidden('only its author may rebase an amendment')
  const anchor = await ctx.store.getArticle(amendment.articleId)
  if (!anchor) throw new NotFound('article')
  if (!isAdditionStale(amendment, anchor)) throw new Conflict('not_stale', 'this amendment is already written against the latest text of the bill')
  const moved = movedAnchor(amendment, anchor, await ctx.store.listArticles(bill.id))
  if (!moved) throw new RuleBroken('article_removed', 'the bill has no article left to place this one next to')
  const { article, side } = moved
  const updated = await ctx.store.rebaseAddition(amendment.id, {
    articleId: article.id,
    position: side,
    baseRevision: article.revision,
    baseAlineas: article.alineas,
    baseHash: article.hash,
    alineas: amendment.alineas,
    ...describeAddition(side, article.num, amendment.alineas, amendment.heading),
    updatedAt: ctx.now().toISOString()
  }, amendment.baseRevision)
  if (!updated) throw new Conflict('not_proposed', 'this amendment changed meanwhile; reload it')
  ctx.log.info({ amendmentId: amendment.id, billId: bill.id, anchor: article.id, side, by: actor.id }, 'additional article rebased')
  return updated
}
