/** Stored Yjs updates of bills' working texts. */

/** One stored Yjs update of a bill's working text, in append order. */
export interface DocUpdateRecord { seq: number; update: Uint8Array }

export interface DocStore {
  /** Appends a Yjs update to a bill's working text; resolves once durable. */
  appendDocUpdate (billId: string, update: Uint8Array): Promise<number>
  getDocUpdates (billId: string): Promise<DocUpdateRecord[]>
  /** Replaces the updates with seq <= upTo by one merged state update. */
  compactDoc (billId: string, state: Uint8Array, upTo: number): Promise<void>
}
