/**
 * Live events of bills (socket.io, one room per bill). socket.io-client is
 * loaded on demand, after the page's first render, and one socket serves
 * every subscriber. Pages subscribe with `useBillLive`: they get the events
 * of their bill and, when a reconnection could not recover the missed
 * events (`socket.recovered === false`), a `resync` call to re-fetch.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import type { Socket } from 'socket.io-client'
import { BILL_EVENT_NAMES, type ClientEvents, type ServerEvents, type SubscribeAck } from '../shared/live.ts'

/** Handlers of one subscriber: any server event, plus `resync` after events may have been missed. */
export type LiveHandlers = { [K in keyof ServerEvents]?: ServerEvents[K] } & {
  /** Called when events may have been lost: re-fetch what the page shows. */
  resync?: () => void
}

/** The connection as a reader sees it. */
export type LiveState = 'connecting' | 'live' | 'offline'

type LiveSocket = Socket<ServerEvents, ClientEvents>

let socketPromise: Promise<LiveSocket> | null = null
/** Subscribers per bill id. */
const rooms = new Map<string, Set<{ current: LiveHandlers }>>()
/** Bills whose `subscribe` was acknowledged on the current connection. */
const joined = new Set<string>()
const stateListeners = new Set<() => void>()
let connected = false
let everConnected = false

function notifyState (): void { for (const l of stateListeners) l() }

/** Emits `subscribe` for a bill; calls the bill's `resync` when asked to. */
function join (socket: LiveSocket, billId: string, resync: boolean): void {
  socket.emit('subscribe', { billId }, (ack: SubscribeAck) => {
    if (!ack.ok || !rooms.has(billId)) return
    joined.add(billId)
    notifyState()
    if (resync) for (const h of rooms.get(billId) ?? []) h.current.resync?.()
  })
}

function socket (): Promise<LiveSocket> {
  socketPromise ??= import('socket.io-client').then(({ io }) => {
    // WebSocket only: no HTTP long-polling, whose requests must all reach the node that holds the
    // session (sticky sessions); a WebSocket is one connection to one node, so any node will do.
    const s: LiveSocket = io({ path: '/socket.io/', withCredentials: true, transports: ['websocket'] })
    s.on('connect', () => {
      connected = true
      const missed = everConnected && !s.recovered
      everConnected = true
      if (s.recovered) {
        // The server restored the rooms and replays what was missed.
        for (const id of rooms.keys()) joined.add(id)
        notifyState()
        return
      }
      joined.clear()
      notifyState()
      for (const id of rooms.keys()) join(s, id, missed)
    })
    s.on('disconnect', reason => {
      connected = false
      joined.clear()
      notifyState()
      // socket.io reconnects by itself after a lost transport, not when the server ended the session.
      if (reason === 'io server disconnect') s.connect()
    })
    for (const name of BILL_EVENT_NAMES) {
      s.on(name, ((payload: { billId?: string }) => {
        const subs = payload?.billId ? rooms.get(payload.billId) : undefined
        if (!subs) return
        for (const h of [...subs]) (h.current[name] as ((p: unknown) => void) | undefined)?.(payload)
      }) as never)
    }
    return s
  })
  return socketPromise
}

/** Starts receiving `billId`'s events; returns the function that stops. */
export function subscribeBill (billId: string, handlers: { current: LiveHandlers }): () => void {
  let subs = rooms.get(billId)
  const first = !subs
  if (!subs) { subs = new Set(); rooms.set(billId, subs) }
  subs.add(handlers)
  void socket().then(s => {
    if (first && s.connected && rooms.has(billId) && !joined.has(billId)) join(s, billId, false)
  }).catch(() => { /* no live updates: the page still works */ })
  return () => {
    subs!.delete(handlers)
    if (subs!.size > 0) return
    rooms.delete(billId)
    joined.delete(billId)
    void socketPromise?.then(s => { if (s.connected) s.emit('unsubscribe', { billId }) })
  }
}

function stateOf (billId: string | undefined): LiveState {
  if (!billId) return 'connecting'
  if (joined.has(billId)) return 'live'
  return connected || !everConnected ? 'connecting' : 'offline'
}

/**
 * Subscribes the component to its bill's events while mounted (handlers may
 * change on every render); returns the state of the live connection.
 */
export function useBillLive (billId: string | undefined, handlers: LiveHandlers): LiveState {
  const ref = useRef(handlers)
  ref.current = handlers
  const [state, setState] = useState<LiveState>(() => stateOf(billId))
  useEffect(() => {
    if (!billId) return
    const update = () => setState(stateOf(billId))
    stateListeners.add(update)
    const stop = subscribeBill(billId, ref)
    update()
    return () => { stateListeners.delete(update); stop() }
  }, [billId])
  return state
}
