/**
 * The schema check of peers' updates, before they are stored or relayed.
 * An update is applied to a shadow copy of the document first; only the
 * types that transaction changed are checked (and the subtrees it created),
 * so a keystroke costs the size of its alinéa, not of the bill. The shadow
 * follows the document: it is the document plus the updates admitted and
 * not yet applied. After a refusal (or anything that makes the two differ)
 * it is dropped and rebuilt from the document on the next update, which
 * costs one copy of the document, and happens only then.
 */
import * as Y from 'yjs'
import { schema } from '../../shared/schema.ts'
import { FRAGMENT } from '../domain/documents.ts'
import { checkType, nodeTypeOfElement, textProblem, type YNodeParent } from './schema-check.ts'

/** Checks updates against the schema on a shadow copy of one document. */
export class SchemaGuard {
  private shadow: Y.Doc | null = null

  constructor (private readonly doc: Y.Doc) {}

  /**
   * Null when the document with this update (after `before`, the updates
   * admitted and not yet applied to the document) still fits the schema;
   * else what is wrong, and the shadow is dropped.
   */
  admit (update: Uint8Array, before: readonly Uint8Array[]): string | null {
    const shadow = this.shadowWith(before)
    const pendingBefore = shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null
    let problem: string | null = null
    const onTransaction = (tr: Y.Transaction): void => { problem ??= transactionProblem(tr) }
    shadow.on('afterTransaction', onTransaction)
    try {
      Y.applyUpdate(shadow, update)
    } catch {
      problem = 'malformed update'
    } finally {
      shadow.off('afterTransaction', onTransaction)
    }
    if (!problem && !pendingBefore && (shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null)) {
      problem = 'the update depends on changes the server does not have'
    }
    if (problem) this.reset()
    return problem
  }

  /** Forgets the shadow (the document changed by other means, or an admitted update was not applied). */
  reset (): void {
    this.shadow?.destroy()
    this.shadow = null
  }

  /**
   * Keeps the shadow copy in step with a change the document took without
   * the guard (an update relayed from another node, already checked there).
   */
  follow (update: Uint8Array): void {
    if (!this.shadow) return
    try {
      Y.applyUpdate(this.shadow, update)
    } catch {
      this.reset()
    }
  }

  private shadowWith (before: readonly Uint8Array[]): Y.Doc {
    if (this.shadow) return this.shadow
    const shadow = new Y.Doc({ gc: true })
    shadow.getXmlFragment(FRAGMENT) // typed before updates arrive; any other root type is refused
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(this.doc))
    for (const u of before) Y.applyUpdate(shadow, u)
    this.shadow = shadow
    return shadow
  }
}

/** What is wrong with the types a transaction changed, or null. */
export function transactionProblem (tr: Y.Transaction): string | null {
  const created = (el: Y.XmlElement): boolean => el._item !== null && el._item.id.clock >= (tr.beforeState.get(el._item.id.client) ?? 0)
  for (const type of tr.changed.keys()) {
    if (type._item?.deleted) continue // in a deleted subtree: not part of the document any more
    const problem = typeProblem(type, created)
    if (problem) return problem
  }
  return null
}

function typeProblem (type: Y.AbstractType<any>, created: (el: Y.XmlElement) => boolean): string | null {
  if (type._item === null) {
    // A root type: only the bill's fragment may be written.
    if (type !== type.doc?.share.get(FRAGMENT)) return 'only the bill text may be changed'
    return checkType(type as Y.XmlFragment, schema.topNodeType, created)
  }
  if (type instanceof Y.XmlElement) {
    const nodeType = nodeTypeOfElement(type)
    if (!nodeType) return `unknown element "${type.nodeName.slice(0, 40)}"`
    return checkType(type, nodeType, created)
  }
  if (type instanceof Y.XmlText) {
    const parent = type.parent as YNodeParent | null
    const parentType = parent instanceof Y.XmlElement ? nodeTypeOfElement(parent) : schema.topNodeType
    if (!parentType) return 'text in an unknown element'
    return textProblem(type, parentType)
  }
  return 'only the bill text may be changed'
}
