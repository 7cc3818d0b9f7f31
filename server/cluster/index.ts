/**
 * A node's part of a cluster (`ALINEA_REDIS_URL`): the Redis connections,
 * socket.io's Redis streams adapter (live events reach every node's
 * sockets; connection-state recovery reads the stream), the collaboration
 * relay, the relayed domain events, and the limits counted in Redis.
 * `createApp` takes what `joinCluster` returns; without it a node is alone.
 */
import type { Logger } from 'pino'
import { createAdapter } from '@socket.io/redis-streams-adapter'
import { EventBus } from '../domain/events.ts'
import type { ContributionLimits } from '../domain/limits.ts'
import type { CollabRelay } from '../collab/relay.ts'
import type { SharedCounters } from '../http/limits.ts'
/** Something else a node needs to be ready: checked by `GET /readyz`. */
export interface Dependency { name: string; reachable (): Promise<boolean> }
import { connectCluster, type Cluster } from './redis.ts'
import { relayEvents } from './events-relay.ts'
import { redisCollabRelay } from './collab-relay.ts'
import { sharedContributionLimits } from './contribution-limits.ts'

/** What the application uses of the cluster. */
export interface ClusterLink {
  readonly cluster: Cluster
  /** The event bus of the app, its relayed events connected to the other nodes. */
  readonly events: EventBus
  readonly collabRelay: CollabRelay
  /** socket.io's adapter factory (the `adapter` server option). */
  readonly liveAdapter: ReturnType<typeof createAdapter>
  /** Raw commands for the per-address limits (rate-limit-redis). */
  readonly counters: SharedCounters
  /** Redis as a dependency of readiness. */
  readonly redis: Dependency
  /** The per-user contribution limits counted in Redis. */
  contributionLimits (perMinute: number): ContributionLimits
  /** Stops relaying and closes the Redis connections. */
  close (): Promise<void>
}

/** Connects this node to the cluster at `redisUrl` (waits until Redis answers). */
export async function joinCluster (redisUrl: string, log: Logger): Promise<ClusterLink> {
  const clusterLog = log.child({ module: 'cluster' })
  const cluster = await connectCluster(redisUrl, clusterLog)
  const events = new EventBus()
  const stopEvents = await relayEvents(events, cluster, clusterLog)
  const collabRelay = await redisCollabRelay(cluster, clusterLog)
  // The stream keeps the last 10,000 live events: enough to replay a short disconnection.
  const liveAdapter = createAdapter(cluster.queued, { streamName: 'alinea:live', sessionKeyPrefix: 'alinea:live:session:', channelPrefix: 'alinea:live' })
  return {
    cluster,
    events,
    collabRelay,
    liveAdapter,
    counters: { sendCommand: args => cluster.fast.sendCommand(args) },
    redis: { name: 'redis', reachable: () => cluster.reachable() },
    contributionLimits: perMinute => sharedContributionLimits(cluster.fast, perMinute),
    async close () {
      stopEvents()
      collabRelay.close()
      await cluster.close()
    }
  }
}
