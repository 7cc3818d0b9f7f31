/**
 * An amendment in the article's list: author, status, tally, the diff
 * (inline, or side by side on request), the dispositif in a quote block,
 * the exposé sommaire, and the link to its own page (vote and debate).
 * Hidden by moderation, it keeps its place and says why.
 */
import type { AmendmentView } from '../api.ts'
import { formatDate, t } from '../i18n/index.ts'
import type { SessionState } from '../session.ts'
import { AmendmentStatus } from './AmendmentStatus.tsx'
import { AmendmentBadges, amendmentNumber } from './AmendmentBadges.tsx'
import { AuthorName } from './AuthorName.tsx'
import { DiffView } from './DiffView.tsx'
import { LinkedText } from './LinkedText.tsx'
import { ReportButton, hiddenNotice } from './ReportButton.tsx'
import { TallyBar } from './TallyBar.tsx'
import { Wording } from './Wording.tsx'

/** The path of an amendment's page. */
export const amendmentPath = (id: string) => `/amendments/${encodeURIComponent(id)}`

/** One amendment as a card; `level` is its heading level. */
export function AmendmentCard ({ amendment: a, me, level = 3 }: { amendment: AmendmentView; me: SessionState; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4'
  const titleId = `amendment-${a.id}-title`
  const by = a.author.displayName
  const mine = !!me && me.id === a.author.id
  return (
    <article class="card amendment-card" id={`amendment-${a.id}`} aria-labelledby={titleId} data-amendment-id={a.id} data-status={a.status}>
      <header class="amendment-card__head">
        <Heading id={titleId} class="amendment-card__title">
          <a href={amendmentPath(a.id)}>{amendmentNumber(a)} · {t('amendment.by', { name: by })}</a>
        </Heading>
        <p class="amendment-card__meta">
          <AmendmentBadges amendment={a} />
          <AmendmentStatus status={a.status} />
          <span class="amendment-card__author">{t('amendment.proposedBy')} <AuthorName author={a.author} /></span>
          <time dateTime={a.createdAt}>{formatDate(a.createdAt)}</time>
        </p>
      </header>
      {a.hidden && !mine
        ? <p class="moderated">{hiddenNotice(a.hiddenReason)}</p>
        : (
          <>
            {a.hidden && <p class="moderated">{t('moderation.hiddenOwn', { notice: hiddenNotice(a.hiddenReason) })}</p>}
            {a.diff && <DiffView diff={a.diff} label={t('amendment.diffLabel', { name: by })} />}
            {a.wording && (
              <div class="amendment-card__wording">
                <p class="amendment-card__label">{t('amendment.wording')}</p>
                <Wording wording={a.wording} />
              </div>
            )}
            <div class="amendment-card__explanation">
              <p class="amendment-card__label">{t('amendment.explanation')}</p>
              <p class="explanation"><LinkedText text={a.explanation} /></p>
            </div>
          </>
          )}
      {a.decision && (
        <div class="decision">
          <p class="amendment-card__label">{t('amendment.response')}</p>
          <p class="explanation"><LinkedText text={a.decision.response} /></p>
        </div>
      )}
      <TallyBar tally={a.tally} label={t('amendment.tally', { name: by })} />
      <p class="amendment-card__actions">
        <a class="amendment-card__link" href={amendmentPath(a.id)}>{t('amendment.open')}<span class="sr-only"> {t('amendment.by', { name: by })}</span></a>
        {me && !mine && !a.hidden && <ReportButton target={{ type: 'amendment', id: a.id }} what={t('amendment.by', { name: by })} />}
      </p>
    </article>
  )
}
