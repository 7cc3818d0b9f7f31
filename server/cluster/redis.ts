/**
 * The connections of a node to Redis, when `ALINEA_REDIS_URL` is set. Three
 * clients, because Redis connections have modes and queues:
 * - `queued`: publishing and socket.io's adapter; while Redis is away its
 *   commands wait and are sent once it is back (live events are late, not lost);
 * - `fast`: limits and readiness; while Redis is away its commands fail at
 *   once, so a request is never held by a limit (limits then fall back to
 *   this node's memory) and /readyz answers 503 at once;
 * - `sub`: subscriptions (a subscribed connection can do nothing else);
 *   node-redis subscribes again after a reconnection.
 */
import { randomBytes } from 'node:crypto'
import { createClient } from 'redis'
import type { Logger } from 'pino'

/** A node-redis client. */
export type RedisClient = ReturnType<typeof createClient>

/** A node's link to the cluster. */
export interface Cluster {
  /** This node's id, in every message it publishes (a node ignores its own). */
  readonly nodeId: string
  readonly queued: RedisClient
  readonly fast: RedisClient
  readonly sub: RedisClient
  /** Publishes a message (fire and forget; sent once Redis is back if it is away). */
  publish (channel: string, message: Buffer): void
  /** Subscribes to a channel (buffers); resolves once Redis confirmed, or at once while Redis is away. */
  subscribe (channel: string, listener: (message: Buffer) => void): Promise<void>
  /** Called each time the subscriptions are back after Redis was away (messages may have been missed). */
  onReconnect (listener: () => void): () => void
  /** Whether Redis answers now. */
  reachable (): Promise<boolean>
  /** Closes the connections. */
  close (): Promise<void>
}

/** Reconnect quickly at first, then every second: a restarted Redis is found within a second. */
const reconnectStrategy = (retries: number): number => Math.min(50 * 2 ** retries, 1000)

/**
 * Connects to Redis at `url`; waits until it answers (a node does not serve
 * before it can reach the others).
 */
export async function connectCluster (url: string, log: Logger): Promise<Cluster> {
  const nodeId = randomBytes(8).toString('hex')
  const logged = new Set<string>()
  const onError = (name: string) => (err: Error) => {
    // One line per client and cause while Redis is away, not one per reconnection attempt.
    const key = `${name}:${err.message}`
    if (logged.has(key)) return
    logged.add(key)
    log.warn({ err: err.message, client: name }, 'redis connection error')
  }
  const base = createClient({ url, socket: { reconnectStrategy } })
  const queued = base
  const fast = base.duplicate({ disableOfflineQueue: true })
  const sub = base.duplicate()
  queued.on('error', onError('queued'))
  fast.on('error', onError('fast'))
  sub.on('error', onError('sub'))
  const listeners = new Set<() => void>()
  let subReadyOnce = false
  sub.on('ready', () => {
    logged.clear()
    if (subReadyOnce) {
      log.info('redis is back: catching up')
      for (const l of listeners) l()
    }
    subReadyOnce = true
  })
  await Promise.all([queued.connect(), fast.connect(), sub.connect()])
  log.info({ nodeId }, 'connected to redis')

  return {
    nodeId,
    queued,
    fast,
    sub,
    publish (channel, message) {
      queued.publish(channel, message).catch(onError('publish'))
    },
    async subscribe (channel, listener) {
      const done = sub.subscribe(channel, listener, true)
      if (sub.isReady) await done
      else done.catch(onError('subscribe'))
    },
    onReconnect (listener) {
      listeners.add(listener)
      return () => { listeners.delete(listener) }
    },
    async reachable () {
      if (!fast.isReady) return false
      try { return await fast.ping() === 'PONG' } catch { return false }
    },
    async close () {
      listeners.clear()
      // A client waiting for an absent Redis would wait for ever: it is cut instead.
      await Promise.all([queued, fast, sub].map(c => {
        if (c.isReady) return c.close().catch(() => {})
        if (c.isOpen) c.destroy()
      }))
    }
  }
}
