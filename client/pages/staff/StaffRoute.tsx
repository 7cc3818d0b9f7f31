/**
 * The routes of the editors', moderators' and clerks' pages (amendments to
 * decide, consolidated text, moderation, synthesis, account). Their code is
 * one chunk, loaded with a dynamic `import()` the first time one of them is
 * opened, with a notice meanwhile and "Try again" if it fails.
 */
import { useEffect, useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import type { SessionState } from '../../session.ts'

type StaffModule = typeof import('./staff.ts')

/** Which page to show. */
export type StaffPageName = 'decisions' | 'consolidated' | 'moderation' | 'synthesis' | 'account' | 'workspace'

let loaded: StaffModule | null = null
let loading: Promise<StaffModule> | null = null

function load (): Promise<StaffModule> {
  loading ??= import('./staff.ts').then(m => { loaded = m; return m }, err => { loading = null; throw err })
  return loading
}

/** One staff page; `id` is the bill's (when the page has one), `query` the address's query. */
export function StaffRoute ({ page, id = '', me, epoch, query }: { page: StaffPageName; id?: string; me: SessionState; epoch: number; query: URLSearchParams }) {
  const [mod, setMod] = useState<StaffModule | null>(loaded)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    if (mod) return
    let cancelled = false
    setError(null)
    load().then(m => { if (!cancelled) setMod(m) }, err => { if (!cancelled) setError(err) })
    return () => { cancelled = true }
  }, [attempt])

  if (!mod) {
    return error
      ? (
        <div class="load-error" role="alert">
          <p><span aria-hidden="true">⚠ </span>{t('staff.loadFailed')}</p>
          <button type="button" class="button button--secondary" onClick={() => setAttempt(a => a + 1)}>{t('common.retry')}</button>
        </div>
        )
      : <p class="loading" role="status">{t('common.loading')}</p>
  }
  switch (page) {
    case 'decisions': return <mod.DecisionsPage id={id} me={me} epoch={epoch} query={query} />
    case 'consolidated': return <mod.ConsolidatedPage id={id} me={me} epoch={epoch} query={query} />
    case 'moderation': return <mod.ModerationPage me={me} epoch={epoch} />
    case 'synthesis': return <mod.SynthesisPage id={id} me={me} epoch={epoch} />
    case 'account': return <mod.AccountPage me={me} epoch={epoch} />
    case 'workspace': return <mod.WorkspacePage me={me} epoch={epoch} />
  }
}
