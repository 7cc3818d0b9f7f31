/**
 * The loaded documents, one room per bill: loaded from the store on the
 * first connection, shared by every later one, and unloaded (after the
 * persistence queue drained and the stored updates were compacted) once no
 * connection has used it for `idleUnloadMs`. A connection that arrives while
 * its room is unloading waits for the unload to finish, then loads it anew,
 * so the store never has two writers for one bill.
 */
import type { Logger } from 'pino'
import type { DocStore } from '../store/store.ts'
import type { CollabSettings } from './settings.ts'
import type { Connection } from './connection.ts'
import { Room } from './room.ts'
import { LOCAL_ONLY, type CollabRelay, type RelayedMessage } from './relay.ts'

interface Slot {
  /** Resolves with the loaded room (rejects when loading failed; the slot is then gone). */
  ready: Promise<Room>
  room: Room | null
  /** Acquired but not yet joined (the connection's upgrade is completing). */
  holds: number
  idle: NodeJS.Timeout | null
  /** Set while unloading. */
  unloading: Promise<void> | null
  /** Messages of other nodes that arrived while the document was loading, applied once it is. */
  backlog: RelayedMessage[]
}

/** The registry of rooms. */
export class Rooms {
  private slots = new Map<string, Slot>()
  private readonly stopRelay: (() => void)[]

  /**
   * On a cluster, `relay` brings the other nodes' messages: a loaded room
   * applies them; a loading one keeps them until it is loaded (its store read
   * may or may not include them: applying twice is harmless, missing one is
   * impossible since a node stores an update before publishing it).
   */
  constructor (private readonly store: DocStore, private readonly settings: CollabSettings, private readonly log: Logger, private readonly relay: CollabRelay = LOCAL_ONLY) {
    this.stopRelay = [
      relay.receive(message => {
        const slot = this.slots.get(message.billId)
        if (!slot || slot.unloading) return // not held here: the store has it for whoever loads it next
        if (slot.room) slot.room.relayed(message)
        else slot.backlog.push(message)
      }),
      relay.onGap(() => {
        for (const room of this.all()) void room.persistence.catchUp()
      })
    ]
  }

  /** Stops receiving relayed messages (shutdown). */
  detach (): void {
    for (const stop of this.stopRelay) stop()
  }

  /** The room of a bill, loading it if needed; call `join` or `release` after. */
  async acquire (billId: string): Promise<Room> {
    for (;;) {
      let slot = this.slots.get(billId)
      if (slot?.unloading) {
        await slot.unloading
        continue
      }
      if (!slot) {
        const created: Slot = { ready: Room.load(this.store, billId, this.settings, this.log, this.relay), room: null, holds: 0, idle: null, unloading: null, backlog: [] }
        created.ready.then(room => {
          created.room = room
          for (const message of created.backlog.splice(0)) room.relayed(message)
          this.relay.publish({ type: 'query-awareness', billId })
        }, () => { if (this.slots.get(billId) === created) this.slots.delete(billId) })
        this.slots.set(billId, created)
        slot = created
      }
      slot.holds++
      this.cancelIdle(slot)
      try {
        return await slot.ready
      } catch (err) {
        slot.holds--
        throw err
      }
    }
  }

  /**
   * Turns an acquired hold into a connection of the room; false when the
   * room is being unloaded (shutdown) and the peer should be sent away.
   */
  join (room: Room, conn: Connection): boolean {
    const slot = this.slotOf(room)
    if (!slot) return false
    slot.holds--
    if (slot.unloading) return false
    room.join(conn)
    return true
  }

  /** Gives back a hold that will not join (the peer left during the upgrade). */
  release (room: Room): void {
    const slot = this.slotOf(room)
    if (!slot) return
    slot.holds--
    this.maybeIdle(room.billId, slot)
  }

  /** A connection left its room. */
  leave (room: Room, conn: Connection): void {
    room.leave(conn)
    const slot = this.slots.get(room.billId)
    if (slot && slot.room === room) this.maybeIdle(room.billId, slot)
  }

  /** The loaded room of a bill, if any (not one that is loading or unloading). */
  get (billId: string): Room | undefined {
    const slot = this.slots.get(billId)
    return slot && !slot.unloading ? slot.room ?? undefined : undefined
  }

  /** Every loaded room. */
  all (): Room[] {
    return [...this.slots.values()].flatMap(s => s.room && !s.unloading ? [s.room] : [])
  }

  /** Waits for every room's persistence queue. */
  async flush (): Promise<void> {
    await Promise.all([...this.slots.values()].map(s => s.room?.persistence.drain()))
  }

  /** Unloads every room now (shutdown): drain, compact, destroy. */
  async unloadAll (): Promise<void> {
    await Promise.all([...this.slots.entries()].map(async ([billId, slot]) => {
      this.cancelIdle(slot)
      try { await slot.ready } catch { return }
      await this.unload(billId, slot)
    }))
  }

  private slotOf (room: Room): Slot | undefined {
    const slot = this.slots.get(room.billId)
    return slot && slot.room === room ? slot : undefined
  }

  private cancelIdle (slot: Slot): void {
    if (slot.idle) clearTimeout(slot.idle)
    slot.idle = null
  }

  private maybeIdle (billId: string, slot: Slot): void {
    if (slot.holds > 0 || !slot.room || slot.room.conns.size > 0 || slot.unloading || slot.idle) return
    slot.idle = setTimeout(() => {
      slot.idle = null
      if (slot.holds > 0 || !slot.room || slot.room.conns.size > 0) return
      void this.unload(billId, slot)
    }, this.settings.idleUnloadMs)
    slot.idle.unref()
  }

  private unload (billId: string, slot: Slot): Promise<void> {
    if (slot.unloading) return slot.unloading
    const room = slot.room!
    slot.unloading = (async () => {
      try {
        await room.persistence.drain()
        await room.persistence.compact()
      } catch (err) {
        this.log.error({ err, billId }, 'collab document could not be compacted before unloading')
      } finally {
        room.destroy()
        if (this.slots.get(billId) === slot) this.slots.delete(billId)
        this.log.debug({ billId }, 'collab document unloaded')
      }
    })()
    return slot.unloading
  }
}
