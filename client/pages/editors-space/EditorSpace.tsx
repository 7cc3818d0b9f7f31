/**
 * The editors' space (`/bills/:id/edit`): the bill's working text in the
 * co-drafting editor, with the connection state, who else is here, the
 * toolbar and Publish for the bill's editors. Anyone who may see the bill
 * (a published one, or a draft's editors) can open it: non-editors follow
 * the drafting live, read-only.
 *
 * This page is only the shell (the bill's heading, the read-only notice):
 * the working area and the editor it holds (ProseMirror, Yjs, y-websocket)
 * are loaded with a dynamic `import()`, as their own chunk, so that reading
 * a bill never downloads them.
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type BillView } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { useResource } from '../../useResource.ts'
import { PageHeading } from '../../components/PageHeading.tsx'
import { BillMeta } from '../../components/BillMeta.tsx'
import { PageLoadState } from '../PageLoadState.tsx'
import { BillTools } from '../staff/common.tsx'
import type { SessionState } from '../../session.ts'

type WorkspaceModule = typeof import('./EditorWorkspace.tsx')

/** Loads the working area's module once per page; `retry` loads it again after a failure. */
function useWorkspaceModule (): { module: WorkspaceModule | null; error: unknown; retry: () => void } {
  const [module, setModule] = useState<WorkspaceModule | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    let cancelled = false
    setError(null)
    import('./EditorWorkspace.tsx').then(m => { if (!cancelled) setModule(m) }, err => { if (!cancelled) setError(err) })
    return () => { cancelled = true }
  }, [attempt])
  return { module, error, retry: () => setAttempt(a => a + 1) }
}

/**
 * The page. `me` is the signed-in user (undefined until known); `epoch`
 * reloads the bill, and so the editor with the right rights, when the
 * reader signs in or out here.
 */
export function EditorSpacePage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const bill = useResource(signal => api.bill(id, signal), [id, epoch])
  const [published, setPublished] = useState<BillView | null>(null)
  const workspace = useWorkspaceModule()

  if (bill.data === undefined) return <PageLoadState error={bill.error} onRetry={bill.reload} notFound={t('bill.notFound')} />
  const b = published && published.id === bill.data.id && published.revision >= bill.data.revision ? published : bill.data
  const billPath = `/bills/${encodeURIComponent(id)}`
  return (
    <div class="page page--editors">
      <header class="editors-header">
        <p class="eyebrow">{b.canEdit ? t('editors.title') : t('editors.followTitle')}</p>
        <PageHeading title={b.title} />
        <BillMeta bill={b} showDates />
        <p><a href={billPath}>{t('editors.backToBill')}</a></p>
        <BillTools billId={b.id} current="edit" canEdit={b.canEdit} />
      </header>
      {!b.canEdit && (
        <p class="banner banner--readonly" data-readonly="true">
          <strong>{t('editors.readOnlyTitle')}</strong> — {t('editors.readOnly')}
        </p>
      )}
      {workspace.module
        ? <workspace.module.EditorWorkspace key={`${b.id}:${String(b.canEdit)}:${epoch}`} bill={b} me={me} onPublished={setPublished} onRightsChanged={bill.reload} />
        : workspace.error
          ? (
            <div class="load-error" role="alert">
              <p>{t('editors.loadFailed')}</p>
              <button type="button" class="button button--secondary" onClick={workspace.retry}>{t('common.retry')}</button>
            </div>
            )
          : <p class="loading" role="status">{t('editors.loadingEditor')}</p>}
    </div>
  )
}
