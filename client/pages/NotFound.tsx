/** The page for an address that matches nothing (or a bill that does not exist). */
import { t } from '../i18n/index.ts'
import { PageHeading } from '../components/PageHeading.tsx'

/** "Page introuvable", with a way back to the consultations. */
export function NotFoundPage ({ title }: { title?: string }) {
  return (
    <div class="page page--not-found">
      <PageHeading title={title ?? t('notFound.title')} />
      <p>{t('notFound.body')}</p>
      <p><a href="/">{t('notFound.home')}</a></p>
    </div>
  )
}
