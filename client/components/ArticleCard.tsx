/**
 * An article on the bill page: "Article 2" and its heading, its alinéas
 * numbered in the margin (the first ones, expandable when long), the tally
 * and the vote, and the counts of amendments and arguments.
 */
import { useEffect, useState } from 'preact/hooks'
import type { ArticleView, Tally, VoteValue } from '../api.ts'
import type { Phase } from '../../shared/phase.ts'
import { t, tn } from '../i18n/index.ts'
import { VoteWidget } from './VoteWidget.tsx'
import { RevisionNotice } from './RevisionNotice.tsx'
import { ConfirmVote, RevisionTally } from './RevisionTally.tsx'

/** Articles longer than this show their first alinéas and a "show all" button. */
const PREVIEW = 4

export interface ArticleCardProps {
  article: ArticleView
  phase: Phase
  /** undefined while the session is not known yet. */
  signedIn: boolean | undefined
  /** The heading level of the article title (3 below the text heading, 4 below a division). */
  level: 3 | 4
  /** The path of the page, for the sign-in link to come back to this article. */
  pagePath: string
  /** The latest tally from the live channel, when one arrived. */
  liveTally?: Tally
}

/** One article as a card, with its own tally and vote state. */
export function ArticleCard ({ article, phase, signedIn, level, pagePath, liveTally }: ArticleCardProps) {
  const [tally, setTally] = useState<Tally>(article.tally)
  const [myVote, setMyVote] = useState<VoteValue | null>(article.myVote)
  const [myVoteRevision, setMyVoteRevision] = useState<number | null>(article.myVoteRevision)
  const [expanded, setExpanded] = useState(false)
  useEffect(() => { setTally(article.tally); setMyVote(article.myVote); setMyVoteRevision(article.myVoteRevision) }, [article])
  useEffect(() => { if (liveTally) setTally(liveTally) }, [liveTally])

  const anchor = `article-${article.id}`
  const titleId = `${anchor}-title`
  const listId = `${anchor}-alineas`
  const long = article.alineas.length > PREVIEW + 1
  const shown = long && !expanded ? article.alineas.slice(0, PREVIEW) : article.alineas
  const Heading = level === 3 ? 'h3' : 'h4'
  const title = t('article.title', { num: article.num })

  return (
    <article class="card article-card" id={anchor} aria-labelledby={titleId}>
      <Heading class="article-card__title" id={titleId} tabIndex={-1}>
        <span class="article-card__num">{title}</span>
        {article.heading && <span class="article-card__heading">{article.heading}</span>}
      </Heading>
      <RevisionNotice article={article} />
      <ol class="alineas" id={listId} aria-label={t('article.alineas', { num: article.num })}>
        {shown.map((text, i) => (
          <li key={i} class="alinea">
            <span class="alinea__num" aria-hidden="true">{i + 1}</span>
            <span class="alinea__text">{text}</span>
          </li>
        ))}
      </ol>
      {long && (
        <button type="button" class="button button--link alineas__toggle" aria-expanded={expanded} aria-controls={listId} onClick={() => setExpanded(e => !e)}>
          {expanded ? t('article.showLess') : t('article.showAll', { n: article.alineas.length })}
        </button>
      )}
      <RevisionTally tally={tally} num={article.num} />
      <VoteWidget
        articleId={article.id}
        articleNum={article.num}
        myVote={myVote}
        phase={phase}
        signedIn={signedIn}
        returnTo={`${pagePath}#${anchor}`}
        onVoted={(next, mine) => { setTally(next); setMyVote(mine); setMyVoteRevision(mine ? article.revision : null) }}
      />
      <ConfirmVote
        article={article}
        myVote={myVote}
        myVoteRevision={myVoteRevision}
        phase={phase}
        signedIn={signedIn}
        onConfirmed={next => { setTally(next); setMyVoteRevision(article.revision) }}
      />
      <p class="article-card__counts">
        <span>{tn('article.amendments', article.amendmentCount)}</span>
        <span aria-hidden="true"> · </span>
        <span>{t('article.arguments', { for: article.argumentCount.for, against: article.argumentCount.against })}</span>
      </p>
      <p class="article-card__open">
        <a href={`/articles/${encodeURIComponent(article.id)}`}>{t('article.open', { num: article.num })}</a>
      </p>
    </article>
  )
}
