/**
 * References to amendments by id (the consolidated text only gives ids):
 * each is fetched once (four at a time) to name it by its author, and
 * shown as a link to its page, "Amendement de Camille Martin".
 */
import { useEffect, useState } from 'preact/hooks'
import { api, type AmendmentView } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import { mapLimited } from './staff-api.ts'

/** The amendments of `ids`, by id, as they arrive (a failed one stays unnamed). */
export function useAmendmentRefs (ids: string[]): Map<string, AmendmentView> {
  const [found, setFound] = useState<Map<string, AmendmentView>>(() => new Map())
  const key = [...new Set(ids)].sort().join(',')
  useEffect(() => {
    const controller = new AbortController()
    const wanted = key ? key.split(',') : []
    void mapLimited(wanted, 4, async id => {
      if (controller.signal.aborted) return
      try {
        const a = await api.amendment(id, controller.signal)
        if (!controller.signal.aborted) setFound(m => new Map(m).set(id, a))
      } catch { /* shown by its id */ }
    })
    return () => controller.abort()
  }, [key])
  return found
}

/** A link to an amendment, named by its author once known. */
export function AmendmentRef ({ id, amendment }: { id: string; amendment?: AmendmentView }) {
  return (
    <a href={`/amendments/${encodeURIComponent(id)}`} class="amendment-ref" data-amendment-id={id}>
      {amendment ? t('amendment.by', { name: amendment.author.displayName }) : t('consolidated.amendmentId', { id })}
    </a>
  )
}
