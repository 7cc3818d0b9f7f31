/**
 * socket.io clients for live tests and benchmarks: connect with a session
 * cookie, subscribe to a bill, wait for an event, and record every event.
 */
import { io, type Socket, type ManagerOptions, type SocketOptions } from 'socket.io-client'
import type { SubscribeAck } from '../../shared/live.ts'

/** Connects a websocket-only client (no automatic reconnection unless asked). */
export function connect (url: string, cookie?: string, options: Partial<ManagerOptions & SocketOptions> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], extraHeaders: cookie ? { cookie } : {}, reconnection: false, forceNew: true, ...options })
    socket.once('connect', () => resolve(socket))
    socket.once('connect_error', reject)
  })
}

/** Subscribes to a bill's events; resolves with the server's acknowledgement. */
export const subscribe = (socket: Socket, billId: string): Promise<SubscribeAck> =>
  socket.emitWithAck('subscribe', { billId }) as Promise<SubscribeAck>

/** The next `name` event whose payload satisfies `match`. */
export function nextEvent<T = any> (socket: Socket, name: string, match: (payload: T) => boolean = () => true): Promise<T> {
  return new Promise(resolve => {
    const on = (payload: T) => {
      if (!match(payload)) return
      socket.off(name, on)
      resolve(payload)
    }
    socket.on(name, on)
  })
}

/** Every event a socket receives, in order, as [name, payload]. */
export function record (socket: Socket): [string, any][] {
  const events: [string, any][] = []
  socket.onAny((name: string, payload: unknown) => { events.push([name, payload]) })
  return events
}
