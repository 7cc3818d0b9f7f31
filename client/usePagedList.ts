/**
 * A list the server gives page by page with a cursor (one's contributions,
 * one's notifications): the first page loaded like any resource, the next
 * ones appended by `more`.
 */
import { useState } from 'preact/hooks'
import { useResource } from './useResource.ts'

/** One page of a list and the cursor of the next (null at the end). */
export interface CursorPage<T> { items: T[]; next: string | null }

/**
 * Loads the first page with `load(null)` whenever `deps` change (`first`, a
 * resource); `more` appends the next one, or rejects (the list unchanged).
 */
export function usePagedList<T> (load: (cursor: string | null, signal?: AbortSignal) => Promise<CursorPage<T>>, deps: unknown[]) {
  const first = useResource(signal => load(null, signal), deps)
  const [later, setLater] = useState<CursorPage<T> | null>(null)
  const next = later ? later.next : first.data?.next ?? null
  return {
    first,
    items: [...first.data?.items ?? [], ...later?.items ?? []],
    next,
    async more () {
      if (!next) return
      const page = await load(next)
      setLater({ items: [...later?.items ?? [], ...page.items], next: page.next })
    }
  }
}
