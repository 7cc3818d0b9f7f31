/** « Voir plus » under a list read page by page (amendments, arguments): loads the next page with the server's cursor. */
import { t } from '../i18n/index.ts'

/** The button, busy while the next page loads. */
export function MoreButton ({ loading, onMore }: { loading: boolean; onMore: () => void }) {
  return (
    <button type="button" class="button button--secondary more" aria-busy={loading} onClick={onMore}>
      {loading ? t('common.loading') : t('common.more')}
    </button>
  )
}
