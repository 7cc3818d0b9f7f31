/**
 * The bill's outline (titres, chapitres, sections and articles) as a list
 * of links for jumping within the text; divisions are indented by level.
 */
import type { BillView } from '../api.ts'
import { t } from '../i18n/index.ts'

/** The navigable outline of a bill. */
export function Outline ({ outline }: { outline: BillView['outline'] }) {
  return (
    <nav class="outline" aria-label={t('bill.outline')}>
      <ul class="outline__list">
        {outline.map(item => item.kind === 'division'
          ? (
            <li key={item.id} class={`outline__division outline__division--${item.level}`}>
              <a href={`#division-${item.id}`}>{item.title}</a>
            </li>
            )
          : (
            <li key={item.id} class="outline__article">
              <a href={`#article-${item.id}`}>
                {t('article.title', { num: item.num })}
                {item.heading && <span class="outline__heading"> — {item.heading}</span>}
              </a>
            </li>
            ))}
      </ul>
    </nav>
  )
}
