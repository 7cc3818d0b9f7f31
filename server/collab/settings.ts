/**
 * Limits and timings of the collaboration socket, with their defaults and
 * why. `attachCollab` takes overrides; the handle it returns exposes the
 * live settings object, which tests may change (a new value applies to the
 * next connection, message or idle period).
 */

export interface CollabSettings {
  /**
   * Largest message a peer may send, in bytes; above it the connection is
   * closed with 4413. 1 MB holds a sync of a long offline session (a
   * 300-article bill is about 300 kB of updates) and bounds what one
   * message costs the server. Messages above twice this size are cut by
   * `ws` itself (close 1009) before they are buffered.
   */
  maxMessageBytes: number
  /**
   * Largest encoded document (`Y.encodeStateAsUpdate`), in bytes; an update
   * that would make it larger is refused (close 4422). 5 MB is more than
   * ten times the longest French bill in the fixtures.
   */
  maxDocBytes: number
  /** Compact a document into one stored state once it has more stored updates than this. */
  compactAfter: number
  /** Unload a document (after compacting it) this long after its last connection left, in ms. */
  idleUnloadMs: number
  /** Ping every connection this often, in ms; one that has not answered the previous ping is dropped. */
  pingIntervalMs: number
  /**
   * Largest awareness state of one client (cursor, name, colour), in bytes
   * of JSON; larger closes with 4413. A cursor with its name and colour is
   * about 300 bytes; 4 kB leaves room and bounds what each newcomer is sent.
   */
  maxAwarenessStateBytes: number
  /**
   * Awareness client ids one editor's connection may speak for (a browser
   * tab has one); entries for more are dropped. A read-only peer may speak
   * only for one, its own, so that nobody can fill a room with fake visitors.
   */
  maxAwarenessClientsPerConnection: number
  /**
   * Bytes of one peer's updates waiting to be stored before the server stops
   * reading from its socket (TCP backpressure), until the queue halves.
   */
  maxPendingBytes: number
  /** A peer that does not read (its send buffer holds more than this) is dropped. */
  maxBufferedBytes: number
  /** How long `close()` waits for peers to answer the close handshake before cutting them, in ms. */
  closeGraceMs: number
}

/** The defaults, for a server with a few hundred simultaneous editors. */
export const DEFAULT_COLLAB_SETTINGS: Readonly<CollabSettings> = Object.freeze({
  maxMessageBytes: 1_000_000,
  maxDocBytes: 5_000_000,
  compactAfter: 500,
  idleUnloadMs: 30_000,
  pingIntervalMs: 30_000,
  maxAwarenessStateBytes: 4_096,
  maxAwarenessClientsPerConnection: 4,
  maxPendingBytes: 4_000_000,
  maxBufferedBytes: 32_000_000,
  closeGraceMs: 1_000
})
