/** Stored amendments, their decisions and list orders. */
import type { AmendmentStatus } from '../../../shared/types.ts'
import type { ArticleDiff } from '../../../shared/diff.ts'
import type { AmendmentSort } from '../../../shared/api/amendments.ts'

/** Who decided an amendment (an editor's user id), when, and the answer they gave its author. */
export interface AmendmentDecision { by: string; at: string; response: string }

/** The formal wording of an amendment in both languages. */
export interface AmendmentWording { fr: string; en: string }

/**
 * A proposed change to one article: the whole article as proposed (empty:
 * delete it), written against `baseRevision`. The base text and its hash are
 * copied from that revision (revisions are immutable), so staleness is a hash
 * comparison and a rebase or consolidation needs no revision read. `diff` and
 * `wording` are computed from base and proposal when stored.
 */
export interface AmendmentRecord {
  id: string
  billId: string
  articleId: string
  authorId: string
  baseRevision: number
  baseAlineas: string[]
  baseHash: string
  alineas: string[]
  explanation: string
  status: AmendmentStatus
  diff: ArticleDiff
  wording: AmendmentWording
  decision: AmendmentDecision | null
  /** Rank in its bill's decision order (1, 2, ...), set when accepted or rejected; consolidation follows it. */
  decidedSeq: number | null
  /** A random integer in [0, RANDOM_MODULUS) drawn at creation, which the seeded random order permutes. */
  shuffle: number
  createdAt: string
  updatedAt: string
  /**
   * `article` rewrites `articleId`; `addArticle` inserts a new article (its
   * text is `alineas`) next to `articleId`, its anchor, on the side `position`
   * says. The base text of an additional article is its anchor's.
   */
  kind: AmendmentKind
  /** For `addArticle`: after or before the anchor; null for `article`. */
  position: 'after' | 'before' | null
  /** For `addArticle`: the new article's heading, if any. */
  heading: string | null
  /** Per bill, 1, 2, 3 ... in order of tabling, never reused: assigned by the store when created. */
  number: number
  /** Where an imported official amendment comes from; null for one proposed here. */
  origin: AmendmentOrigin | null
  /** False for an imported amendment whose dispositif could not be applied to the bill's text (`appliesReason` says why). */
  applies: boolean
  appliesReason: string | null
}

/** The kinds of amendment. */
export type AmendmentKind = 'article' | 'addArticle'

/** An official amendment's source: the chamber, its number as printed, its authors and its page. */
export interface AmendmentOrigin {
  chamber: 'an' | 'senat'
  number: string
  authors: string[]
  url: string | null
  /** The official dispositif, verbatim (plain text, one line per paragraph). */
  dispositif: string
}

/** What a rebase changes: the new base and the text merged onto it, with their diff and wording. */
export type AmendmentText = Pick<AmendmentRecord, 'baseRevision' | 'baseAlineas' | 'baseHash' | 'alineas' | 'diff' | 'wording' | 'updatedAt'>

/** The orders of an article's amendment list (declared in shared/api/amendments.ts; see `server/domain/ranking.ts`). */
export type { AmendmentSort }

/** Where a page of amendments starts: the sort key of the last item of the previous page. */
export type AmendmentListKey =
  | { sort: 'recent'; createdAt: string; id: string }
  | { sort: 'supported'; score: number; createdAt: string; id: string }
  | { sort: 'random'; rank: number; id: string }

/** Whose amendments `listAmendments` lists: one article's, or a whole bill's. */
export type AmendmentScope = { articleId: string } | { billId: string }

/** Options of `listAmendments`. */
export interface AmendmentListQuery {
  sort: AmendmentSort
  /** Only this status; by default every status but `withdrawn`. */
  status?: AmendmentStatus
  /** Only this kind (an article's list holds only `article` amendments). */
  kind?: AmendmentKind
  /** Page size. */
  limit: number
  /** For `random`: the permutation `rank = (shuffle * a + b) mod RANDOM_MODULUS` (see `randomSeed`). */
  seed?: { a: number; b: number }
  /** Start after this key (it must be of the same sort). */
  after?: AmendmentListKey | null
}

/** One page of amendments and the key of its last item when more follow. */
export interface AmendmentPage { items: AmendmentRecord[]; next: AmendmentListKey | null }

/** The page of a list query's `rows`, read one beyond `limit` to know whether another page follows, and the key that starts it. */
export function amendmentPage<R> (rows: R[], limit: number, toRecord: (r: R) => AmendmentRecord, keyOf: (r: R) => AmendmentListKey): AmendmentPage {
  const more = rows.length > limit
  const page = more ? rows.slice(0, limit) : rows
  return { items: page.map(toRecord), next: more ? keyOf(page[page.length - 1]) : null }
}

export interface AmendmentStore {
  /**
   * Inserts an amendment with the next number of its bill (its `number` is
   * ignored), atomically, and returns that number; throws
   * DuplicateKeyError('id') when the id exists.
   */
  createAmendment (amendment: AmendmentRecord): Promise<number>
  getAmendment (id: string): Promise<AmendmentRecord | null>
  /**
   * One page of an article's amendments in the given order: `recent` (newest
   * first), `supported` (Wilson score of their tally, highest first, then
   * newest) or `random` (the seeded permutation). Ties end on the id, so the
   * order is total and keyset pages never repeat or skip an unchanged item.
   */
  listAmendments (scope: AmendmentScope, query: AmendmentListQuery): Promise<AmendmentPage>
  /** `article` amendments of each article that are not withdrawn, keyed by article id (missing ids are zero). */
  countAmendments (articleIds: string[]): Promise<Map<string, number>>
  /** Creation times (ascending) of the author's amendments to the article since `since`, withdrawn ones included: for rate limits. */
  amendmentTimesByAuthor (authorId: string, articleId: string, since: string): Promise<string[]>
  /**
   * Atomically accepts or rejects a `proposed` amendment, records the decision
   * and gives it the next rank of its bill's decision order. Returns null,
   * changing nothing, when the amendment is missing or no longer `proposed`.
   */
  decideAmendment (id: string, status: 'accepted' | 'rejected', decision: AmendmentDecision): Promise<AmendmentRecord | null>
  /** Atomically withdraws a `proposed` amendment; null, changing nothing, when missing or no longer `proposed`. */
  withdrawAmendment (id: string, at: string): Promise<AmendmentRecord | null>
  /**
   * Atomically replaces a `proposed` amendment's base and text (a rebase),
   * only if its base revision is still `expectedBaseRevision`; null,
   * changing nothing, otherwise.
   */
  updateAmendmentText (id: string, text: AmendmentText, expectedBaseRevision: number): Promise<AmendmentRecord | null>
  /** The bill's accepted amendments in decision order. */
  listAcceptedAmendments (billId: string): Promise<AmendmentRecord[]>
}

/** The fields of an amendment to one article proposed here (not an additional article, not imported), before the store numbers it. */
export const ARTICLE_AMENDMENT: Pick<AmendmentRecord, 'kind' | 'position' | 'heading' | 'number' | 'origin' | 'applies' | 'appliesReason'> = {
  kind: 'article', position: null, heading: null, number: 0, origin: null, applies: true, appliesReason: null
}
