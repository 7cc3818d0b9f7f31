/**
 * The relay of collaboration messages between the nodes of a cluster. A
 * node stores an update its peer sent, applies it, then publishes it; the
 * other nodes holding the bill apply it (and send it to their peers) without
 * storing it again. Presence (awareness) is relayed the same way. Without
 * Redis the relay is `LOCAL_ONLY` and a node is alone.
 *
 * The collaboration module depends on this interface only; the Redis
 * implementation is in server/cluster/collab-relay.ts.
 */

/** What a node receives from the others. */
export type RelayedMessage =
  /** A document update, already stored as `seq` by the node that published it. */
  | { type: 'update'; billId: string; update: Uint8Array; seq: number }
  /** An awareness update (y-protocols/awareness encoding), identities already stamped. */
  | { type: 'awareness'; billId: string; update: Uint8Array }
  /** A node loaded the bill and asks the others for their current presence. */
  | { type: 'query-awareness'; billId: string }

/** The relay as the collaboration module uses it. */
export interface CollabRelay {
  /** Sends a message to every other node (fire and forget). */
  publish (message: RelayedMessage): void
  /** Receives the other nodes' messages; returns the function that stops. */
  receive (listener: (message: RelayedMessage) => void): () => void
  /**
   * Called when messages may have been lost (the connection to Redis came
   * back): loaded documents catch up from the store.
   */
  onGap (listener: () => void): () => void
}

/** A node alone: nothing is published, nothing arrives. */
export const LOCAL_ONLY: CollabRelay = {
  publish () {},
  receive () { return () => {} },
  onGap () { return () => {} }
}
