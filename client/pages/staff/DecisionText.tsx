/**
 * What an editor decides on: the amendment's dispositif and diff. When the
 * article changed since the amendment was written (stale), the text as it
 * would apply today: the rebased dispositif and its diff against the latest
 * revision (as the public amendment page offers it), with « Voir le diff
 * d'origine » for what was filed; when the rebase conflicts, it says so and
 * shows where, with the original diff. A stale row the list gave without
 * its rebase (an article's own list) reads its amendment once.
 */
import { useEffect } from 'preact/hooks'
import { api, type AmendmentView } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { InlineDiff } from '../../components/InlineDiff.tsx'
import { Wording } from '../../components/Wording.tsx'

/** The original dispositif and diff, as filed; `inside` another disclosure, the diff is not one more. */
function Original ({ a, name, inside = false }: { a: AmendmentView; name: string; inside?: boolean }) {
  return (
    <>
      {a.wording && (
        <div class="decision__wording">
          <h4 class="decision__label">{t('amendment.wording')}</h4>
          <Wording wording={a.wording} />
        </div>
      )}
      {a.diff && inside && (
        <div class="decision__diff">
          <h4 class="decision__label">{t('amendment.changes')}</h4>
          <InlineDiff diff={a.diff} label={t('amendment.diffLabel', { name })} />
        </div>
      )}
      {a.diff && !inside && (
        <details class="decision__diff" open>
          <summary>{t('amendment.changes')}</summary>
          <InlineDiff diff={a.diff} label={t('amendment.diffLabel', { name })} />
        </details>
      )}
    </>
  )
}

/** The text to decide on; `onLoaded` receives the amendment read again with its rebase. */
export function DecisionText ({ amendment: a, name, onLoaded }: { amendment: AmendmentView; name: string; onLoaded: (a: AmendmentView) => void }) {
  const rebaseable = a.stale && a.status === 'proposed' && a.diff !== null
  const missing = rebaseable && a.rebase === undefined
  useEffect(() => {
    if (!missing) return
    const controller = new AbortController()
    api.amendment(a.id, controller.signal).then(full => { if (full.rebase) onLoaded(full) }, () => { /* the original text stays */ })
    return () => controller.abort()
  }, [a.id, missing])

  const r = rebaseable ? a.rebase : undefined
  if (!r) return <Original a={a} name={name} />
  if (!r.clean) {
    return (
      <div class="decision__rebase decision__rebase--conflict" data-rebase="conflict">
        <p class="decision__rebase-note"><span aria-hidden="true">⚠ </span>{t('decisions.rebaseConflict', { from: String(a.baseRevision), to: String(r.baseRevision) })}</p>
        <ul class="decision__conflicts">
          {r.conflicts.map((c, i) => (
            <li key={i}>{c.alinea > 0 ? t('stale.conflictAt', { n: c.alinea }) : t('stale.conflictStart')} — {t('stale.ours')} : « {c.ours} » ; {t('stale.theirs')} : « {c.theirs} »</li>
          ))}
        </ul>
        <Original a={a} name={name} />
      </div>
    )
  }
  return (
    <div class="decision__rebase" data-rebase="clean">
      <p class="decision__rebase-note">{t('decisions.rebased', { from: String(a.baseRevision), to: String(r.baseRevision) })}</p>
      <div class="decision__wording">
        <h4 class="decision__label">{t('decisions.rebasedWording')}</h4>
        <Wording wording={r.wording} />
      </div>
      <div class="decision__diff" data-diff="rebased">
        <h4 class="decision__label">{t('decisions.rebasedChanges')}</h4>
        <InlineDiff diff={r.diff} label={t('decisions.rebasedLabel', { name })} />
      </div>
      <details class="decision__original" data-diff="original">
        <summary>{t('decisions.originalDiff')}</summary>
        <Original a={a} name={name} inside />
      </details>
    </div>
  )
}
