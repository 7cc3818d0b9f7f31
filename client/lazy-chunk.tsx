/**
 * Pages loaded on demand: a chunk imported with `import()` the first time
 * one of its pages is opened, with a notice meanwhile and "Try again" when
 * it fails (a lost connection, a deployment that replaced the files). Each
 * chunk's entry module imports its messages (i18n/chunks/), so they are
 * registered before its pages render.
 */
import type { VNode } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from './i18n/index.ts'

/** A chunk: its module once loaded (null before), and how to load it (once; again after a failure). */
export interface Chunk<M> { loaded: M | null; load: () => Promise<M> }

/** The chunk that `importer` loads (a function around a literal `import()`, so that Vite splits it off). */
export function chunk<M> (importer: () => Promise<M>): Chunk<M> {
  let loading: Promise<M> | null = null
  const c: Chunk<M> = {
    loaded: null,
    load: () => (loading ??= importer().then(m => { c.loaded = m; return m }, err => { loading = null; throw err }))
  }
  return c
}

/** Renders `render(module)` once `of` is loaded; meanwhile the loading notice, or the failure with "Try again". */
export function LazyPage<M> ({ of, render }: { of: Chunk<M>; render: (module: M) => VNode }) {
  const [module, setModule] = useState<M | null>(of.loaded)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (module) return
    let cancelled = false
    setError(null)
    of.load().then(m => { if (!cancelled) setModule(() => m) }, err => { if (!cancelled) setError(err) })
    return () => { cancelled = true }
  }, [attempt])

  if (module) return render(module)
  return error
    ? (
      <div class="load-error" role="alert">
        <p><span aria-hidden="true">⚠ </span>{t('common.pageLoadFailed')}</p>
        <button type="button" class="button button--secondary" onClick={() => setAttempt(a => a + 1)}>{t('common.retry')}</button>
      </div>
      )
    : <p class="loading" role="status">{t('common.loading')}</p>
}
