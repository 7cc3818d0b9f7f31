/**
 * A bill's working text as a Yjs document: its `prosemirror` XML fragment
 * is what the editors co-draft. The store keeps it as Yjs updates; this
 * module builds the first update from imported text and reads the text back.
 */
import * as Y from 'yjs'
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror'
import { schema } from '../../shared/schema.ts'
import { blocksToDoc, docToBlocks } from '../../shared/text.ts'
import { validDocJSON } from '../../shared/schema-repair.ts'
import type { BillBlock, NodeJSON } from '../../shared/types.ts'
import type { Store } from './store.ts'

/** The name of the XML fragment that holds the text, shared with the client editor. */
export const FRAGMENT = 'prosemirror'

/** The Yjs update that creates a working text holding these blocks. */
export function initialUpdate (blocks: BillBlock[]): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(schema, blocksToDoc(blocks), FRAGMENT)
  return Y.encodeStateAsUpdate(ydoc)
}

/** Rebuilds a bill's working text from its stored updates. */
export async function loadWorkingDoc (store: Store, billId: string): Promise<Y.Doc> {
  const ydoc = new Y.Doc({ gc: true })
  const updates = await store.getDocUpdates(billId)
  Y.transact(ydoc, () => {
    for (const u of updates) Y.applyUpdate(ydoc, u.update)
  })
  return ydoc
}

/** The working text as ProseMirror JSON. */
export function workingJSON (ydoc: Y.Doc): NodeJSON {
  return yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(FRAGMENT)) as NodeJSON
}

/**
 * The working text as blocks. A stored text that does not fit the schema
 * (written before updates were checked, or by other means) is read as its
 * valid part (`validDocJSON`): a bad element never makes the bill unreadable.
 */
export function workingBlocks (ydoc: Y.Doc): BillBlock[] {
  return docToBlocks(validDocJSON(workingJSON(ydoc)))
}

/**
 * Whether the stored working text holds everything described by a client's
 * state vector (base64): publishing then includes every change that client
 * has seen. Throws RangeError when the state vector is malformed.
 */
export function coversStateVector (ydoc: Y.Doc, stateVectorBase64: string): boolean {
  const theirs = Y.decodeStateVector(Uint8Array.from(Buffer.from(stateVectorBase64, 'base64')))
  const ours = Y.decodeStateVector(Y.encodeStateVector(ydoc))
  for (const [client, clock] of theirs) {
    if ((ours.get(client) ?? 0) < clock) return false
  }
  return true
}
