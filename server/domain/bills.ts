/**
 * Bills: create a draft from text, edit its settings, publish revisions,
 * close the consultation, and read bills, revisions and articles as their
 * viewers may see them.
 */
import type { Ctx, Actor } from './context.ts'
import type { BillRecord, RevisionRecord } from './store.ts'
import { DuplicateKeyError } from './store.ts'
import type { BillCreateBody, BillPatchBody, PublishBody, RevisionView } from '../../shared/api.ts'
import type { BillBlock, RevisionArticle } from '../../shared/types.ts'
import { newId } from '../../shared/ids.ts'
import { markdownToBlocks, TextError } from '../../shared/markdown.ts'
import { aknToBlocks } from '../../shared/akn-import.ts'
import { articleHash, blocksToDoc, dedupeArticleIds, frozenAlineas, normaliseAlinea } from '../../shared/text.ts'
import { Conflict, Forbidden, InvalidInput, NotFound, RuleBroken, Unauthenticated } from './errors.ts'
import { assertEditor, assertVisible } from './access.ts'
import { assertEditorsChange } from './editors.ts'
import { coversStateVector, initialUpdate, loadWorkingDoc, workingBlocks } from './documents.ts'
import { publicView } from './accounts.ts'

/** Roles that may create bills. */
const CREATORS = new Set(['author', 'admin'])

/** Turns the text of a create request into blocks; invalid text is a 400 with details. */
export function blocksFromInput (body: Pick<BillCreateBody, 'text' | 'akn' | 'articles'>): { blocks: BillBlock[]; title: string | null } {
  try {
    if (body.text !== undefined) return { blocks: markdownToBlocks(body.text), title: null }
    if (body.akn !== undefined) return aknToBlocks(body.akn)
    if (body.articles !== undefined) {
      const nums = new Set<string>()
      const blocks: BillBlock[] = body.articles.map(a => {
        if (nums.has(a.num)) throw new TextError(`article ${a.num} appears twice`, { code: 'duplicate_number', num: a.num })
        nums.add(a.num)
        return { kind: 'article', id: newId('art'), num: a.num, heading: a.heading ?? null, alineas: a.alineas.map(normaliseAlinea) }
      })
      return { blocks, title: null }
    }
  } catch (err) {
    if (err instanceof TextError) throw new InvalidInput(`invalid text: ${err.message}`, err.details)
    throw err
  }
  return { blocks: [{ kind: 'article', id: newId('art'), num: '1er', heading: null, alineas: [''] }], title: null }
}

/** Creates a draft bill whose only editor is its creator (authors and admins); `imported` blocks replace the body's text (bills from Word). */
export async function createBill (ctx: Ctx, actor: Actor, body: BillCreateBody, imported?: BillBlock[]): Promise<BillRecord> {
  if (!actor) throw new Unauthenticated()
  if (!CREATORS.has(actor.role)) throw new Forbidden('only authors and admins may create bills')
  const { blocks } = imported !== undefined ? { blocks: imported } : blocksFromInput(body)
  const t = ctx.now().toISOString()
  const bill: BillRecord = {
    id: newId('bil'),
    title: body.title,
    summary: body.summary ?? '',
    status: 'draft',
    opensAt: null,
    closesAt: null,
    editors: [actor.id],
    revision: 0,
    createdBy: actor.id,
    createdAt: t,
    updatedAt: t,
    // A new consultation counts people: only verified addresses take part until its editors say otherwise.
    requirements: ['verifiedEmail']
  }
  await ctx.store.createBill(bill)
  await ctx.store.appendDocUpdate(bill.id, initialUpdate(blocks))
  ctx.log.info({ billId: bill.id, by: actor.id }, 'bill created')
  return bill
}

const iso = (s: string | null | undefined): string | null | undefined => s == null ? s : new Date(s).toISOString()

/** Changes a bill's title, summary, dates, editors, wording style or requirements (its editors only; who may be an editor: editors.ts). */
export async function updateBill (ctx: Ctx, actor: Actor, billId: string, body: BillPatchBody): Promise<BillRecord> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  const opensAt = body.opensAt !== undefined ? iso(body.opensAt) : bill.opensAt
  const closesAt = body.closesAt !== undefined ? iso(body.closesAt) : bill.closesAt
  if (opensAt && closesAt && closesAt <= opensAt) throw new RuleBroken('invalid_dates', 'the consultation must close after it opens')
  if (bill.status !== 'draft' && (opensAt === null || closesAt === null)) throw new RuleBroken('invalid_dates', 'a published bill keeps its dates')
  let editors: string[] | undefined
  if (body.editors) {
    editors = [...new Set(body.editors)]
    const found = await ctx.store.getUsers(editors)
    if (found.length !== editors.length) {
      const known = new Set(found.map(u => u.id))
      throw new InvalidInput('unknown editors', { unknown: editors.filter(e => !known.has(e)) })
    }
    assertEditorsChange(bill, actor!, found)
  }
  const updated = await ctx.store.updateBill(billId, {
    title: body.title, summary: body.summary, opensAt, closesAt, editors, wordingStyle: body.wordingStyle, updatedAt: ctx.now().toISOString(), requirements: body.requirements
  })
  if (!updated) throw new NotFound('bill')
  ctx.events.emit('bill:updated', { billId })
  return updated
}

/** Freezes the working text into the article list of a revision; 422 when not publishable. */
export function revisionArticles (blocks: BillBlock[]): RevisionArticle[] {
  const problems: string[] = []
  const nums = new Set<string>()
  const articles: RevisionArticle[] = []
  for (const b of blocks) {
    if (b.kind !== 'article') continue
    const alineas = frozenAlineas(b.alineas)
    if (alineas.length === 0) problems.push(`article ${b.num || '?'} has no text`)
    if (!b.num.trim()) problems.push('an article has no number')
    else if (nums.has(b.num)) problems.push(`article ${b.num} appears twice`)
    nums.add(b.num)
    articles.push({ id: b.id, num: b.num, heading: b.heading, alineas, hash: articleHash(alineas) })
  }
  if (articles.length === 0) problems.push('the bill has no article')
  if (problems.length > 0) throw new RuleBroken('invalid_text', `the text cannot be published: ${problems.join('; ')}`, { problems })
  return articles
}

/** Publishes the working text as the next revision and opens (or keeps open) the consultation. */
export async function publishBill (ctx: Ctx, actor: Actor, billId: string, body: PublishBody): Promise<BillRecord> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  if (bill.status === 'closed') throw new RuleBroken('consultation_closed', 'a closed consultation cannot be published again')
  const now = ctx.now()
  const opensAt = iso(body.opensAt) ?? (bill.status === 'open' && bill.opensAt ? bill.opensAt : now.toISOString())
  const closesAt = iso(body.closesAt)!
  if (closesAt <= opensAt || closesAt <= now.toISOString()) throw new RuleBroken('invalid_dates', 'the consultation must close in the future, after it opens')
  let blocks: BillBlock[]
  const ydoc = await loadWorkingDoc(ctx.store, billId)
  if (body.stateVector !== undefined) {
    let covered: boolean
    try {
      covered = coversStateVector(ydoc, body.stateVector)
    } catch {
      throw new InvalidInput('stateVector is not a Yjs state vector')
    }
    if (!covered) throw new Conflict('not_saved_yet', 'some of your latest changes have not reached the server yet: publish again in a moment')
  }
  try {
    // Duplicate ids (a paste in an editor without the repair plugin) never reach a revision.
    blocks = dedupeArticleIds(workingBlocks(ydoc))
  } catch (err) {
    if (err instanceof RangeError) throw new RuleBroken('invalid_text', `the working text is not a valid bill: ${err.message}`)
    throw err
  }
  const articles = revisionArticles(blocks)
  const doc = blocksToDoc(blocks.map(b => b.kind === 'article' ? { ...b, alineas: articles.find(a => a.id === b.id)!.alineas } : b))
  if (bill.revision > 0) {
    const previous = await ctx.store.getRevision(billId, bill.revision)
    if (previous && JSON.stringify(previous.doc) === JSON.stringify(doc)) {
      throw new RuleBroken('nothing_to_publish', 'the working text has not changed since the last revision')
    }
  }
  const revision: RevisionRecord = {
    billId,
    number: bill.revision + 1,
    doc,
    articles,
    publishedAt: now.toISOString(),
    publishedBy: actor!.id
  }
  let published: BillRecord
  try {
    published = await ctx.store.publishRevision(revision, { revision: revision.number, status: 'open', opensAt, closesAt, updatedAt: now.toISOString() })
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new Conflict('publish_conflict', `could not publish: ${err.key} already exists (published concurrently, or an article id is used by another bill)`)
    throw err
  }
  ctx.log.info({ billId, revision: revision.number, by: actor!.id }, 'bill published')
  ctx.events.emit('bill:published', { billId, revision: revision.number })
  return published
}

/** Closes an open consultation (its editors only). */
export async function closeBill (ctx: Ctx, actor: Actor, billId: string): Promise<BillRecord> {
  const bill = assertEditor(await ctx.store.getBill(billId), actor)
  if (bill.status !== 'open') throw new RuleBroken('not_open', 'only an open consultation can be closed')
  const now = ctx.now().toISOString()
  const closesAt = bill.closesAt && bill.closesAt < now ? bill.closesAt : now
  const closed = await ctx.store.updateBill(billId, { status: 'closed', closesAt, updatedAt: now })
  ctx.events.emit('bill:closed', { billId })
  return closed!
}

/** A published revision, as anyone who may see the bill reads it. */
export async function getRevision (ctx: Ctx, actor: Actor, billId: string, number: number): Promise<RevisionView> {
  assertVisible(await ctx.store.getBill(billId), actor)
  const rev = await ctx.store.getRevision(billId, number)
  if (!rev) throw new NotFound('revision')
  const [by] = await ctx.store.getUsers([rev.publishedBy])
  return { ...rev, publishedBy: by ? publicView(by) : { id: rev.publishedBy, displayName: '?', profileType: 'institution' } }
}
