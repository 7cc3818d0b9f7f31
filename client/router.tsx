/**
 * A small router over the history API. Same-origin <a href> clicks are
 * intercepted (except new-tab clicks, downloads, hash-only jumps and links
 * marked `data-native`), pushed onto history and rendered without reload.
 * After a navigation, the next <PageHeading> that mounts takes the focus,
 * so screen-reader and keyboard users land on the new page's title.
 */
import { useEffect, useState } from 'preact/hooks'
import { mayLeave } from './leave-guard.ts'

/** Where the reader is: path, query string and hash. */
export interface Location { path: string; query: URLSearchParams; hash: string }

const listeners = new Set<() => void>()
let focusPending = false

function readLocation (): Location {
  return { path: location.pathname, query: new URLSearchParams(location.search), hash: location.hash }
}

/** Goes to `href` (a same-origin path); `replace` rewrites the current entry instead of adding one. */
export function navigate (href: string, options: { replace?: boolean } = {}): void {
  const url = new URL(href, location.href)
  if (url.origin !== location.origin) { location.assign(url.href); return }
  if (options.replace) history.replaceState(null, '', url.href)
  else history.pushState(null, '', url.href)
  focusPending = true
  if (url.hash) queueScrollToHash(url.hash)
  else window.scrollTo(0, 0)
  for (const l of listeners) l()
}

function queueScrollToHash (hash: string): void {
  requestAnimationFrame(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView())
}

/** True once per navigation: the first caller (a page heading) takes the focus. */
export function takeFocusRequest (): boolean {
  const pending = focusPending
  focusPending = false
  return pending
}

function onClick (e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
  const a = (e.target as Element | null)?.closest?.('a')
  if (!a || !a.href || a.hasAttribute('download') || a.hasAttribute('data-native')) return
  if (a.target && a.target !== '_self') return
  const url = new URL(a.href)
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return
  e.preventDefault()
  // A form with unsaved changes asks first (see leave-guard.ts).
  if (!mayLeave()) return
  navigate(url.pathname + url.search + url.hash)
}

/** Starts intercepting link clicks and back/forward; call once at start-up. */
export function startRouter (): void {
  document.addEventListener('click', onClick)
  window.addEventListener('popstate', () => {
    focusPending = true
    for (const l of listeners) l()
  })
}

/** The current location; re-renders its component on every navigation. */
export function useLocation (): Location {
  const [loc, setLoc] = useState(readLocation)
  useEffect(() => {
    const l = () => setLoc(readLocation())
    listeners.add(l)
    return () => { listeners.delete(l) }
  }, [])
  return loc
}

/** Matches `path` against a pattern like "/bills/:id"; returns the decoded params or null. */
export function matchRoute (pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean)
  const s = path.split('/').filter(Boolean)
  if (p.length !== s.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      try { params[p[i].slice(1)] = decodeURIComponent(s[i]) } catch { return null }
    } else if (p[i] !== s[i]) return null
  }
  return params
}

/**
 * A same-origin path to come back to after signing in; anything else falls
 * back to "/". The path is resolved against the origin as the browser would
 * (which drops tabs and line breaks and reads "\\" as "/", so "/\t/evil.example"
 * means another site) and kept only if it stays on this origin.
 */
export function safeReturnPath (next: string | null): string {
  if (!next || !next.startsWith('/')) return '/'
  let url: URL
  try { url = new URL(next, location.origin) } catch { return '/' }
  if (url.origin !== location.origin) return '/'
  return url.pathname + url.search + url.hash
}

/** The current path with query and hash, to come back to (e.g. after signing in). */
export function currentPath (): string {
  return location.pathname + location.search + location.hash
}
