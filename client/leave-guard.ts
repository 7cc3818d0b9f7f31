/**
 * A warning before leaving a form with unsaved changes: the browser's own
 * dialog when the tab is closed or reloaded (`beforeunload`), and a confirm
 * before an in-app navigation (the router asks `mayLeave` before following a
 * link). Only while the form says it has unsaved changes; never after it was
 * submitted.
 */
import { useEffect } from 'preact/hooks'

const guards = new Set<{ message: string }>()

function onBeforeUnload (e: BeforeUnloadEvent): void {
  e.preventDefault()
  // Older browsers need a value to show their dialog (its text is theirs).
  e.returnValue = ''
}

/** True when nothing unsaved is on screen, or the reader confirms they want to leave. */
export function mayLeave (): boolean {
  if (guards.size === 0) return true
  const [first] = guards
  if (!confirm(first.message)) return false
  guards.clear()
  window.removeEventListener('beforeunload', onBeforeUnload)
  return true
}

/** While `active`, leaving the page asks first (`message` for in-app navigation). */
export function useLeaveGuard (active: boolean, message: string): void {
  useEffect(() => {
    if (!active) return
    const guard = { message }
    guards.add(guard)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      guards.delete(guard)
      if (guards.size === 0) window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [active, message])
}
