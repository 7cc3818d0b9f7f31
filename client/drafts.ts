/**
 * Drafts of the amend pages, kept in the browser (localStorage) so that a
 * reload, a crash or a closed tab loses nothing: read once when the form
 * mounts, written as the form changes, removed when the form is back to its
 * untouched state or after a successful submit. Storage may be missing or
 * full (private browsing): then nothing is kept, and nothing fails.
 */
import { useEffect } from 'preact/hooks'

const PREFIX = 'alinea:draft:'

/** The stored draft under `key` if `valid` accepts it, else null. */
export function readDraft<T> (key: string, valid: (value: unknown) => value is T): T | null {
  try {
    const text = globalThis.localStorage?.getItem(PREFIX + key)
    if (!text) return null
    const value: unknown = JSON.parse(text)
    return valid(value) ? value : null
  } catch {
    return null
  }
}

/** Keeps `value` as the draft under `key`. */
export function writeDraft (key: string, value: unknown): void {
  try { globalThis.localStorage?.setItem(PREFIX + key, JSON.stringify(value)) } catch { /* not kept: storage full or refused */ }
}

/** Removes the draft under `key`. */
export function clearDraft (key: string): void {
  try { globalThis.localStorage?.removeItem(PREFIX + key) } catch { /* nothing to do */ }
}

/**
 * Writes `value` as the draft under `key` whenever it changes while `dirty`,
 * and removes the draft when the form is untouched again. `enabled` false
 * (after a submit) stops it.
 */
export function useDraftSaving (key: string, value: unknown, dirty: boolean, enabled = true): void {
  const text = JSON.stringify(value)
  useEffect(() => {
    if (!enabled) return
    if (dirty) writeDraft(key, value)
    else clearDraft(key)
  }, [key, text, dirty, enabled])
}

/** Whether `value` is an array of strings (a stored list of alinéas). */
export function isStringArray (value: unknown): value is string[] {
  return Array.isArray(value) && value.every(v => typeof v === 'string')
}

/** Removes every draft of this browser (on signing out: the next person at a shared computer does not find them). */
export function clearAllDrafts (): void {
  try {
    const storage = globalThis.localStorage
    if (!storage) return
    for (const key of Object.keys(storage)) if (key.startsWith(PREFIX)) storage.removeItem(key)
  } catch { /* nothing to do */ }
}
