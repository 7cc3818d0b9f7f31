/**
 * The number of unread notifications in the header, a link to the list on
 * the account page. It is kept live: the signed-in user's sockets are in
 * their own room, where the server sends each new notification.
 */
import { useEffect, useState } from 'preact/hooks'
import type { Socket } from 'socket.io-client'
import { tn } from '../i18n/index.ts'
import { identityApi } from '../identity-api.ts'
import type { ServerEvents } from '../../shared/live.ts'

const setters = new Set<(n: number) => void>()

/** Tells the header the new unread count (after marking notifications read). */
export function setUnreadCount (n: number): void {
  for (const s of setters) s(n)
}

/** The count link; `userId` reconnects when the reader changes. */
export function NotificationCount ({ userId }: { userId: string }) {
  const [unread, setUnread] = useState<number | null>(null)
  useEffect(() => {
    let socket: Socket<ServerEvents> | null = null
    let stopped = false
    const controller = new AbortController()
    setters.add(setUnread)
    identityApi.notifications(null, controller.signal).then(p => { if (!stopped) setUnread(p.unread) }, () => {})
    void import('socket.io-client').then(({ io }) => {
      if (stopped) return
      socket = io({ path: '/socket.io/', withCredentials: true, forceNew: true })
      socket.on('notification', p => setUnread(p.unread))
    })
    return () => {
      stopped = true
      controller.abort()
      setters.delete(setUnread)
      socket?.close()
    }
  }, [userId])
  if (unread === null) return null
  return (
    <a class="notification-count" href="/account#notifications" data-unread={unread}>
      <span aria-hidden="true">🔔 </span>{tn('notifications.count', unread)}
    </a>
  )
}

