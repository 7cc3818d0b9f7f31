/**
 * « Modifié le … (révision N) » under an article whose text changed in a
 * later revision (issue 16), with the changes from the previous revision one
 * click away: the button fetches that revision once and shows the diff with
 * the same view as amendments (DiffView: inline or side by side).
 */
import { useState } from 'preact/hooks'
import { api, type ArticleView, type RevisionView } from '../api.ts'
import { diffArticle } from '../../shared/diff.ts'
import { formatDate, t } from '../i18n/index.ts'
import { DiffView } from './DiffView.tsx'

const revisions = new Map<string, Promise<RevisionView>>()

/** A revision of a bill, fetched once per page load (revisions never change). */
function revisionOf (billId: string, n: number): Promise<RevisionView> {
  const key = `${billId}#${n}`
  let p = revisions.get(key)
  if (!p) {
    p = api.revision(billId, n)
    p.catch(() => revisions.delete(key))
    revisions.set(key, p)
  }
  return p
}

type Shown = { kind: 'closed' } | { kind: 'loading' } | { kind: 'open'; before: string[] } | { kind: 'error' }

/** The notice and its disclosure; nothing for an article unchanged since revision 1. */
export function RevisionNotice ({ article }: { article: ArticleView }) {
  const [shown, setShown] = useState<Shown>({ kind: 'closed' })
  const c = article.changedIn
  if (!c || c.revision <= 1) return null
  const date = formatDate(c.at)
  if (c.previous === null) {
    return <p class="revision-notice" data-revision={c.revision}>{t('revision.addedOn', { date, n: c.revision })}</p>
  }
  const from = c.previous
  const regionId = `revision-diff-${article.id}`
  const open = shown.kind !== 'closed'

  async function toggle () {
    if (open) { setShown({ kind: 'closed' }); return }
    setShown({ kind: 'loading' })
    try {
      const rev = await revisionOf(article.billId, from)
      setShown({ kind: 'open', before: rev.articles.find(a => a.id === article.id)?.alineas ?? [] })
    } catch {
      setShown({ kind: 'error' })
    }
  }

  return (
    <div class="revision-notice" data-revision={c.revision}>
      <p class="revision-notice__line">
        <span class="revision-notice__text">{t('revision.changedOn', { date, n: c.revision })}</span>{' '}
        <button type="button" class="button button--link revision-notice__toggle" aria-expanded={open} aria-controls={regionId} onClick={() => { void toggle() }}>
          {open ? t('revision.hideChanges') : t('revision.showChanges', { from })}
        </button>
      </p>
      <div id={regionId} class="revision-notice__diff" hidden={!open}>
        {shown.kind === 'loading' && <p role="status">{t('revision.loadingChanges')}</p>}
        {shown.kind === 'error' && <p role="alert">{t('error.title')}</p>}
        {shown.kind === 'open' && (
          <DiffView diff={diffArticle(shown.before, article.alineas)} label={t('revision.diffLabel', { num: article.num, from, n: c.revision })} />
        )}
      </div>
    </div>
  )
}
