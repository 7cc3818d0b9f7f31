/**
 * An amendment's diff inline: the article as proposed, alinéa by alinéa,
 * insertions in <ins> (underlined, tinted) and deletions in <del> (struck,
 * tinted), each wrapped in visually hidden "début / fin d'insertion" text
 * so screen readers say where a change starts and ends.
 */
import type { ComponentChildren } from 'preact'
import type { AlineaDiff, ArticleDiff, WordPart } from '../../shared/diff.ts'
import { t } from '../i18n/index.ts'
import { foldKept, KeptRun } from './KeptRun.tsx'

/** Inserted text with its spoken boundaries. */
export function Ins ({ children }: { children: ComponentChildren }) {
  return (
    <ins class="diff-ins">
      <span class="sr-only">{t('diff.insStart')} </span>{children}<span class="sr-only"> {t('diff.insEnd')}</span>
    </ins>
  )
}

/** Deleted text with its spoken boundaries. */
export function Del ({ children }: { children: ComponentChildren }) {
  return (
    <del class="diff-del">
      <span class="sr-only">{t('diff.delStart')} </span>{children}<span class="sr-only"> {t('diff.delEnd')}</span>
    </del>
  )
}

function Parts ({ parts }: { parts: WordPart[] }) {
  return (
    <>
      {parts.map((p, i) => p.op === 'equal'
        ? <span key={i}>{p.text}</span>
        : p.op === 'insert' ? <Ins key={i}>{p.text}</Ins> : <Del key={i}>{p.text}</Del>)}
    </>
  )
}

/** The margin number of an entry: its number in the proposal, or in the base when deleted. */
function marginOf (a: AlineaDiff): string {
  return a.kind === 'deleted' ? String(a.base) : String(a.proposed)
}

function Entry ({ a }: { a: AlineaDiff }) {
  const note = a.kind === 'inserted'
    ? (a.movedFrom ? t('diff.movedFrom', { n: a.movedFrom }) : t('diff.insertedAlinea'))
    : a.kind === 'deleted'
      ? (a.movedTo ? t('diff.movedTo', { n: a.movedTo }) : t('diff.deletedAlinea'))
      : a.kind === 'changed' ? t('diff.changedAlinea') : null
  return (
    <li class={`alinea diff-alinea diff-alinea--${a.kind}`} data-kind={a.kind}>
      <span class="alinea__num" aria-hidden="true">{marginOf(a)}</span>
      {note && <span class="diff-alinea__note">{note}</span>}
      <span class="alinea__text">
        {a.kind === 'kept' && a.text}
        {a.kind === 'changed' && <Parts parts={a.parts} />}
        {a.kind === 'inserted' && <Ins>{a.text}</Ins>}
        {a.kind === 'deleted' && <Del>{a.text}</Del>}
      </span>
    </li>
  )
}

/** The whole diff inline; `label` names the list for assistive technology. */
export function InlineDiff ({ diff, label }: { diff: ArticleDiff; label: string }) {
  const deletesArticle = diff.proposedCount === 0
  return (
    <div class="diff diff--inline">
      {deletesArticle && <p class="diff__article-deleted">{t('diff.articleDeleted')}</p>}
      <ol class="alineas diff__alineas" aria-label={label}>
        {foldKept(diff.alineas).map((a, i) => a.kind === 'run'
          ? (
            <KeptRun key={i} count={a.alineas.length} wrap={button => <li class="diff-alinea diff-alinea--folded" data-kind="folded">{button}</li>}>
              {a.alineas.map((k, j) => <Entry key={`${i}.${j}`} a={k} />)}
            </KeptRun>
            )
          : <Entry key={i} a={a} />)}
      </ol>
    </div>
  )
}
