/**
 * The amendments of a bill, article by article: one list request per
 * article (at most four at a time), each article's "voir plus", and a way
 * to replace an amendment after a decision without reloading the rest.
 */
import { useCallback, useEffect, useState } from 'preact/hooks'
import { amendmentPlace } from '../../../shared/additional-article.ts'
import type { AmendmentSort, AmendmentView } from '../../api.ts'
import { mapLimited, staffApi, type StatusFilter } from './staff-api.ts'

/** The amendments of one article as loaded so far. */
export interface ArticleAmendments {
  state: 'loading' | 'ready' | 'error'
  items: AmendmentView[]
  next: string | null
  error?: unknown
  /** A "voir plus" in flight. */
  more?: boolean
}

/** The orders the editors' decisions page offers. */
export type AmendmentSortKey = Exclude<AmendmentSort, 'random'>

/** Loads the amendments of `articleIds` for a status and an order; reloads when they change. */
export function useBillAmendments (articleIds: string[], status: StatusFilter, sort: AmendmentSortKey) {
  const [groups, setGroups] = useState<Record<string, ArticleAmendments>>({})
  const [attempt, setAttempt] = useState(0)
  const key = articleIds.join(',')

  useEffect(() => {
    const controller = new AbortController()
    setGroups(Object.fromEntries(articleIds.map(id => [id, { state: 'loading', items: [], next: null }])))
    void mapLimited(articleIds, 4, async id => {
      if (controller.signal.aborted) return
      try {
        const page = await staffApi.amendments(id, { status, sort }, controller.signal)
        if (!controller.signal.aborted) setGroups(g => ({ ...g, [id]: { state: 'ready', items: page.items, next: page.next } }))
      } catch (error) {
        if (!controller.signal.aborted) setGroups(g => ({ ...g, [id]: { state: 'error', items: [], next: null, error } }))
      }
    })
    return () => controller.abort()
  }, [key, status, sort, attempt])

  const loadMore = useCallback(async (id: string) => {
    const group = groups[id]
    if (!group?.next || group.more) return
    setGroups(g => ({ ...g, [id]: { ...g[id], more: true, error: undefined } }))
    try {
      const page = await staffApi.amendments(id, { status, sort, cursor: group.next })
      setGroups(g => {
        const seen = new Set(g[id].items.map(a => a.id))
        return { ...g, [id]: { state: 'ready', items: [...g[id].items, ...page.items.filter(a => !seen.has(a.id))], next: page.next } }
      })
    } catch (error) {
      setGroups(g => ({ ...g, [id]: { ...g[id], more: false, error } }))
    }
  }, [groups, status, sort])

  const replace = useCallback((a: AmendmentView) => {
    setGroups(g => {
      const place = amendmentPlace(a)
      const group = g[place]
      if (!group) return g
      return { ...g, [place]: { ...group, items: group.items.map(x => x.id === a.id ? a : x) } }
    })
  }, [])

  const reload = useCallback(() => setAttempt(n => n + 1), [])
  return { groups, loadMore, replace, reload }
}
