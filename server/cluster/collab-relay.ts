/**
 * The collaboration relay over Redis pub/sub (server/collab/relay.ts): one
 * channel for every bill; each node keeps the messages of the bills it has
 * loaded. A message is binary: the publishing node's id, the kind, the bill
 * id, the stored seq (updates) and the Yjs or awareness update.
 *
 * Pub/sub does not keep messages for a node that is not listening: after
 * Redis comes back, `onGap` listeners catch up from the store (every update
 * is stored before it is published).
 */
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import type { CollabRelay, RelayedMessage } from '../collab/relay.ts'
import type { Cluster } from './redis.ts'

const CHANNEL = 'alinea:collab'
const KINDS = ['update', 'awareness', 'query-awareness'] as const

/** Encodes a message of node `from`. */
export function encodeRelayed (from: string, m: RelayedMessage): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, from)
  encoding.writeVarUint(e, KINDS.indexOf(m.type))
  encoding.writeVarString(e, m.billId)
  encoding.writeVarUint(e, m.type === 'update' ? m.seq : 0)
  encoding.writeVarUint8Array(e, m.type === 'query-awareness' ? new Uint8Array() : m.update)
  return Buffer.from(encoding.toUint8Array(e))
}

/** Decodes a message: its sender and content (throws on a malformed one). */
export function decodeRelayed (data: Uint8Array): { from: string; message: RelayedMessage } {
  const d = decoding.createDecoder(data)
  const from = decoding.readVarString(d)
  const type = KINDS[decoding.readVarUint(d)]
  const billId = decoding.readVarString(d)
  const seq = decoding.readVarUint(d)
  const update = decoding.readVarUint8Array(d)
  switch (type) {
    case 'update': return { from, message: { type, billId, update, seq } }
    case 'awareness': return { from, message: { type, billId, update } }
    case 'query-awareness': return { from, message: { type, billId } }
    default: throw new Error('unknown relayed message kind')
  }
}

/** The relay of a node; subscribed before it resolves, so no document loads before it listens. */
export async function redisCollabRelay (cluster: Cluster, log: Logger): Promise<CollabRelay & { close (): void }> {
  const receivers = new Set<(m: RelayedMessage) => void>()
  const gaps = new Set<() => void>()
  let closed = false
  await cluster.subscribe(CHANNEL, data => {
    if (closed || receivers.size === 0) return
    let decoded: ReturnType<typeof decodeRelayed>
    try { decoded = decodeRelayed(data) } catch (err) { log.warn({ err }, 'malformed relayed collab message'); return }
    if (decoded.from === cluster.nodeId) return
    for (const r of receivers) r(decoded.message)
  })
  const offReconnect = cluster.onReconnect(() => { for (const g of gaps) g() })
  return {
    publish (message) {
      if (!closed) cluster.publish(CHANNEL, encodeRelayed(cluster.nodeId, message))
    },
    receive (listener) {
      receivers.add(listener)
      return () => { receivers.delete(listener) }
    },
    onGap (listener) {
      gaps.add(listener)
      return () => { gaps.delete(listener) }
    },
    close () {
      closed = true
      offReconnect()
      receivers.clear()
      gaps.clear()
    }
  }
}
