/**
 * Editing a bill's working text from a test, as an editor's browser would
 * through the collaboration socket: one Yjs update, appended to the store,
 * that replaces the fragment's content. Blocks keep their ids, so the next
 * revision's articles are the same articles (votes and amendments follow).
 */
import * as Y from 'yjs'
import { prosemirrorJSONToYXmlFragment } from 'y-prosemirror'
import type { App } from '../../server/app.ts'
import { FRAGMENT, loadWorkingDoc, workingBlocks } from '../../server/domain/documents.ts'
import { schema } from '../../shared/schema.ts'
import { blocksToDoc } from '../../shared/text.ts'
import type { BillBlock } from '../../shared/types.ts'
import type { ApiClient } from './server.ts'
import type { BillView } from '../../shared/api.ts'

/** Replaces a bill's working text by these blocks (ids as given), as one appended Yjs update. */
export async function replaceWorkingText (app: App, billId: string, blocks: BillBlock[]): Promise<void> {
  const ydoc = await loadWorkingDoc(app.ctx.store, billId)
  const before = Y.encodeStateVector(ydoc)
  const fragment = ydoc.getXmlFragment(FRAGMENT)
  ydoc.transact(() => {
    fragment.delete(0, fragment.length)
    prosemirrorJSONToYXmlFragment(schema, blocksToDoc(blocks), fragment)
  })
  await app.ctx.store.appendDocUpdate(billId, Y.encodeStateAsUpdate(ydoc, before))
}

/** The working text's blocks, with `changes` (article id -> new alinéas) applied. */
export async function editedBlocks (app: App, billId: string, changes: Record<string, string[]>): Promise<BillBlock[]> {
  const blocks = workingBlocks(await loadWorkingDoc(app.ctx.store, billId))
  return blocks.map(b => b.kind === 'article' && changes[b.id] ? { ...b, alineas: changes[b.id] } : b)
}

/** Changes some articles' alinéas in the working text and publishes the next revision as `editor`. */
export async function publishEdits (app: App, editor: ApiClient, bill: { id: string; closesAt: string | null }, changes: Record<string, string[]>): Promise<BillView> {
  await replaceWorkingText(app, bill.id, await editedBlocks(app, bill.id, changes))
  const r = await editor.call('publishBill', { params: { billId: bill.id }, body: { closesAt: bill.closesAt ?? '' } })
  if (r.status !== 200) throw new Error(`publish failed: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}
