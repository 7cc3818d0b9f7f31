/**
 * Arguments as viewers read them: author as others see them (never an
 * email), upvotes, the viewer's own upvote, and the moderation state, with
 * the text of a hidden argument replaced for everyone but its author.
 * Live events use the public view (no viewer): hidden text never leaves.
 */
import type { Ctx, Actor } from './context.ts'
import type { ArgumentPosition, ListedArgument } from './store.ts'
import type { ArgumentView } from '../../shared/api.ts'
import type { PublicUser } from '../../shared/types.ts'
import { publicView } from './accounts.ts'
import { shownText, visibilityOf } from './moderation-state.ts'
import { decodeCursor, encodeCursor } from './cursors.ts'
import { InvalidInput } from './errors.ts'

/** How long after posting its author may edit an argument. */
export const EDIT_WINDOW_MS = 15 * 60_000

/** A user who no longer exists, so a view never fails on a dangling id. */
const UNKNOWN: Omit<PublicUser, 'id'> = { displayName: '?', profileType: 'citizen' }

/** Views of many arguments for one viewer (null: the public, as live events carry them). */
export async function argumentViews (ctx: Ctx, viewer: Actor, args: ListedArgument[]): Promise<ArgumentView[]> {
  if (args.length === 0) return []
  const ids = args.map(a => a.id)
  const [users, visibility, mine] = await Promise.all([
    ctx.store.getUsers([...new Set(args.map(a => a.authorId))]),
    visibilityOf(ctx, 'argument', ids),
    viewer ? ctx.store.getUserVotes(viewer.id, 'argument', ids) : Promise.resolve(new Map())
  ])
  const byId = new Map(users.map(u => [u.id, publicView(u)]))
  return args.map(a => {
    const v = visibility.get(a.id)!
    return {
      id: a.id,
      billId: a.billId,
      target: { type: a.target.type, id: a.target.id },
      side: a.side,
      body: shownText(a.body, v, a.authorId, viewer),
      author: byId.get(a.authorId) ?? { id: a.authorId, ...UNKNOWN },
      upvotes: a.upvotes,
      myUpvote: mine.has(a.id),
      hidden: v.hidden,
      hiddenReason: v.hiddenReason,
      createdAt: a.createdAt,
      editedAt: a.editedAt,
      editableUntil: new Date(Date.parse(a.createdAt) + EDIT_WINDOW_MS).toISOString()
    }
  })
}

/** One argument as `viewer` sees it; its upvotes are read from its tally. */
export async function argumentView (ctx: Ctx, viewer: Actor, a: Omit<ListedArgument, 'upvotes'> & { upvotes?: number }): Promise<ArgumentView> {
  const upvotes = a.upvotes ?? (await ctx.store.getTally({ type: 'argument', id: a.id })).for
  const [view] = await argumentViews(ctx, viewer, [{ ...a, upvotes }])
  return view
}

/** The cursor of a page of arguments: the sort it belongs to and the last argument's position. */
interface ArgumentCursor { s: 'upvotes' | 'recent'; u: number; c: string; i: string }

const isCursor = (x: unknown): x is ArgumentCursor => {
  const c = x as ArgumentCursor
  return typeof c === 'object' && c !== null && (c.s === 'upvotes' || c.s === 'recent') &&
    Number.isInteger(c.u) && c.u >= 0 && typeof c.c === 'string' && c.c.length <= 40 && typeof c.i === 'string' && c.i.length <= 64
}

/** The cursor after `last` in a list sorted by `sort`. */
export function argumentCursor (sort: 'upvotes' | 'recent', last: ListedArgument): string {
  return encodeCursor({ s: sort, u: last.upvotes, c: last.createdAt, i: last.id } satisfies ArgumentCursor)
}

/** The position a cursor names; 400 when forged or from a list sorted differently. */
export function argumentPosition (sort: 'upvotes' | 'recent', cursor: string): ArgumentPosition {
  const c = decodeCursor(cursor, isCursor)
  if (c.s !== sort) throw new InvalidInput(`invalid cursor: it belongs to the list sorted by ${c.s}`)
  return { upvotes: c.u, createdAt: c.c, id: c.i }
}
