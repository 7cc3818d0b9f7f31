/**
 * One article in the synthesis: its tally (bar and figures), its counts,
 * the most supported amendments with their dispositif, the best arguments
 * of each side, and the editors' decisions with their responses.
 */
import { formatDate, formatNumber, t, tn } from '../../i18n/index.ts'
import { RevisionTally } from '../../components/RevisionTally.tsx'
import { AmendmentStatus, statusWord } from '../../components/AmendmentStatus.tsx'
import { AuthorName } from '../../components/AuthorName.tsx'
import { Wording } from '../../components/Wording.tsx'
import { LinkedText } from '../../components/LinkedText.tsx'
import { TallyLine } from './TallyLine.tsx'
import type { SynthesisAmendmentView, SynthesisArgumentView, SynthesisArticleView } from './staff-api.ts'

const amendmentHref = (id: string) => `/amendments/${encodeURIComponent(id)}`

function TopAmendment ({ a }: { a: SynthesisAmendmentView }) {
  return (
    <li class="synthesis-amendment" data-amendment-id={a.id}>
      <p class="synthesis-amendment__head">
        <a href={amendmentHref(a.id)}>{t('amendment.by', { name: a.author.displayName })}</a>{' '}
        <AmendmentStatus status={a.status} />{' '}
        <span class="synthesis-amendment__support">{t('synthesis.support', { pct: formatNumber(a.support, { style: 'percent' }) })}</span>
      </p>
      <TallyLine tally={a.tally} label={t('amendment.tally', { name: a.author.displayName })} />
      {a.wording && <Wording wording={a.wording} />}
    </li>
  )
}

function ArgumentList ({ items, side }: { items: SynthesisArgumentView[]; side: 'for' | 'against' }) {
  return (
    <div class={`synthesis-arguments__side synthesis-arguments__side--${side}`}>
      <h5 class="synthesis-arguments__title"><span aria-hidden="true">{side === 'for' ? '✓ ' : '✗ '}</span>{side === 'for' ? t('argument.for') : t('argument.against')}</h5>
      {items.length === 0
        ? <p class="empty">{side === 'for' ? t('argument.noneFor') : t('argument.noneAgainst')}</p>
        : (
          <ol class="synthesis-arguments__list">
            {items.map(arg => (
              <li key={arg.id} data-argument-id={arg.id}>
                <p class="synthesis-arguments__body"><LinkedText text={arg.body} /></p>
                <p class="synthesis-arguments__meta"><AuthorName author={arg.author} /> · {tn('argument.upvotes', arg.upvotes)}</p>
              </li>
            ))}
          </ol>
          )}
    </div>
  )
}

/** The article's part of the synthesis. */
export function SynthesisArticle ({ a }: { a: SynthesisArticleView }) {
  const titleId = `synthesis-article-${a.id}`
  const counts = a.amendments
  return (
    <section class="synthesis-article card" aria-labelledby={titleId} data-article-id={a.id}>
      <h3 id={titleId} class="synthesis-article__title">
        {t('article.title', { num: a.num })}{a.heading && <span class="synthesis-article__heading"> — {a.heading}</span>}
      </h3>
      <RevisionTally tally={a.tally} num={a.num} />
      <p class="synthesis-article__counts">
        <span data-figure="amendments">{t('synthesis.amendmentCounts', {
          total: tn('article.amendments', counts.total), accepted: counts.accepted, rejected: counts.rejected, proposed: counts.proposed, withdrawn: counts.withdrawn
        })}</span>
        <span aria-hidden="true"> · </span>
        <span data-figure="arguments">{t('article.arguments', { for: a.arguments.for, against: a.arguments.against })}</span>
      </p>

      <h4>{t('synthesis.topAmendments')}</h4>
      {a.topAmendments.length === 0
        ? <p class="empty">{t('amendment.none')}</p>
        : <ol class="synthesis-amendments">{a.topAmendments.map(x => <TopAmendment key={x.id} a={x} />)}</ol>}

      <h4>{t('synthesis.bestArguments')}</h4>
      <div class="synthesis-arguments">
        <ArgumentList items={a.topArguments.for} side="for" />
        <ArgumentList items={a.topArguments.against} side="against" />
      </div>

      <h4>{t('synthesis.decisions')}</h4>
      {a.decided.length === 0
        ? <p class="empty">{t('synthesis.noDecision')}</p>
        : (
          <ol class="synthesis-decisions">
            {a.decided.map(x => (
              <li key={x.id} data-amendment-id={x.id} data-status={x.status}>
                <p><AmendmentStatus status={x.status} /> <a href={amendmentHref(x.id)}>{t('amendment.by', { name: x.author.displayName })}</a></p>
                {x.decision && (
                  <>
                    <p class="synthesis-decisions__label">{t('amendment.response')}</p>
                    <blockquote class="synthesis-decisions__response">{x.decision.response}</blockquote>
                    <p class="synthesis-decisions__by">{t('amendment.decidedBy', { name: x.decision.by.displayName, date: formatDate(x.decision.at) })}</p>
                  </>
                )}
                {!x.decision && <p>{statusWord(x.status)}</p>}
              </li>
            ))}
          </ol>
          )}
    </section>
  )
}
