/**
 * An amendment's diff side by side, as parliaments print it (AT4AM): a
 * table "Texte initial | Amendement", one row per alinéa, the changed words
 * in bold italics on each side, deleted and inserted alinéas marked in words.
 */
import type { AlineaDiff, ArticleDiff, WordPart } from '../../shared/diff.ts'
import { t } from '../i18n/index.ts'
import { foldKept, KeptRun } from './KeptRun.tsx'

/** One side of a changed alinéa: the words kept, and this side's changed words in bold italics. */
function Side ({ parts, side }: { parts: WordPart[]; side: 'base' | 'proposed' }) {
  const changed = side === 'base' ? 'delete' : 'insert'
  return (
    <>
      {parts.map((p, i) => p.op === 'equal'
        ? <span key={i}>{p.text}</span>
        : p.op === changed ? <strong key={i} class="diff-changed"><em>{p.text}</em></strong> : null)}
    </>
  )
}

function Num ({ n }: { n: number }) {
  return <span class="diff-table__num">{t('article.alinea', { n })}</span>
}

function Row ({ a, baseLabel, proposedLabel }: { a: AlineaDiff; baseLabel: string; proposedLabel: string }) {
  switch (a.kind) {
    case 'kept':
      return (
        <tr data-kind="kept">
          <td data-label={baseLabel}><Num n={a.base} />{a.text}</td>
          <td data-label={proposedLabel}><Num n={a.proposed} />{a.text}</td>
        </tr>
      )
    case 'changed':
      return (
        <tr data-kind="changed">
          <td data-label={baseLabel}><Num n={a.base} /><Side parts={a.parts} side="base" /></td>
          <td data-label={proposedLabel}><Num n={a.proposed} /><Side parts={a.parts} side="proposed" /></td>
        </tr>
      )
    case 'deleted':
      return (
        <tr data-kind="deleted">
          <td data-label={baseLabel} class="diff-table__deleted"><Num n={a.base} /><strong class="diff-changed"><em>{a.text}</em></strong></td>
          <td data-label={proposedLabel} class="diff-table__mark">
            {a.movedTo ? t('diff.movedTo', { n: a.movedTo }) : t('diff.deletedAlinea')}
          </td>
        </tr>
      )
    case 'inserted':
      return (
        <tr data-kind="inserted">
          <td data-label={baseLabel} class="diff-table__mark">
            {a.movedFrom ? t('diff.movedFrom', { n: a.movedFrom }) : t('diff.insertedAlinea')}
          </td>
          <td data-label={proposedLabel}><Num n={a.proposed} /><strong class="diff-changed"><em>{a.text}</em></strong></td>
        </tr>
      )
  }
}

/** The diff as a two-column table; `caption` names it. */
export function SideBySideDiff ({ diff, caption, baseLabel, proposedLabel }: {
  diff: ArticleDiff
  caption: string
  /** Column headings (default "Texte initial" / "Amendement"). */
  baseLabel?: string
  proposedLabel?: string
}) {
  const base = baseLabel ?? t('diff.base')
  const proposed = proposedLabel ?? t('diff.proposed')
  return (
    <div class="diff diff--side">
      <table class="diff-table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr><th scope="col">{base}</th><th scope="col">{proposed}</th></tr>
        </thead>
        <tbody>
          {foldKept(diff.alineas).map((a, i) => a.kind === 'run'
            ? (
              <KeptRun key={i} count={a.alineas.length} wrap={button => <tr data-kind="folded"><td colSpan={2} class="diff-table__folded">{button}</td></tr>}>
                {a.alineas.map((k, j) => <Row key={`${i}.${j}`} a={k} baseLabel={base} proposedLabel={proposed} />)}
              </KeptRun>
              )
            : <Row key={i} a={a} baseLabel={base} proposedLabel={proposed} />)}
          {diff.proposedCount === 0 && (
            <tr data-kind="article-deleted"><td /><td class="diff-table__mark">{t('diff.articleDeleted')}</td></tr>
          )}
        </tbody>
      </table>
    </div>
  )
}
