/**
 * The tableau comparatif: one table of two columns, "Texte initial | Texte
 * consolidé", a group of rows per article (its number, then one row per
 * alinéa), the changed words in bold italics on each side as parliaments
 * print it, and under each article the amendments applied (in decision
 * order) and those left out by a conflict. One table, so that a clerk can
 * paste it whole into a report.
 */
import type { AmendmentView } from '../../api.ts'
import type { AlineaDiff, WordPart } from '../../../shared/diff.ts'
import { t } from '../../i18n/index.ts'
import type { ConsolidatedArticleView } from './staff-api.ts'
import { AmendmentRef } from './AmendmentRef.tsx'

/** One side of a changed alinéa: this side's changed words in bold italics, with words for screen readers. */
function Side ({ parts, side }: { parts: WordPart[]; side: 'base' | 'proposed' }) {
  const changed = side === 'base' ? 'delete' : 'insert'
  const [start, end] = side === 'base' ? [t('diff.delStart'), t('diff.delEnd')] : [t('diff.insStart'), t('diff.insEnd')]
  return (
    <>
      {parts.map((p, i) => p.op === 'equal'
        ? <span key={i}>{p.text}</span>
        : p.op === changed
          ? <strong key={i} class="diff-changed" data-op={p.op}><span class="sr-only">{start} </span><em>{p.text}</em><span class="sr-only"> {end}</span></strong>
          : null)}
    </>
  )
}

function Num ({ n }: { n: number }) {
  return <span class="diff-table__num">{t('article.alinea', { n })}</span>
}

function Row ({ a, base, consolidated }: { a: AlineaDiff; base: string; consolidated: string }) {
  switch (a.kind) {
    case 'kept':
      return <tr data-kind="kept"><td data-label={base}><Num n={a.base} />{a.text}</td><td data-label={consolidated}><Num n={a.proposed} />{a.text}</td></tr>
    case 'changed':
      return (
        <tr data-kind="changed">
          <td data-label={base}><Num n={a.base} /><Side parts={a.parts} side="base" /></td>
          <td data-label={consolidated}><Num n={a.proposed} /><Side parts={a.parts} side="proposed" /></td>
        </tr>
      )
    case 'deleted':
      return (
        <tr data-kind="deleted">
          <td data-label={base} class="diff-table__deleted"><Num n={a.base} /><strong class="diff-changed"><em>{a.text}</em></strong></td>
          <td data-label={consolidated} class="diff-table__mark">{a.movedTo ? t('diff.movedTo', { n: a.movedTo }) : t('diff.deletedAlinea')}</td>
        </tr>
      )
    case 'inserted':
      return (
        <tr data-kind="inserted">
          <td data-label={base} class="diff-table__mark">{a.movedFrom ? t('diff.movedFrom', { n: a.movedFrom }) : t('diff.insertedAlinea')}</td>
          <td data-label={consolidated}><Num n={a.proposed} /><strong class="diff-changed"><em>{a.text}</em></strong></td>
        </tr>
      )
  }
}

/** The heading of an article in the table: "Article 2 — Entrée en vigueur". */
function articleTitle (a: ConsolidatedArticleView): string {
  return t('article.title', { num: a.num }) + (a.heading ? ` — ${a.heading}` : '')
}

/**
 * The whole table; `refs` names the amendments once fetched. `labels`
 * names the two columns with their revision (« Texte initial (révision 1) »,
 * « Texte consolidé (révision 2 et amendements adoptés) »).
 */
export function ComparisonTable ({ articles, refs, caption, labels }: { articles: ConsolidatedArticleView[]; refs: Map<string, AmendmentView>; caption: string; labels?: { base: string; consolidated: string } }) {
  const base = labels?.base ?? t('consolidated.initial')
  const consolidated = labels?.consolidated ?? t('consolidated.consolidated')
  return (
    <div class="comparison-wrap">
      <table class="diff-table comparison">
        <caption class="comparison__caption">{caption}</caption>
        <thead>
          <tr><th scope="col">{base}</th><th scope="col">{consolidated}</th></tr>
        </thead>
        {articles.map(a => {
          const changed = a.applied.length > 0
          return (
            <tbody key={a.articleId ?? a.amendmentId ?? a.num} id={`compare-${a.articleId ?? a.amendmentId}`} data-article-id={a.articleId ?? undefined} data-amendment-id={a.amendmentId ?? undefined} data-changed={changed}>
              <tr class="comparison__article">
                <th scope="rowgroup" colSpan={2}>{articleTitle(a)}</th>
              </tr>
              {a.diff.alineas.map((d, i) => <Row key={i} a={d} base={base} consolidated={consolidated} />)}
              {a.consolidatedAlineas.length === 0 && a.revisionAlineas.length > 0 && (
                <tr data-kind="article-deleted"><td /><td class="diff-table__mark">{t('consolidated.articleDeleted')}</td></tr>
              )}
              <tr class="comparison__applied">
                <td colSpan={2}>
                  {changed
                    ? (
                      <>
                        <span class="comparison__applied-label">{t('consolidated.applied')}</span>{' '}
                        <ol class="inline-list">
                          {a.applied.map((id, i) => <li key={id}><span class="comparison__rank">{t('consolidated.rank', { n: i + 1 })}</span> <AmendmentRef id={id} amendment={refs.get(id)} /></li>)}
                        </ol>
                      </>
                      )
                    : <span class="comparison__unchanged">{t('consolidated.unchanged')}</span>}
                  {a.conflicts.length > 0 && (
                    <div class="comparison__conflicts">
                      <span aria-hidden="true">⚠ </span>{t('consolidated.conflictsHere')}{' '}
                      <ol class="inline-list">
                        {a.conflicts.map(c => <li key={c.amendmentId}><AmendmentRef id={c.amendmentId} amendment={refs.get(c.amendmentId)} /></li>)}
                      </ol>{' '}
                      <a href="#conflicts">{t('consolidated.seeConflicts')}</a>
                    </div>
                  )}
                </td>
              </tr>
            </tbody>
          )
        })}
      </table>
    </div>
  )
}
