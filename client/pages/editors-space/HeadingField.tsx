/**
 * The heading (intitulé) of the article holding the cursor: an editors'
 * field beside the toolbar, since the heading is an attribute of the
 * article, shown in its header line, not text typed in the document. It
 * follows the cursor from article to article and saves on Enter or with
 * its button; co-editors see the new heading at once.
 */
import { useEffect, useState } from 'preact/hooks'
import { t } from '../../i18n/index.ts'
import { HEADING_MAX } from '../../limits.ts'
import type { ToolbarState } from '../../codrafting/types.ts'

/** The heading field of the current article; hidden outside articles. */
export function HeadingField ({ article, onSave }: { article: ToolbarState['article']; onSave: (heading: string | null) => boolean }) {
  const [value, setValue] = useState(article?.heading ?? '')
  const [saved, setSaved] = useState(false)
  // A new article under the cursor, or a co-editor's change: show its heading.
  useEffect(() => { setValue(article?.heading ?? ''); setSaved(false) }, [article?.id, article?.heading])
  if (!article) return null
  const num = article.num || '…'
  function submit (e: Event): void {
    e.preventDefault()
    setSaved(onSave(value))
  }
  return (
    <form class="heading-field" onSubmit={submit}>
      <label for="article-heading">{t('editors.heading', { num })}</label>
      <input
        id="article-heading"
        type="text"
        maxLength={HEADING_MAX}
        value={value}
        placeholder={t('editors.headingNone')}
        onInput={e => { setValue((e.target as HTMLInputElement).value); setSaved(false) }}
      />
      <button type="submit" class="button button--secondary" disabled={value.trim() === (article.heading ?? '')}>{t('editors.headingSave')}</button>
      <span class="visually-hidden" role="status">{saved ? t('editors.headingSaved', { num }) : ''}</span>
    </form>
  )
}
