/** Where the page sits: consultations › the bill › the article …; the last item is the current page. */
import { t } from '../i18n/index.ts'

/** A trail of links; an item without `href` is the current page. */
export function Breadcrumb ({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav class="breadcrumb" aria-label={t('nav.breadcrumb')}>
      <ol>
        {items.map((item, i) => (
          <li key={i}>
            {item.href ? <a href={item.href}>{item.label}</a> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  )
}
