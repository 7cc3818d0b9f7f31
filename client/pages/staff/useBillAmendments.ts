/**
 * The amendments of a bill for the decisions page: the whole bill with the
 * bill-wide route (`GET /bills/:id/amendments`, stale ones with their
 * rebase), or one article's with its own route when the page is filtered on
 * it; pages on request ("voir plus"), and a way to replace an amendment
 * after a decision without reloading the rest.
 */
import { useCallback, useEffect, useState } from 'preact/hooks'
import type { AmendmentSort, AmendmentView, Page } from '../../api.ts'
import { staffApi, type StatusFilter } from './staff-api.ts'

/** The amendments loaded so far. */
export interface BillAmendments {
  state: 'loading' | 'ready' | 'error'
  items: AmendmentView[]
  next: string | null
  error?: unknown
  /** A "voir plus" in flight. */
  more?: boolean
}

/** The orders the editors' decisions page offers. */
export type AmendmentSortKey = Exclude<AmendmentSort, 'random'>

/** Loads the amendments of bill `billId` (of article `articleId` only, when given); reloads when a filter changes; nothing while `enabled` is false. */
export function useBillAmendments (billId: string, articleId: string, status: StatusFilter, sort: AmendmentSortKey, enabled: boolean) {
  const [list, setList] = useState<BillAmendments>({ state: 'loading', items: [], next: null })
  const [attempt, setAttempt] = useState(0)

  const fetchPage = useCallback((cursor: string | null, signal?: AbortSignal): Promise<Page<AmendmentView>> => articleId
    ? staffApi.amendments(articleId, { status, sort, cursor }, signal)
    : staffApi.billAmendments(billId, { status, sort, cursor }, signal), [billId, articleId, status, sort])

  useEffect(() => {
    if (!enabled) return
    const controller = new AbortController()
    setList({ state: 'loading', items: [], next: null })
    fetchPage(null, controller.signal).then(
      page => { if (!controller.signal.aborted) setList({ state: 'ready', items: page.items, next: page.next }) },
      error => { if (!controller.signal.aborted) setList({ state: 'error', items: [], next: null, error }) }
    )
    return () => controller.abort()
  }, [fetchPage, enabled, attempt])

  const loadMore = useCallback(async () => {
    if (!list.next || list.more) return
    setList(l => ({ ...l, more: true, error: undefined }))
    try {
      const page = await fetchPage(list.next)
      setList(l => {
        const seen = new Set(l.items.map(a => a.id))
        return { state: 'ready', items: [...l.items, ...page.items.filter(a => !seen.has(a.id))], next: page.next }
      })
    } catch (error) {
      setList(l => ({ ...l, more: false, error }))
    }
  }, [list, fetchPage])

  const replace = useCallback((a: AmendmentView) => {
    setList(l => ({ ...l, items: l.items.map(x => x.id === a.id ? a : x) }))
  }, [])

  const reload = useCallback(() => setAttempt(n => n + 1), [])
  return { list, loadMore, replace, reload }
}
