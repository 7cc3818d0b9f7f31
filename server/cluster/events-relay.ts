/**
 * The domain events that adapters act on for their own connections, relayed
 * between nodes (one Redis channel): a bill's editors changed (collaboration
 * peers whose rights changed are sent away with 4205), a session ended or a
 * user's role changed (their sockets close). Each node publishes the ones
 * that happened on it and emits the others' with origin 'remote'.
 *
 * Live events for browsers (tallies, amendments, ...) are not relayed here:
 * socket.io's Redis adapter already brings them to every node's sockets.
 */
import type { Logger } from 'pino'
import type { DomainEvents, EventBus } from '../domain/events.ts'
import type { Cluster } from './redis.ts'

/** The relayed events: the ones adapters react to on each node. */
export const RELAYED_EVENTS = ['bill:updated', 'session:ended', 'user:role-changed'] as const satisfies readonly (keyof DomainEvents)[]

type Relayed = typeof RELAYED_EVENTS[number]

const CHANNEL = 'alinea:events'

interface Envelope { from: string; name: Relayed; payload: unknown }

/** Relays `RELAYED_EVENTS` of `bus` through the cluster; returns the function that stops. */
export async function relayEvents (bus: EventBus, cluster: Cluster, log: Logger): Promise<() => void> {
  let stopped = false
  const offs = RELAYED_EVENTS.map(name => bus.on(name, (payload, origin) => {
    if (origin !== 'local' || stopped) return
    const envelope: Envelope = { from: cluster.nodeId, name, payload }
    cluster.publish(CHANNEL, Buffer.from(JSON.stringify(envelope)))
  }))
  await cluster.subscribe(CHANNEL, message => {
    if (stopped) return
    let envelope: Envelope
    try { envelope = JSON.parse(message.toString('utf8')) as Envelope } catch { log.warn('malformed relayed event'); return }
    if (envelope.from === cluster.nodeId || !(RELAYED_EVENTS as readonly string[]).includes(envelope.name)) return
    // The payload is what another node of this deployment emitted: trusted as its domain typed it.
    bus.emit(envelope.name, envelope.payload as DomainEvents[Relayed], 'remote')
  })
  return () => {
    stopped = true
    for (const off of offs) off()
  }
}
