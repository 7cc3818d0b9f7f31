/**
 * One bill's live document on the server: the Yjs document loaded from the
 * store, its connections, their presence (awareness), and the handling of
 * each message. Editors' updates go through the persistence queue (stored,
 * then applied, then relayed by the document's `update` event); read-only
 * peers' updates are dropped here and never reach the queue.
 */
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { Logger } from 'pino'
import type { DocStore } from '../store/store.ts'
import type { CollabSettings } from './settings.ts'
import type { Connection } from './connection.ts'
import { DocPersistence, loadRepairedDoc } from './persistence.ts'
import { LOCAL_ONLY, type CollabRelay, type RelayedMessage } from './relay.ts'
import { PresenceOwners, StateTooLarge, encodeAwarenessEntries } from './presence.ts'
import {
  ProtocolError, carriesChanges, decodeMessage, encodeAwarenessMessage, encodePermissionDenied,
  encodeSyncStep1, encodeSyncStep2, encodeUpdate
} from './protocol.ts'
import {
  CLOSE_BAD_MESSAGE, CLOSE_DOCUMENT_TOO_LARGE, CLOSE_INTERNAL_ERROR, CLOSE_INVALID_CONTENT, CLOSE_MESSAGE_TOO_LARGE
} from './close-codes.ts'

/** Told to a read-only peer the first time it tries to change the document. */
export const READ_ONLY_NOTICE = 'read-only: only the bill\'s editors may change its text; your changes are not saved'

/** The origin of changes relayed from another node (applied here, never stored again nor published back). */
export const RELAYED = Symbol('relayed from another node')

/** A loaded document and the peers editing or watching it. */
export class Room {
  readonly awareness: awarenessProtocol.Awareness
  readonly conns = new Set<Connection>()
  readonly persistence: DocPersistence<Connection>
  private readonly owners = new PresenceOwners()
  /** Peers refused by the queue (invalid or too large update, store failure): their later updates are ignored. */
  private readonly refused = new WeakSet<Connection>()

  private constructor (
    readonly billId: string,
    readonly doc: Y.Doc,
    persistenceOf: (room: Room) => DocPersistence<Connection>,
    private readonly settings: CollabSettings,
    private readonly log: Logger,
    private readonly relay: CollabRelay = LOCAL_ONLY
  ) {
    this.persistence = persistenceOf(this)
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      this.broadcast(encodeUpdate(update), origin)
    })
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const changed = added.concat(updated, removed)
      if (changed.length === 0) return
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)
      this.broadcast(encodeAwarenessMessage(update), origin)
      // This node's peers' presence goes to the other nodes; not what came from them, nor the
      // expiry of states (every node expires them on its own clock).
      if (origin !== RELAYED && origin !== 'timeout') this.relay.publish({ type: 'awareness', billId, update })
    })
  }

  /** Loads a bill's document from the store. */
  static async load (store: DocStore, billId: string, settings: CollabSettings, log: Logger, relay: CollabRelay = LOCAL_ONLY): Promise<Room> {
    const { doc, ...loaded } = await loadRepairedDoc(store, billId, log)
    const room: Room = new Room(billId, doc, r => new DocPersistence<Connection>(store, billId, doc, loaded, settings, {
      invalid: (s, err) => { r.refuse(s.origin, CLOSE_BAD_MESSAGE, `invalid update: ${(err as Error).message}`) },
      outsideSchema: (s, problem) => {
        log.warn({ billId, conn: s.origin.id, problem }, 'collab update refused: outside the schema')
        r.refuse(s.origin, CLOSE_INVALID_CONTENT, `refused: ${problem}`)
      },
      tooLarge: (_s, size) => {
        r.refuse(_s.origin, CLOSE_DOCUMENT_TOO_LARGE, `document too large: the change would make it ${size} bytes, limit ${settings.maxDocBytes}`)
      },
      failed: (s, err) => {
        log.error({ err, billId }, 'collab update could not be stored')
        r.refuse(s.origin, CLOSE_INTERNAL_ERROR, 'the change could not be saved; reconnecting resends it')
      },
      settled: s => { s.origin.settled(s.update.byteLength, settings.maxPendingBytes) },
      accepts: conn => !r.refused.has(conn) && conn.canWrite,
      stored: (update, seq) => { relay.publish({ type: 'update', billId, update, seq }) }
    }, log), settings, log, relay)
    if (loaded.storedCount > settings.compactAfter) await room.persistence.compact()
    return room
  }

  /** Adds a peer: sends the server's sync step 1 and the current presence, then handles what it sent meanwhile. */
  join (conn: Connection): void {
    this.conns.add(conn)
    conn.send(encodeSyncStep1(this.doc))
    const states = this.awareness.getStates()
    if (states.size > 0) {
      conn.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...states.keys()])))
    }
    const inbox = conn.inbox
    conn.inbox = []
    for (const message of inbox) this.receive(conn, message)
  }

  /** Removes a peer and its presence. */
  leave (conn: Connection): void {
    if (!this.conns.delete(conn)) return
    const ids = this.owners.release(conn)
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null)
  }

  /** Handles one binary message of a peer. */
  receive (conn: Connection, data: Uint8Array): void {
    if (conn.closed) return
    try {
      const message = decodeMessage(data)
      switch (message.type) {
        case 'sync-step-1':
          conn.send(encodeSyncStep2(this.doc, message.stateVector))
          break
        case 'update':
          if (conn.canWrite) {
            conn.queued(message.update.byteLength, this.settings.maxPendingBytes)
            this.persistence.submit({ update: message.update, origin: conn })
          } else {
            this.dropReadOnly(conn, message.update)
          }
          break
        case 'awareness': {
          const entries = this.owners.filter(conn, message.update, {
            maxStateBytes: this.settings.maxAwarenessStateBytes,
            maxIds: conn.canWrite ? this.settings.maxAwarenessClientsPerConnection : 1
          })
          if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), conn)
          break
        }
        case 'query-awareness': {
          const ids = [...this.awareness.getStates().keys()]
          conn.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)))
          break
        }
      }
    } catch (err) {
      if (err instanceof StateTooLarge) conn.close(CLOSE_MESSAGE_TOO_LARGE, err.message)
      else if (err instanceof ProtocolError) conn.close(CLOSE_BAD_MESSAGE, err.message)
      else {
        this.log.error({ err, billId: this.billId, conn: conn.id }, 'collab message failed')
        conn.close(CLOSE_INTERNAL_ERROR, 'internal error')
      }
    }
  }

  /**
   * Handles a message of another node: its stored update is applied (and so
   * sent to this node's peers) without being stored again; its presence is
   * merged; a query for presence is answered with the states known here.
   */
  relayed (message: RelayedMessage): void {
    try {
      switch (message.type) {
        case 'update':
          Y.applyUpdate(this.doc, message.update, RELAYED)
          this.persistence.relayed(message.seq, message.update)
          break
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, RELAYED)
          break
        case 'query-awareness': {
          const ids = [...this.awareness.getStates().keys()]
          if (ids.length > 0) this.relay.publish({ type: 'awareness', billId: this.billId, update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids) })
          break
        }
      }
    } catch (err) {
      this.log.error({ err, billId: this.billId, type: message.type }, 'a relayed collab message could not be applied')
    }
  }

  /** Sends a message to every peer but `except` (the origin of a change already has it). */
  broadcast (message: Uint8Array, except?: unknown): void {
    for (const c of this.conns) if (c !== except) c.send(message)
  }

  /** Frees the document and presence (after the persistence queue drained). */
  destroy (): void {
    this.awareness.destroy()
    this.doc.destroy()
  }

  /**
   * A read-only peer's update is dropped: never applied, stored or relayed.
   * The first one that would have changed something earns the peer a
   * "permission denied" message, so its editor can say why.
   */
  private dropReadOnly (conn: Connection, update: Uint8Array): void {
    if (conn.toldReadOnly) return
    let changes: boolean
    try { changes = carriesChanges(this.doc, update) } catch { throw new ProtocolError('malformed update') }
    if (changes) {
      conn.toldReadOnly = true
      conn.send(encodePermissionDenied(READ_ONLY_NOTICE))
    }
  }

  private refuse (conn: Connection, code: number, reason: string): void {
    this.refused.add(conn)
    conn.close(code, reason)
  }
}
