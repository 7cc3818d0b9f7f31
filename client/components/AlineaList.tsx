/** An article's text: its alinéas as an ordered list, numbered in the margin (1, 2, 3 …). */
import { t } from '../i18n/index.ts'

/** The alinéas; `label` names the list ("Alinéas de l'article 2"). */
export function AlineaList ({ alineas, label, class: className }: { alineas: string[]; label: string; class?: string }) {
  return (
    <ol class={className ? `alineas ${className}` : 'alineas'} aria-label={label}>
      {alineas.map((text, i) => (
        <li key={i} class="alinea">
          <span class="alinea__num" aria-hidden="true">{i + 1}</span>
          <span class="alinea__text">{text}</span>
        </li>
      ))}
      {alineas.length === 0 && <li class="alinea alinea--empty">{t('article.noText')}</li>}
    </ol>
  )
}
