/** Stored arguments and their upvotes. */
import type { ArgumentSide, ModerationReason } from '../../../shared/types.ts'
import type { CreatedKey } from './exports.ts'

/** What an argument is about: an article or an amendment. */
export interface ArgumentTarget { type: 'article' | 'amendment'; id: string }

/**
 * An argument for or against an article or an amendment. Deleting one only
 * sets `deletedAt` (lists and counts leave it out; the moderation log and
 * reports that point at it keep their context).
 */
export interface ArgumentRecord {
  id: string
  billId: string
  target: ArgumentTarget
  side: ArgumentSide
  /** Plain text as the author typed it (trimmed); never HTML. */
  body: string
  authorId: string
  createdAt: string
  editedAt: string | null
  deletedAt: string | null
  /** Who deleted it: its author, a moderator or an admin. */
  deletedBy: string | null
}

/** An argument with its upvotes (the `for` counter of its tally), as lists read it. */
export interface ListedArgument extends ArgumentRecord { upvotes: number }

/** Where a page of arguments starts: after this argument in the list's order. */
export interface ArgumentPosition { upvotes: number; createdAt: string; id: string }

/** Options of `listArguments`. */
export interface ArgumentListQuery {
  target: ArgumentTarget
  side?: ArgumentSide
  /** `upvotes`: most upvoted first, then newest; `recent`: newest first. Ties by id. */
  sort: 'upvotes' | 'recent'
  after?: ArgumentPosition
  limit: number
}

/** Arguments of a target counted by side. */
export interface ArgumentCounts { for: number; against: number }

/** An argument with its moderation state, for staff exports: hidden bodies are kept. */
export interface StaffArgument extends ListedArgument { hidden: boolean; hiddenReason: ModerationReason | null }

export interface ArgumentStore {
  createArgument (argument: ArgumentRecord): Promise<void>
  /** One argument, deleted or not (null when it never existed). */
  getArgument (id: string): Promise<ArgumentRecord | null>
  /** A page of a target's arguments that are not deleted. */
  listArguments (query: ArgumentListQuery): Promise<ListedArgument[]>
  /**
   * Replaces an argument's body and, in the same transaction, removes its
   * upvotes (the votes and their counters): upvoters endorsed another text.
   * Null when there is no such argument or it is deleted.
   */
  editArgument (id: string, body: string, editedAt: string): Promise<ArgumentRecord | null>
  /** Marks an argument deleted; null when there is none or it was deleted already. */
  deleteArgument (id: string, by: string, at: string): Promise<ArgumentRecord | null>
  /** Arguments that are not deleted (hidden ones included), by side, for many targets of one type; missing ids are zero. */
  countArguments (type: ArgumentTarget['type'], ids: string[]): Promise<Map<string, ArgumentCounts>>
  /**
   * Arguments of a bill that are not deleted, oldest first (then by id), with
   * their hidden flag and full body: for exports. Without `page`, all of
   * them; with it, `limit` of them after `page.after` (keyset pages).
   */
  listBillArguments (billId: string, page?: { after?: CreatedKey | null; limit: number }): Promise<StaffArgument[]>
}
