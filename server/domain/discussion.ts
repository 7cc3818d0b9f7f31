/**
 * The order in which a parliament discusses amendments (the "liasse"), and
 * which proposed amendments have fallen.
 *
 * Order: in the order of the text, an article's amendments at its place and
 * additional articles at theirs (after "2" and its amendments, before "3");
 * within an article, deletion of the article first, then rewriting of the
 * whole article (no alinéa kept), then by the first base alinéa and the first
 * word they touch; on the same place, the one that changes most (furthest
 * from the text) first; ties by number. Amendments whose article left the
 * bill come last.
 *
 * Fallen: a proposed amendment of an article falls when an accepted
 * amendment of the same article already took its passage, that is when it no
 * longer merges cleanly onto the consolidated text (or the article was
 * deleted while it rewrites it). Imported amendments that do not apply never
 * fall: they were never applicable.
 */
import type { AmendmentRecord, ArticleRecord } from './store.ts'
import type { ArticleDiff } from '../../shared/diff.ts'
import { consolidate, merge3 } from '../../shared/merge.ts'

/** The sort key of one amendment in the discussion order (compared element by element). */
export type DiscussionKey = number[]

/** Where a diff first touches its base: alinéa (inserted ones between alinéas), word offset, and how many base characters it changes. */
function firstTouch (diff: ArticleDiff): { alinea: number; offset: number; extent: number } {
  let alinea = Number.POSITIVE_INFINITY
  let offset = 0
  let extent = 0
  for (const a of diff.alineas) {
    if (a.kind === 'kept') continue
    if (a.kind === 'deleted') {
      extent += a.text.length
      if (a.base < alinea) { alinea = a.base; offset = 0 }
    } else if (a.kind === 'inserted') {
      extent += 1
      const at = a.after + 0.5
      if (at < alinea) { alinea = at; offset = 0 }
    } else {
      let at = 0
      let first = -1
      for (const part of a.parts) {
        if (part.op === 'equal') at += part.text.length
        else {
          if (first < 0) first = at
          if (part.op === 'delete') { extent += part.text.length; at += part.text.length } else extent += 1
        }
      }
      if (a.base < alinea || (a.base === alinea && first < offset)) { alinea = a.base; offset = Math.max(0, first) }
    }
  }
  return { alinea, offset, extent }
}

/** 0: deletes the article; 1: rewrites all of it; 2: changes part of it. */
function classOf (a: AmendmentRecord): number {
  if (a.kind === 'article' && a.alineas.length === 0) return 0
  const kept = a.diff.alineas.some(x => x.kind === 'kept')
  return a.kind === 'article' && a.diff.baseCount > 0 && !kept && a.applies ? 1 : 2
}

/** The discussion key of an amendment, given the position of each article in the text (index by id). */
export function discussionKey (a: AmendmentRecord, place: ReadonlyMap<string, number>): DiscussionKey {
  const at = place.get(a.articleId)
  if (at === undefined) return [Number.MAX_SAFE_INTEGER, 0, 0, 0, 0, 0, a.number]
  if (a.kind === 'addArticle') return [a.position === 'before' ? at * 2 - 1 : at * 2 + 1, 0, 0, 0, 0, 0, a.number]
  const touch = firstTouch(a.diff)
  const cls = classOf(a)
  return [at * 2, cls, cls < 2 ? 0 : touch.alinea, cls < 2 ? 0 : touch.offset, -touch.extent, 0, a.number]
}

/** Compares two discussion keys. */
function compareKeys (x: DiscussionKey, y: DiscussionKey): number {
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1
  }
  return 0
}

/** The amendments in discussion order; `articles` are the bill's articles in the order of the text. */
export function discussionOrder (amendments: readonly AmendmentRecord[], articles: readonly ArticleRecord[]): AmendmentRecord[] {
  const place = new Map(articles.map((a, i) => [a.id, i + 1]))
  const keyed = amendments.map(a => ({ a, key: discussionKey(a, place) }))
  keyed.sort((x, y) => compareKeys(x.key, y.key))
  return keyed.map(k => k.a)
}

/**
 * The ids of proposed amendments among `candidates` that have fallen, given
 * the bill's accepted amendments in decision order and its articles by id.
 */
export function fallenAmendments (candidates: readonly AmendmentRecord[], accepted: readonly AmendmentRecord[], articles: ReadonlyMap<string, ArticleRecord>): Set<string> {
  const out = new Set<string>()
  const acceptedBy = new Map<string, AmendmentRecord[]>()
  for (const a of accepted) {
    if (a.kind !== 'article' || !a.applies) continue
    acceptedBy.set(a.articleId, [...(acceptedBy.get(a.articleId) ?? []), a])
  }
  const consolidated = new Map<string, string[]>()
  for (const c of candidates) {
    if (c.status !== 'proposed' || c.kind !== 'article' || !c.applies) continue
    const taken = acceptedBy.get(c.articleId)
    const article = articles.get(c.articleId)
    if (!taken || !article) continue
    let text = consolidated.get(article.id)
    if (!text) {
      text = consolidate(article.alineas, taken.map(a => ({ id: a.id, base: a.baseAlineas, alineas: a.alineas }))).alineas
      consolidated.set(article.id, text)
    }
    if (text.length === 0) {
      // The article is deleted: everything but its deletion has fallen (a deletion is moot too).
      out.add(c.id)
      continue
    }
    if (!merge3(c.baseAlineas, text, c.alineas).clean) out.add(c.id)
  }
  return out
}
