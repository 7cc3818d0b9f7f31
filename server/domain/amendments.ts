/**
 * Amendments: a citizen proposes a whole new text for one article of a
 * published revision (or its deletion) with an explanation; others vote on
 * it while it is proposed and the consultation open; its author may rebase a
 * stale one onto the latest text or withdraw it; the bill's editors accept or
 * reject it, once, with a response. Reads are in `amendment-views.ts`, the
 * consolidated text in `consolidation.ts`.
 *
 * Rules chosen here (see docs/API.md):
 * - proposing needs an open consultation and an article still in the bill;
 *   the base revision must exist and contain the article (422
 *   `unknown_base_revision`); an older base is accepted and is simply stale;
 * - per user: `amendmentsPerArticlePerHour` to one article in a sliding hour
 *   (stored, so it holds across restarts; withdrawn ones count) and
 *   `contributionsPerMinute` amendments in a sliding minute (in memory, per
 *   process: `limits.ts`); both 429 before anything is written;
 * - votes only on `proposed` amendments of an open consultation (422
 *   `amendment_closed` otherwise): a decided or withdrawn amendment's tally
 *   is frozen as it was;
 * - decisions by the bill's editors (and admins) whenever the bill is
 *   published, open or closed; final (409 `not_proposed`); stale amendments
 *   may be accepted: consolidation merges each from its own base;
 * - withdrawal and rebase by the author only, while `proposed`; a rebase
 *   also needs the consultation open and keeps the amendment's votes.
 */
import { recordVote } from './votes.ts'
import type { Ctx, Actor } from './context.ts'
import type { AmendmentRecord, ArticleRecord, BillRecord, UserRecord } from './store.ts'
import type { AmendmentCreateBody, DecisionBody } from '../../shared/api.ts'
import { AMENDMENT_LIMITS } from '../../shared/api.ts'
import type { Tally, VoteValue } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { normaliseAlinea } from '../../shared/text.ts'
import { newShuffle } from './ranking.ts'
import { assertMeetsRequirements } from './requirements.ts'
import { Conflict, Forbidden, InvalidInput, NotFound, RateLimited, RuleBroken, TooLarge, Unauthenticated } from './errors.ts'
import { canSee, isEditor, isOpenAt } from './access.ts'
import { contributionLimiter } from './limits.ts'
import { applyDispositif } from './wording.ts'
import { describeChange, isStale, rebaseOf, sameText } from './amendment-text.ts'
import { rebaseAddition } from './additional-articles.ts'

const HOUR_MS = 3_600_000

/** An amendment and its bill, when the actor may see them (404 otherwise, as for a bill they may not see). */
export async function visibleAmendment (ctx: Ctx, actor: Actor, id: string): Promise<{ amendment: AmendmentRecord; bill: BillRecord }> {
  const amendment = await ctx.store.getAmendment(id)
  const bill = amendment ? await ctx.store.getBill(amendment.billId) : null
  if (!amendment || !bill || !canSee(bill, actor)) throw new NotFound('amendment')
  return { amendment, bill }
}

/** 409 unless the amendment is still `proposed`. */
function assertProposed (amendment: AmendmentRecord): void {
  if (amendment.status !== 'proposed') {
    throw new Conflict('not_proposed', `this amendment is ${amendment.status}: only a proposed amendment can change`, { status: amendment.status })
  }
}

/** 422 unless the consultation takes contributions now. */
function assertOpen (ctx: Ctx, bill: BillRecord, what: string): void {
  if (!isOpenAt(bill, ctx.now())) throw new RuleBroken('consultation_closed', `the consultation is not open: ${what} not accepted now`)
}

/** The article's text in `revision`: its latest text when that is the revision, else read from the revision. */
export async function baseText (ctx: Ctx, bill: BillRecord, article: ArticleRecord, revision: number): Promise<{ alineas: string[]; hash: string }> {
  if (revision === article.revision) return { alineas: article.alineas, hash: article.hash }
  const rev = revision <= bill.revision ? await ctx.store.getRevision(bill.id, revision) : null
  const frozen = rev?.articles.find(a => a.id === article.id)
  if (!frozen) {
    throw new RuleBroken('unknown_base_revision', rev
      ? `revision ${revision} does not contain this article`
      : `revision ${revision} does not exist (the latest is ${bill.revision})`, { latest: bill.revision })
  }
  return { alineas: frozen.alineas, hash: frozen.hash }
}

/** 429 when the author already proposed `amendmentsPerArticlePerHour` amendments to this article in the last hour. */
export async function assertHourlyLimit (ctx: Ctx, author: UserRecord, articleId: string): Promise<void> {
  const limit = ctx.config.amendmentsPerArticlePerHour
  if (limit <= 0) return
  const now = ctx.now().getTime()
  const times = await ctx.store.amendmentTimesByAuthor(author.id, articleId, new Date(now - HOUR_MS).toISOString())
  if (times.length >= limit) {
    const wait = Math.max(1, Math.ceil((Date.parse(times[times.length - limit]) + HOUR_MS - now) / 1000))
    throw new RateLimited(`too many amendments to this article: at most ${limit} an hour; try again in ${Math.ceil(wait / 60)} min`, wait)
  }
}

/** Proposes an amendment to an article; returns it as stored (with its diff and wording). */
export async function proposeAmendment (ctx: Ctx, actor: Actor, articleId: string, body: AmendmentCreateBody): Promise<AmendmentRecord> {
  if (!actor) throw new Unauthenticated('sign in to propose an amendment')
  const article = await ctx.store.getArticle(articleId)
  const bill = article ? await ctx.store.getBill(article.billId) : null
  if (!article || !bill || !canSee(bill, actor)) throw new NotFound('article')
  assertOpen(ctx, bill, 'amendments are')
  if (article.removedIn !== null) throw new RuleBroken('article_removed', 'this article is no longer in the bill')
  assertMeetsRequirements(bill, actor)

  // By dispositif: parsed and applied to the base text here, refused (422) before anything is stored.
  const alineas = body.dispositif !== undefined
    ? applyDispositif(body.dispositif, body.lang ?? 'fr', (await baseText(ctx, bill, article, body.baseRevision)).alineas).alineas
    : (body.alineas ?? []).map(normaliseAlinea)
  assertProposedText(alineas)
  const base = await baseText(ctx, bill, article, body.baseRevision)
  if (sameText(alineas, base.alineas)) throw new RuleBroken('identical', 'the proposed text is identical to the article: change something, or vote on the article instead')
  const { diff, wording } = describeChange(base.alineas, alineas)

  return fileAmendment(ctx, actor, bill, article, {
    baseRevision: body.baseRevision, baseAlineas: base.alineas, baseHash: base.hash, alineas,
    explanation: body.explanation, diff, wording, kind: 'article', position: null, heading: null
  }, 'amendment proposed')
}

/**
 * What every amendment is when it is filed, whoever files it (a participant,
 * or staff importing an official file): a new id, its bill, article and
 * author, proposed and undecided, its rank in the random order drawn; the
 * store gives its number.
 */
export function newProposal (billId: string, articleId: string, authorId: string, at: string): Pick<AmendmentRecord,
  'id' | 'billId' | 'articleId' | 'authorId' | 'status' | 'decision' | 'decidedSeq' | 'shuffle' | 'createdAt' | 'updatedAt' | 'number'> {
  return { id: newId('amd'), billId, articleId, authorId, status: 'proposed', decision: null, decidedSeq: null, shuffle: newShuffle(), createdAt: at, updatedAt: at, number: 0 }
}

/** What distinguishes one proposed amendment from another when it is filed. */
export type FiledFields = Pick<AmendmentRecord, 'baseRevision' | 'baseAlineas' | 'baseHash' | 'alineas' | 'explanation' | 'diff' | 'wording' | 'kind' | 'position' | 'heading'>

/**
 * Files a proposed amendment (of an article, or an additional article) once
 * its text is checked: the hourly limit, its number taken with the
 * contribution limit, the log line and the live announcement.
 */
export async function fileAmendment (ctx: Ctx, actor: UserRecord, bill: BillRecord, article: ArticleRecord, fields: FiledFields, message: string): Promise<AmendmentRecord> {
  await assertHourlyLimit(ctx, actor, article.id)
  const amendment: AmendmentRecord = {
    ...fields,
    ...newProposal(bill.id, article.id, actor.id, ctx.now().toISOString()),
    explanation: fields.explanation.trim(),
    origin: null,
    applies: true,
    appliesReason: null
  }
  amendment.number = await contributionLimiter(ctx).take(actor.id, 'amendment', () => ctx.store.createAmendment(amendment))
  ctx.log.info({ amendmentId: amendment.id, billId: bill.id, articleId: article.id, kind: amendment.kind, position: amendment.position, number: amendment.number, by: actor.id }, message)
  ctx.events.emit('amendment:created', { billId: bill.id, articleId: article.id, amendmentId: amendment.id, number: amendment.number })
  return amendment
}

/** Accepts or rejects a proposed amendment (the bill's editors, once); logged and ranked in decision order. */
export async function decideAmendment (ctx: Ctx, actor: Actor, id: string, body: DecisionBody): Promise<AmendmentRecord> {
  if (!actor) throw new Unauthenticated()
  const { amendment, bill } = await visibleAmendment(ctx, actor, id)
  if (!isEditor(bill, actor)) throw new Forbidden('only the bill\'s editors may decide on its amendments')
  assertProposed(amendment)
  const decided = await ctx.store.decideAmendment(id, body.status, { by: actor.id, at: ctx.now().toISOString(), response: body.response.trim() })
  if (!decided) {
    // Decided or withdrawn between our read and the compare-and-set.
    assertProposed((await ctx.store.getAmendment(id)) ?? amendment)
    throw new Conflict('not_proposed', 'this amendment changed meanwhile; reload it')
  }
  ctx.log.info({ amendmentId: id, billId: bill.id, articleId: decided.articleId, status: decided.status, decidedSeq: decided.decidedSeq, by: actor.id }, 'amendment decided')
  ctx.events.emit('amendment:decided', {
    billId: bill.id, articleId: decided.articleId, amendmentId: id, status: body.status, decidedSeq: decided.decidedSeq!, number: decided.number
  })
  return decided
}

/** Withdraws a proposed amendment (its author only). */
export async function withdrawAmendment (ctx: Ctx, actor: Actor, id: string): Promise<AmendmentRecord> {
  if (!actor) throw new Unauthenticated()
  const { amendment, bill } = await visibleAmendment(ctx, actor, id)
  if (amendment.authorId !== actor.id) throw new Forbidden('only its author may withdraw an amendment')
  assertProposed(amendment)
  const withdrawn = await ctx.store.withdrawAmendment(id, ctx.now().toISOString())
  if (!withdrawn) {
    assertProposed((await ctx.store.getAmendment(id)) ?? amendment)
    throw new Conflict('not_proposed', 'this amendment changed meanwhile; reload it')
  }
  ctx.log.info({ amendmentId: id, billId: bill.id, by: actor.id }, 'amendment withdrawn')
  ctx.events.emit('amendment:withdrawn', { billId: bill.id, articleId: amendment.articleId, amendmentId: id, number: amendment.number })
  return withdrawn
}

/**
 * Applies the clean rebase of a stale amendment (its author only): its base
 * becomes the article's latest revision, its text the merge, and its diff
 * and wording are recomputed. 409 `conflict` (with the conflicts) when the
 * merge is not clean, 409 `not_stale` when there is nothing to rebase.
 */
export async function rebaseAmendment (ctx: Ctx, actor: Actor, id: string): Promise<AmendmentRecord> {
  if (!actor) throw new Unauthenticated()
  const { amendment, bill } = await visibleAmendment(ctx, actor, id)
  if (amendment.authorId !== actor.id) throw new Forbidden('only its author may rebase an amendment')
  assertProposed(amendment)
  assertOpen(ctx, bill, 'rebases are')
  if (amendment.kind === 'addArticle') return rebaseAddition(ctx, actor, amendment, bill)
  const article = await ctx.store.getArticle(amendment.articleId)
  if (!article) throw new NotFound('article')
  if (article.removedIn !== null) throw new RuleBroken('article_removed', 'this article is no longer in the bill: there is nothing to rebase onto')
  if (!isStale(amendment, article)) throw new Conflict('not_stale', 'this amendment is already written against the latest text of its article')
  const rebase = rebaseOf(amendment, article)!
  if (!rebase.clean) {
    throw new Conflict('conflict', `the latest revision changed the same words as this amendment (${rebase.conflicts.length} conflict${rebase.conflicts.length > 1 ? 's' : ''}): edit it by hand`, { conflicts: rebase.conflicts })
  }
  if (sameText(rebase.alineas, article.alineas)) {
    throw new RuleBroken('identical', 'the latest revision already contains this amendment\'s changes: there is nothing left to propose')
  }
  const updated = await ctx.store.updateAmendmentText(id, {
    baseRevision: rebase.baseRevision,
    baseAlineas: article.alineas,
    baseHash: article.hash,
    alineas: rebase.alineas,
    diff: rebase.diff,
    wording: rebase.wording,
    updatedAt: ctx.now().toISOString()
  }, amendment.baseRevision)
  if (!updated) throw new Conflict('not_proposed', 'this amendment changed meanwhile; reload it')
  ctx.log.info({ amendmentId: id, billId: bill.id, from: amendment.baseRevision, to: rebase.baseRevision, by: actor.id }, 'amendment rebased')
  return updated
}

/** The amendment and bill when the actor may vote on it now. */
async function votable (ctx: Ctx, actor: Actor, id: string): Promise<{ amendment: AmendmentRecord; bill: BillRecord }> {
  if (!actor) throw new Unauthenticated('sign in to vote')
  const found = await visibleAmendment(ctx, actor, id)
  assertOpen(ctx, found.bill, 'votes are')
  assertMeetsRequirements(found.bill, actor)
  if (found.amendment.status !== 'proposed') {
    throw new RuleBroken('amendment_closed', `this amendment is ${found.amendment.status}: votes are taken on proposed amendments only`)
  }
  return found
}

/** Records (or changes) the actor's vote on an amendment; returns the new tally. */
export async function voteOnAmendment (ctx: Ctx, actor: Actor, id: string, value: VoteValue): Promise<Tally> {
  const { amendment, bill } = await votable(ctx, actor, id)
  return recordVote(ctx, actor!.id, bill.id, { type: 'amendment', id: amendment.id }, value, bill)
}

/** Withdraws the actor's vote on an amendment; returns the new tally. */
export async function unvoteAmendment (ctx: Ctx, actor: Actor, id: string): Promise<Tally> {
  const { amendment, bill } = await votable(ctx, actor, id)
  return recordVote(ctx, actor!.id, bill.id, { type: 'amendment', id: amendment.id }, null)
}

/** Refuses a proposed article with an empty alinéa (400) or longer than the limit (413). */
export function assertProposedText (alineas: readonly string[]): void {
  const empty = alineas.findIndex(a => a.length === 0)
  if (empty >= 0) throw new InvalidInput(`alinéa ${empty + 1} is empty`, { alinea: empty + 1 })
  const length = alineas.reduce((n, a) => n + a.length, 0)
  if (length > AMENDMENT_LIMITS.text) throw new TooLarge(`the proposed article is ${length} characters long; at most ${AMENDMENT_LIMITS.text}`)
}
