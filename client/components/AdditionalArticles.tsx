/**
 * Additional articles proposed next to an article of the bill page: a short
 * card each (number, author, status, the new article's alinéas, link to its
 * page), between the articles, at their place.
 */
import type { AmendmentView } from '../api.ts'
import { t } from '../i18n/index.ts'
import { AmendmentStatus } from './AmendmentStatus.tsx'
import { AuthorName } from './AuthorName.tsx'
import { AmendmentBadges, additionTitle } from './AmendmentBadges.tsx'
import { amendmentPath } from './AmendmentCard.tsx'

/** The additional articles of one place (after or before `anchorNum`'s article). */
export function AdditionalArticles ({ items, anchorNum, level }: { items: AmendmentView[]; anchorNum: string; level: 3 | 4 }) {
  if (items.length === 0) return null
  const Heading = level === 3 ? 'h4' : 'h5'
  return (
    <section class="additional-articles" aria-label={t('addArticle.listTitle')}>
      {items.map(a => (
        <article key={a.id} class="card additional-article" data-amendment-id={a.id} aria-labelledby={`addition-${a.id}`}>
          <Heading id={`addition-${a.id}`} class="additional-article__title">
            <a href={amendmentPath(a.id)}>{additionTitle(a, anchorNum)}</a>
          </Heading>
          <p class="amendment-card__meta">
            <AmendmentBadges amendment={a} />
            <AmendmentStatus status={a.status} />
            <span>{t('amendment.proposedBy')} <AuthorName author={a.author} /></span>
          </p>
          {a.heading && <p class="additional-article__heading">{a.heading}</p>}
          <ol class="alineas">
            {a.alineas.map((text, i) => (
              <li key={i} class="alinea"><span class="alinea__num" aria-hidden="true">{i + 1}</span><span class="alinea__text">{text}</span></li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  )
}
