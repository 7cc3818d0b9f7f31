/**
 * The proposed amendments of an article that change the passage being
 * edited: the article's proposed amendments are loaded once (most supported
 * first), then compared with the preview's diff as it changes
 * (`shared/overlap.ts`, through the amend chunk).
 */
import { useEffect, useMemo, useState } from 'preact/hooks'
import { call, type AmendmentView, type ArticleView } from '../api.ts'
import type { ArticleDiff } from '../../shared/diff.ts'

import type { AmendEditorChunk as Chunk } from './useAmendEditorChunk.ts'

/** How many proposed amendments of the article are compared (the most supported). */
const COMPARED = 50

/** The overlapping amendments for `diff` (the proposal against `article.alineas`); empty while nothing is typed or loaded. */
export function useSimilarAmendments (article: ArticleView, chunk: Chunk | null, diff: ArticleDiff | null): AmendmentView[] {
  const [others, setOthers] = useState<AmendmentView[]>([])
  useEffect(() => {
    const controller = new AbortController()
    call('listAmendments', { params: { articleId: article.id }, query: { status: 'proposed', sort: 'supported', limit: COMPARED } }, controller.signal)
      .then(page => setOthers(page.items), () => { /* no hint: proposing still works */ })
    return () => controller.abort()
  }, [article.id])
  // Amendments written on this revision are read from their diff; older ones from their text.
  const comparable = useMemo(() => others
    .filter(a => a.kind === 'article' && (a.diff !== null || !a.hidden))
    .map(a => ({ ...a, diff: a.baseRevision === article.revision ? a.diff : null })), [others, article.revision])
  return useMemo(() => {
    if (!chunk || !diff || comparable.length === 0) return []
    const ids = new Set(chunk.overlapping(article.alineas, chunk.passageOfDiff(diff), comparable).map(a => a.id))
    return others.filter(a => ids.has(a.id))
  }, [chunk, diff, comparable, others, article.alineas])
}
