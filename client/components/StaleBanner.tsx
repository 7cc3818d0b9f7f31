/**
 * "L'article a changé depuis cet amendement": the banner of a stale
 * amendment. When the server could merge the proposal onto the latest text,
 * the rebased version is shown (diff and dispositif) and its author may
 * confirm it; otherwise the conflicting passages are shown side by side.
 */
import type { AmendmentView } from '../api.ts'
import { amendmentPlace } from '../../shared/additional-article.ts'
import { t } from '../i18n/index.ts'
import { DiffView } from './DiffView.tsx'
import { Wording } from './Wording.tsx'

/** The banner, with the rebase on offer or the conflicts. */
export function StaleBanner ({ amendment: a, mine, pending, onConfirm }: { amendment: AmendmentView; mine: boolean; pending: boolean; onConfirm: () => void }) {
  const r = a.rebase
  return (
    <section class="stale" aria-labelledby="stale-title" role="region">
      <h2 id="stale-title" class="stale__title"><span aria-hidden="true">⚠ </span>{t('stale.title')}</h2>
      {!r && <p>{t('stale.noRebase', { n: a.baseRevision })}</p>}
      {r?.clean && (
        <>
          <p>{t('stale.clean', { from: a.baseRevision, to: r.baseRevision })}</p>
          <DiffView diff={r.diff} label={t('stale.rebasedLabel')} />
          <p class="amendment-card__label">{t('stale.rebasedWording')}</p>
          <Wording wording={r.wording} />
          {mine
            ? <button type="button" class="button button--primary" aria-disabled={pending} onClick={onConfirm}>{t('stale.confirm')}</button>
            : <p class="stale__note">{t('stale.authorMay')}</p>}
        </>
      )}
      {r && !r.clean && (
        <>
          <p>{t('stale.conflict', { from: a.baseRevision, to: r.baseRevision })}</p>
          {r.conflicts.map((c, i) => (
            <table class="diff-table conflict" key={i}>
              <caption>{c.alinea > 0 ? t('stale.conflictAt', { n: c.alinea }) : t('stale.conflictStart')}</caption>
              <thead><tr><th scope="col">{t('stale.ours')}</th><th scope="col">{t('stale.theirs')}</th></tr></thead>
              <tbody>
                <tr>
                  <td data-label={t('stale.ours')}>{c.ours || <em>{t('stale.empty')}</em>}</td>
                  <td data-label={t('stale.theirs')}>{c.theirs || <em>{t('stale.empty')}</em>}</td>
                </tr>
              </tbody>
              <tfoot><tr><td colSpan={2}><span class="conflict__base-label">{t('stale.base')}</span> {c.base || <em>{t('stale.empty')}</em>}</td></tr></tfoot>
            </table>
          ))}
          {mine && (
            <p class="stale__note">
              {t('stale.conflictMine')} <a href={`/articles/${encodeURIComponent(amendmentPlace(a))}/amend`}>{t('stale.newAmendment')}</a>
            </p>
          )}
        </>
      )}
    </section>
  )
}
