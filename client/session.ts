/**
 * Who is signed in, shared by every component. The session itself is the
 * server's httpOnly cookie; this only mirrors `GET /me` so the interface
 * can show the right state, and is updated on sign in, register and out.
 */
import { useEffect, useState } from 'preact/hooks'
import { api, ApiError, type User } from './api.ts'
import { clearAllDrafts } from './drafts.ts'

/** `undefined` while unknown (first load), `null` when signed out. */
export type SessionState = User | null | undefined

let me: SessionState
let epoch = 0
const listeners = new Set<(s: SessionState) => void>()

function set (next: SessionState): void {
  me = next
  for (const l of listeners) l(next)
}

/** Asks the server who is signed in; a 401 means nobody. Network errors leave the state unknown. */
export async function loadSession (): Promise<void> {
  try {
    set(await api.me())
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) set(null)
    else if (me === undefined) set(null)
  }
}

/**
 * Counts sign-ins and sign-outs made in this tab (not the first `/me`):
 * pages reload their data when it changes, since the cookie already made
 * the first load right.
 */
export function sessionEpoch (): number { return epoch }

/** Records the user the server just signed in (after login or register). */
export function signedIn (user: User): void { epoch++; set(user) }

/** Signs out on the server, then forgets the user here. Throws ApiError on failure. */
export async function signOut (): Promise<void> {
  await api.logout()
  // Drafts of amendments stay with the person who typed them, not with the computer.
  clearAllDrafts()
  epoch++
  set(null)
}

/** A hook giving the signed-in user (re-renders on change). */
export function useSession (): SessionState {
  const [state, setState] = useState<SessionState>(me)
  useEffect(() => {
    listeners.add(setState)
    if (state !== me) setState(me)
    return () => { listeners.delete(setState) }
  }, [])
  return state
}
