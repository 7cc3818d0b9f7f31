/**
 * The page's <h1>. It names the browser tab and, after a navigation, takes
 * the focus so keyboard and screen-reader users start at the new page
 * (unless the address names a target, `#article-…`: the page focuses that).
 */
import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { takeFocusRequest } from '../router.tsx'
import { t } from '../i18n/index.ts'

/** The page heading; `title` is also the document title. */
export function PageHeading ({ title, children, class: className }: { title: string; children?: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (location.hash.length <= 1 && takeFocusRequest()) ref.current?.focus()
  }, [])
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title])
  return <h1 ref={ref} tabIndex={-1} class={className}>{children ?? title}</h1>
}
