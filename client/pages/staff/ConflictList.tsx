/**
 * Accepted amendments that could not be applied to the consolidated text
 * because they change the same words as an earlier decision: for each, the
 * amendment and its passages (initial text, text consolidated so far, the
 * amendment's text). Never hidden: the editors must settle them.
 */
import type { AmendmentView } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import type { ConsolidatedArticleView } from './staff-api.ts'
import { AmendmentRef } from './AmendmentRef.tsx'

type Conflict = ConsolidatedArticleView['conflicts'][number]

function Passage ({ text }: { text: string }) {
  return <>{text || <em>{t('stale.empty')}</em>}</>
}

/** The conflicting passages of one amendment, one table per passage. */
export function ConflictPassages ({ conflict, refs }: { conflict: Conflict; refs: Map<string, AmendmentView> }) {
  return (
    <div class="conflict-item" data-conflict-amendment={conflict.amendmentId}>
      <p class="conflict-item__title">
        <span aria-hidden="true">⚠ </span>{t('consolidated.notApplied')} <AmendmentRef id={conflict.amendmentId} amendment={refs.get(conflict.amendmentId)} />
      </p>
      {conflict.conflicts.map((c, i) => (
        <table class="diff-table conflict" key={i}>
          <caption>{c.alinea > 0 ? t('stale.conflictAt', { n: c.alinea }) : t('stale.conflictStart')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consolidated.conflictOurs')}</th>
              <th scope="col">{t('consolidated.conflictTheirs')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td data-label={t('consolidated.conflictOurs')}><Passage text={c.ours} /></td>
              <td data-label={t('consolidated.conflictTheirs')}><Passage text={c.theirs} /></td>
            </tr>
          </tbody>
          <tfoot>
            <tr><td colSpan={2}><span class="conflict__base-label">{t('stale.base')}</span> <Passage text={c.base} /></td></tr>
          </tfoot>
        </table>
      ))}
    </div>
  )
}

/** Every conflict of the bill, article by article; nothing when there is none. */
export function ConflictList ({ articles, refs }: { articles: ConsolidatedArticleView[]; refs: Map<string, AmendmentView> }) {
  const withConflicts = articles.filter(a => a.conflicts.length > 0)
  if (!withConflicts.length) return null
  return (
    <section class="conflicts" id="conflicts" aria-labelledby="conflicts-title" tabIndex={-1}>
      <h2 id="conflicts-title">{t('consolidated.conflictsTitle')}</h2>
      <p>{t('consolidated.conflictsIntro')}</p>
      {withConflicts.map(a => (
        <div key={a.articleId ?? a.amendmentId ?? a.num} class="conflicts__article" data-article-id={a.articleId ?? undefined}>
          <h3>{t('article.title', { num: a.num })}</h3>
          {a.conflicts.map(c => <ConflictPassages key={c.amendmentId} conflict={c} refs={refs} />)}
        </div>
      ))}
    </section>
  )
}
