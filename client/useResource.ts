/**
 * Loads data for a component and keeps it across reloads, so a refresh
 * (after signing in or out, say) updates the page without blanking it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'

export interface Resource<T> {
  data: T | undefined
  error: unknown
  loading: boolean
  /** Loads again (e.g. the "Try again" button). */
  reload: () => void
}

/** Runs `load` on mount and whenever `deps` change; aborts the previous load. */
export function useResource<T> (load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<unknown>(undefined)
  const [loading, setLoading] = useState(true)
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    const controller = new AbortController()
    setLoading(true)
    loadRef.current(controller.signal).then(
      d => { if (!controller.signal.aborted) { setData(d); setError(undefined); setLoading(false) } },
      e => { if (!controller.signal.aborted) { setError(e); setLoading(false) } }
    )
    return () => controller.abort()
  }, [...deps, attempt])

  const reload = useCallback(() => setAttempt(a => a + 1), [])
  return { data, error, loading, reload }
}
