/**
 * The text side of an amendment: its diff and formal wording against its base
 * (computed once, when stored or rebased), whether it is stale, and the
 * rebase the server offers for a stale one.
 */
import type { AmendmentRecord, AmendmentWording, ArticleRecord } from './store.ts'
import type { MergeConflict } from '../../shared/merge.ts'
import { type ArticleDiff, diffArticle } from '../../shared/diff.ts'
import { wording, type WordingStyle } from '../../shared/wording.ts'
import { merge3 } from '../../shared/merge.ts'
import { InvalidInput } from './errors.ts'

/** The diff of a proposal against its base, and its wording in French and English. */
export function describeChange (base: string[], proposed: string[]): { diff: ArticleDiff; wording: AmendmentWording } {
  const diff = diffArticle(base, proposed)
  try {
    return { diff, wording: { fr: wording(diff, 'fr'), en: wording(diff, 'en') } }
  } catch (err) {
    // Alinéas are normalised (no line breaks) before they get here; this only guards the wording's own checks.
    if (err instanceof RangeError) throw new InvalidInput(`the text cannot be worded: ${err.message}`)
    throw err
  }
}

/**
 * An amendment's wording in its bill's house style. Stored wordings are in the
 * Assemblée style; for a Sénat-style bill the French one is written again from
 * the stored diff (English has one style).
 */
export function styledWording (amendment: Pick<AmendmentRecord, 'diff' | 'wording'> & Partial<Pick<AmendmentRecord, 'kind' | 'origin'>>, style: WordingStyle | undefined): AmendmentWording {
  // An additional article has its own wording; an official amendment's dispositif is kept as printed.
  if (style !== 'senat' || amendment.kind === 'addArticle' || amendment.origin) return amendment.wording
  try {
    return { fr: wording(amendment.diff, 'fr', { style }), en: amendment.wording.en }
  } catch {
    return amendment.wording
  }
}

/** Whether two lists of alinéas are the same text. */
export function sameText (a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/**
 * Whether the amendment was written against another text than its article's
 * latest: the content hashes differ (a revision that left this article alone
 * does not make it stale), or the article left the bill.
 */
export function isStale (amendment: AmendmentRecord, article: ArticleRecord): boolean {
  return article.removedIn !== null || article.hash !== amendment.baseHash
}

/** A stale amendment merged onto its article's latest text (`baseRevision`): clean, or the conflicts. */
export type Rebase =
  | { clean: true; baseRevision: number; alineas: string[]; diff: ArticleDiff; wording: AmendmentWording }
  | { clean: false; baseRevision: number; conflicts: MergeConflict[] }

/**
 * The rebase of a stale, proposed amendment onto the article's latest text,
 * by three-way merge (base: the amendment's base; ours: the latest text, kept
 * where both changed the same words; theirs: the amendment). Null when there
 * is nothing to rebase: not proposed, not stale, or the article left the bill.
 */
export function rebaseOf (amendment: AmendmentRecord, article: ArticleRecord): Rebase | null {
  if (amendment.status !== 'proposed' || article.removedIn !== null || !isStale(amendment, article)) return null
  const merged = merge3(amendment.baseAlineas, article.alineas, amendment.alineas)
  if (!merged.clean) return { clean: false, baseRevision: article.revision, conflicts: merged.conflicts }
  return { clean: true, baseRevision: article.revision, alineas: merged.alineas, ...describeChange(article.alineas, merged.alineas) }
}
