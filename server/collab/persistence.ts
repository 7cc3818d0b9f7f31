/**
 * Persistence of one bill's working text: every accepted update is appended
 * through the Store BEFORE it is applied to the server's document, and so
 * before any other peer can receive it (relaying happens on the document's
 * `update` event). Updates of one document go through one queue, in order;
 * updates that arrive while an append is in flight are merged into the next
 * append (group commit), which keeps the queue short when the store is slow.
 *
 * The queue also refuses updates that would make the document too large,
 * skips those that change nothing (most sync step 2s of a reconnecting
 * peer), and compacts the stored updates into one state when there are many.
 */
import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { DocStore } from '../store/store.ts'
import type { CollabSettings } from './settings.ts'
import { carriesChanges } from './protocol.ts'
import { SchemaGuard } from './schema-guard.ts'
import { repairFragment } from './schema-check.ts'
import { FRAGMENT } from '../domain/documents.ts'

/** An update offered for storage, with who sent it (the origin of the Yjs transaction). */
export interface Submission<O> { update: Uint8Array; origin: O }

/** What the queue tells its room about updates it did not apply. */
export interface PersistenceHooks<O> {
  /** The update is not a valid Yjs update. */
  invalid (s: Submission<O>, err: unknown): void
  /** The update would put into the document what the bill schema does not allow. */
  outsideSchema (s: Submission<O>, problem: string): void
  /** The update would make the document larger than `maxDocBytes`. */
  tooLarge (s: Submission<O>, size: number): void
  /** The store failed: the update was neither stored nor applied. */
  failed (s: Submission<O>, err: unknown): void
  /** Called for every submission once it left the queue (for backpressure). */
  settled (s: Submission<O>): void
  /** Whether updates from this origin are still wanted (a peer refused earlier is ignored). */
  accepts (origin: O): boolean
  /** An append was stored as `seq` (the other nodes of a cluster are told). */
  stored? (update: Uint8Array, seq: number): void
}

/** The stored updates of a bill, loaded into a document. */
export interface LoadedDoc { doc: Y.Doc; lastSeq: number; storedCount: number; storedBytes: number }

/**
 * Reads a bill's stored updates into a new document and, when the stored
 * text does not fit the schema (stored before updates were checked, or by
 * other means), repairs it to its valid part and stores the repair, so
 * that editors load a text they can work on.
 */
export async function loadRepairedDoc (store: DocStore, billId: string, log: Logger): Promise<LoadedDoc> {
  const loaded = await loadDoc(store, billId)
  const repairs: Uint8Array[] = []
  const onUpdate = (u: Uint8Array): void => { repairs.push(u) }
  loaded.doc.on('update', onUpdate)
  const changed = repairFragment(loaded.doc.getXmlFragment(FRAGMENT))
  loaded.doc.off('update', onUpdate)
  if (!changed || repairs.length === 0) return loaded
  const repair = repairs.length === 1 ? repairs[0] : Y.mergeUpdates(repairs)
  log.warn({ billId, bytes: repair.byteLength }, 'stored working text did not fit the schema: repaired to its valid part')
  const seq = await store.appendDocUpdate(billId, repair)
  return { doc: loaded.doc, lastSeq: seq, storedCount: loaded.storedCount + 1, storedBytes: loaded.storedBytes + repair.byteLength }
}

/** Reads a bill's stored updates into a new document (one transaction, no events). */
export async function loadDoc (store: DocStore, billId: string): Promise<LoadedDoc> {
  const records = await store.getDocUpdates(billId)
  const doc = new Y.Doc({ gc: true })
  let storedBytes = 0
  Y.transact(doc, () => {
    for (const r of records) {
      Y.applyUpdate(doc, r.update)
      storedBytes += r.update.byteLength
    }
  })
  return { doc, lastSeq: records.length ? records[records.length - 1].seq : 0, storedCount: records.length, storedBytes }
}

/** The storage queue of one loaded document. */
export class DocPersistence<O> {
  private tail: Promise<void> = Promise.resolve()
  private pending: Submission<O>[] = []
  private readonly guard: SchemaGuard
  private scheduled = false
  /** Seq of the last stored update (compaction replaces everything up to it). */
  private lastSeq: number
  /** Seqs known to be in the document: everything up to `loadedUpTo`, and this queue's appends since. */
  private loadedUpTo: number
  private appended = new Set<number>()
  /** Updates in the store for this bill. */
  private storedCount: number
  /** An upper bound of the encoded document size: exact after load or compaction, plus what was appended since. */
  private sizeBound: number
  /** Appends done (for tests and benchmarks). */
  appends = 0
  compactions = 0

  constructor (
    private readonly store: DocStore,
    readonly billId: string,
    private readonly doc: Y.Doc,
    loaded: Omit<LoadedDoc, 'doc'>,
    private readonly settings: CollabSettings,
    private readonly hooks: PersistenceHooks<O>,
    private readonly log: Logger
  ) {
    this.lastSeq = loaded.lastSeq
    this.loadedUpTo = loaded.lastSeq
    this.storedCount = loaded.storedCount
    this.sizeBound = loaded.storedBytes
    this.guard = new SchemaGuard(doc)
  }

  /** Stored updates of this document right now. */
  get stored (): number { return this.storedCount }

  /** Queues an update: stored, then applied with `origin`, in submission order. */
  submit (s: Submission<O>): void {
    this.pending.push(s)
    if (this.scheduled) return
    this.scheduled = true
    void this.chain(async () => {
      this.scheduled = false
      await this.process(this.pending.splice(0))
    })
  }

  /** Queues a compaction (after the updates queued so far); resolves when done. */
  compact (): Promise<void> {
    return this.chain(() => this.compactNow())
  }

  /**
   * Another node stored this update as `seq` and it was applied here: it is
   * counted as stored (for compaction) and not taken for a foreign one.
   */
  relayed (seq: number, update: Uint8Array): void {
    this.guard.follow(update)
    const bytes = update.byteLength
    if (this.appended.has(seq) || seq <= this.loadedUpTo) return
    this.appended.add(seq)
    this.storedCount++
    this.sizeBound += bytes
  }

  /**
   * Queues a catch-up: stored updates this document does not know of (relayed
   * messages lost while the connection to Redis was down) are applied.
   */
  catchUp (): Promise<void> {
    return this.chain(async () => {
      const records = await this.store.getDocUpdates(this.billId)
      this.storedCount = records.length
      const n = this.applyForeign(records)
      if (n > 0) this.log.info({ billId: this.billId, updates: n }, 'collab document caught up from the store')
    })
  }

  /** Resolves once everything queued so far (and queued meanwhile) is done. */
  async drain (): Promise<void> {
    let t: Promise<void>
    do {
      t = this.tail
      await t
    } while (t !== this.tail)
  }

  private chain (task: () => Promise<void>): Promise<void> {
    const run = this.tail.then(task).catch(err => {
      this.log.error({ err, billId: this.billId }, 'collab persistence task failed')
    })
    this.tail = run
    return run
  }

  private async process (batch: Submission<O>[]): Promise<void> {
    const accepted: Submission<O>[] = []
    let bytes = 0
    for (const s of batch) {
      if (!this.hooks.accepts(s.origin)) { this.hooks.settled(s); continue }
      let changes: boolean
      try {
        changes = carriesChanges(this.doc, s.update)
      } catch (err) {
        this.hooks.invalid(s, err)
        this.hooks.settled(s)
        continue
      }
      if (!changes) { this.hooks.settled(s); continue }
      const size = this.fits(bytes + s.update.byteLength)
      if (size !== null) {
        this.hooks.tooLarge(s, size)
        this.hooks.settled(s)
        continue
      }
      const problem = this.guard.admit(s.update, accepted.map(a => a.update))
      if (problem !== null) {
        this.hooks.outsideSchema(s, problem)
        this.hooks.settled(s)
        continue
      }
      accepted.push(s)
      bytes += s.update.byteLength
    }
    if (accepted.length === 0) return
    const merged = accepted.length === 1 ? accepted[0].update : Y.mergeUpdates(accepted.map(s => s.update))
    try {
      this.lastSeq = await this.store.appendDocUpdate(this.billId, merged)
      this.appended.add(this.lastSeq)
    } catch (err) {
      this.guard.reset() // the shadow holds updates the document will not get
      for (const s of accepted) { this.hooks.failed(s, err); this.hooks.settled(s) }
      return
    }
    this.appends++
    this.storedCount++
    this.sizeBound += merged.byteLength
    this.hooks.stored?.(merged, this.lastSeq)
    // Stored: now the document takes them, and its `update` event relays them.
    for (const s of accepted) {
      try {
        Y.applyUpdate(this.doc, s.update, s.origin)
      } catch (err) {
        this.log.error({ err, billId: this.billId }, 'a stored update could not be applied')
        this.guard.reset()
        this.hooks.failed(s, err)
      }
      this.hooks.settled(s)
    }
    if (this.storedCount > this.settings.compactAfter) await this.compactNow()
  }

  /**
   * Null when `extra` more bytes keep the document within `maxDocBytes`,
   * else the size it would reach. The bound is refreshed with the exact
   * encoded size only when it comes near the limit.
   */
  private fits (extra: number): number | null {
    const max = this.settings.maxDocBytes
    if (this.sizeBound + extra <= max) return null
    this.sizeBound = Y.encodeStateAsUpdate(this.doc).byteLength
    return this.sizeBound + extra <= max ? null : this.sizeBound + extra
  }

  /**
   * Replaces the stored updates by one state. The stored updates are read
   * first, and any this document does not have (appended by someone else
   * than this queue: another process, other server code) are applied to it
   * (and so relayed) before the state is taken, so a compaction never drops
   * an update.
   */
  private async compactNow (): Promise<void> {
    const records = await this.store.getDocUpdates(this.billId)
    this.storedCount = records.length
    if (records.length <= 1) return
    const foreign = this.applyForeign(records)
    if (foreign > 0) this.log.warn({ billId: this.billId, updates: foreign }, 'stored updates from another writer found while compacting')
    const upTo = records[records.length - 1].seq
    const state = Y.encodeStateAsUpdate(this.doc)
    await this.store.compactDoc(this.billId, state, upTo)
    this.log.debug({ billId: this.billId, updates: records.length, bytes: state.byteLength }, 'collab document compacted')
    this.lastSeq = Math.max(this.lastSeq, upTo)
    this.loadedUpTo = upTo
    this.appended.clear()
    this.storedCount = 1
    this.sizeBound = state.byteLength
    this.compactions++
  }

  /**
   * Applies the stored updates that carry something this document lacks, and
   * returns how many did. Every record is checked, not only those after what
   * was loaded: on a cluster another node's compaction may have put, at a seq
   * this document knows, a state holding updates whose relay was lost.
   * Applying a known update again would change nothing (Yjs updates are
   * idempotent); the check only keeps the count and the events honest.
   */
  private applyForeign (records: readonly { seq: number; update: Uint8Array }[]): number {
    const foreign = records.filter(r => carriesChanges(this.doc, r.update))
    if (foreign.length > 0) {
      Y.transact(this.doc, () => { for (const r of foreign) Y.applyUpdate(this.doc, r.update) }, FOREIGN_ORIGIN)
      this.guard.reset() // the shadow is rebuilt from the document at the next peer update
    }
    return foreign.length
  }
}

/** The origin of updates read back from the store while compacting (relayed to every peer). */
export const FOREIGN_ORIGIN = Symbol('stored by another writer')
