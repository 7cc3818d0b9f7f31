/**
 * The rows of the open data and of the staff tables, read page by page with
 * the store's keyset cursors (async generators: one page in memory at a
 * time). Authors and voters are pseudonyms (`pseudonyms.ts`) with their
 * profile type, never an email; staff tables may add display names, which
 * the site shows publicly anyway. For the public audience a hidden
 * contribution keeps its place, author and figures, is flagged, and its text
 * is replaced (arguments, amendment explanations) or withheld (an amendment's
 * text, diff and wording), as the API does.
 */
import type { Ctx } from '../domain/context.ts'
import type { Audience } from '../domain/synthesis.ts'
import type { AmendmentRecord, BillRecord, BillVoteKey, CreatedKey, UserRecord } from '../store/store.ts'
import type { ArticleDiff } from '../../shared/diff.ts'
import type {
  AmendmentStatus, ArgumentSide, ModerationReason, ProfileType, Tally, TargetType, VoteValue
} from '../../shared/types.ts'
import { supportScore } from '../domain/ranking.ts'
import { hiddenBody, visibilityOf } from '../domain/moderation-state.ts'
import { pseudonyms, type Pseudonyms } from './pseudonyms.ts'
import { styledWording } from '../domain/amendment-text.ts'

/** What every exporter of one bill needs. */
export interface ExportContext {
  ctx: Ctx
  bill: BillRecord
  audience: Audience
  ids: Pseudonyms
}

/** The context of one export. */
export function exportContext (ctx: Ctx, bill: BillRecord, audience: Audience): ExportContext {
  return { ctx, bill, audience, ids: pseudonyms(ctx.config.secret, bill.id) }
}

/**
 * An amendment in the open data. `number` is its number in the bill (« n° 12 »,
 * in order of tabling). An additional article (`kind: addArticle`) has the
 * article it goes next to in `articleId`/`articleNum` and the side in `position`.
 */
export interface OpenAmendment {
  number: number
  id: string
  kind: 'article' | 'addArticle'
  articleId: string
  articleNum: string | null
  position: 'after' | 'before' | null
  heading: string | null
  origin: { chamber: 'an' | 'senat'; number: string; authors: string[]; url: string | null } | null
  applies: boolean
  appliesReason: string | null
  baseRevision: number
  status: AmendmentStatus
  author: string
  authorProfile: ProfileType
  /** Staff tables only. */
  authorName?: string
  createdAt: string
  updatedAt: string
  tally: Tally
  support: number
  hidden: boolean
  hiddenReason: ModerationReason | null
  explanation: string
  baseAlineas: string[]
  alineas: string[]
  wording: { fr: string; en: string } | null
  diff: ArticleDiff | null
  decision: { by: string; byName?: string; at: string; response: string } | null
  decidedSeq: number | null
}

/** An argument in the open data. */
export interface OpenArgument {
  id: string
  target: { type: 'article' | 'amendment'; id: string }
  side: ArgumentSide
  author: string
  authorProfile: ProfileType
  authorName?: string
  body: string
  upvotes: number
  hidden: boolean
  hiddenReason: ModerationReason | null
  createdAt: string
  editedAt: string | null
}

/** A vote in the open data (on an argument: an upvote, value `for`). */
export interface OpenVote {
  voter: string
  voterProfile: ProfileType
  target: { type: TargetType; id: string }
  value: VoteValue
  at: string
}

/** Page sizes: bounded memory, few round trips. */
export const PAGE = { amendments: 500, arguments: 2000, votes: 5000 } as const

/** Users of a page by id (one store call). */
async function usersOf (ctx: Ctx, ids: Iterable<string>): Promise<Map<string, UserRecord>> {
  return new Map((await ctx.store.getUsers([...new Set(ids)])).map(u => [u.id, u]))
}

/** Resolves article ids to their numbers: the bill's current articles, then removed ones as they come. */
export async function articleNumbers (x: ExportContext): Promise<(id: string) => Promise<string | null>> {
  const nums = new Map<string, string | null>((await x.ctx.store.listArticles(x.bill.id)).map(a => [a.id, a.num]))
  return async id => {
    if (!nums.has(id)) nums.set(id, (await x.ctx.store.getArticle(id))?.num ?? null)
    return nums.get(id)!
  }
}

const profileOf = (u: UserRecord | undefined): ProfileType => u?.profileType ?? 'citizen'

/** The bill's amendments (every status, oldest first), a page at a time. */
export async function * amendmentPages (x: ExportContext, names = false): AsyncGenerator<OpenAmendment[]> {
  const numOf = await articleNumbers(x)
  const staff = x.audience === 'staff'
  let after: CreatedKey | null = null
  let number = 0
  for (;;) {
    const page: AmendmentRecord[] = await x.ctx.store.listBillAmendments(x.bill.id, after, PAGE.amendments)
    if (page.length === 0) return
    const ids = page.map(a => a.id)
    const [tallies, visibility, users] = await Promise.all([
      x.ctx.store.getTallies('amendment', ids),
      visibilityOf(x.ctx, 'amendment', ids),
      usersOf(x.ctx, page.flatMap(a => a.decision ? [a.authorId, a.decision.by] : [a.authorId]))
    ])
    const rows: OpenAmendment[] = []
    for (const a of page) {
      const v = visibility.get(a.id)!
      const shown = staff || !v.hidden
      const tally = tallies.get(a.id)!
      ++number
      const row: OpenAmendment = {
        number: a.number > 0 ? a.number : number,
        id: a.id,
        kind: a.kind,
        articleId: a.articleId,
        articleNum: await numOf(a.articleId),
        position: a.position,
        heading: shown ? a.heading : null,
        origin: a.origin ? { chamber: a.origin.chamber, number: a.origin.number, authors: a.origin.authors, url: a.origin.url } : null,
        applies: a.applies,
        appliesReason: a.appliesReason,
        baseRevision: a.baseRevision,
        status: a.status,
        author: x.ids.author(a.authorId),
        authorProfile: profileOf(users.get(a.authorId)),
        createdAt: a.createdAt,
        updatedAt: a.updatedAt,
        tally,
        support: supportScore(tally),
        hidden: v.hidden,
        hiddenReason: v.hiddenReason,
        explanation: shown ? a.explanation : hiddenBody(v.hiddenReason),
        baseAlineas: shown ? a.baseAlineas : [],
        alineas: shown ? a.alineas : [],
        // In the bill's house style, as the API shows it.
        wording: shown ? styledWording(a, x.bill.wordingStyle) : null,
        diff: shown ? a.diff : null,
        decision: a.decision
          ? { by: x.ids.author(a.decision.by), ...(names ? { byName: users.get(a.decision.by)?.displayName ?? '?' } : {}), at: a.decision.at, response: a.decision.response }
          : null,
        decidedSeq: a.decidedSeq
      }
      if (names) row.authorName = users.get(a.authorId)?.displayName ?? '?'
      rows.push(row)
    }
    yield rows
    const last = page[page.length - 1]
    if (page.length < PAGE.amendments) return
    after = { createdAt: last.createdAt, id: last.id }
  }
}

/** The bill's arguments (not deleted, hidden ones flagged), oldest first, a page at a time. */
export async function * argumentPages (x: ExportContext, names = false): AsyncGenerator<OpenArgument[]> {
  const staff = x.audience === 'staff'
  let after: CreatedKey | null = null
  for (;;) {
    const page = await x.ctx.store.listBillArguments(x.bill.id, { after, limit: PAGE.arguments })
    if (page.length === 0) return
    const users = await usersOf(x.ctx, page.map(a => a.authorId))
    yield page.map(a => {
      const u = users.get(a.authorId)
      const row: OpenArgument = {
        id: a.id,
        target: { type: a.target.type, id: a.target.id },
        side: a.side,
        author: x.ids.author(a.authorId),
        authorProfile: profileOf(u),
        body: a.hidden && !staff ? hiddenBody(a.hiddenReason) : a.body,
        upvotes: a.upvotes,
        hidden: a.hidden,
        hiddenReason: a.hiddenReason,
        createdAt: a.createdAt,
        editedAt: a.editedAt
      }
      if (names) row.authorName = u?.displayName ?? '?'
      return row
    })
    if (page.length < PAGE.arguments) return
    const last = page[page.length - 1]
    after = { createdAt: last.createdAt, id: last.id }
  }
}

/** The bill's votes (articles, amendments, upvotes of arguments), ordered by voter, a page at a time. */
export async function * votePages (x: ExportContext): AsyncGenerator<OpenVote[]> {
  let after: BillVoteKey | null = null
  for (;;) {
    const page = await x.ctx.store.listBillVotes(x.bill.id, after, PAGE.votes)
    if (page.length === 0) return
    const users = await usersOf(x.ctx, page.map(v => v.userId))
    yield page.map(v => ({
      voter: x.ids.voter(v.userId),
      voterProfile: profileOf(users.get(v.userId)),
      target: { type: v.target.type, id: v.target.id },
      value: v.value,
      at: v.at
    }))
    if (page.length < PAGE.votes) return
    const last = page[page.length - 1]
    after = { userId: last.userId, type: last.target.type, id: last.target.id }
  }
}
