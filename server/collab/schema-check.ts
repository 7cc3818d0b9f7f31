/**
 * The bill schema (shared/schema.ts) checked on the Yjs side, where
 * y-prosemirror lays a document out: the `prosemirror` XmlFragment is the
 * doc, an XmlElement per node (nodeName = node type, attributes = node
 * attributes), an XmlText per run of text (format keys = mark names).
 *
 * `checkType` tells what is wrong with one type's own content (its
 * attributes, its children's kinds and order, its text's marks), and with
 * the subtrees of children that `deep` selects; `repairFragment` deletes
 * what does not fit and fills what is missing, in place.
 */
import * as Y from 'yjs'
import type { Node, NodeType } from 'prosemirror-model'
import { schema } from '../../shared/schema.ts'
import { attrValueOk, completion, markAllowedIn, markNameOfKey, nodeTypeNamed } from '../../shared/schema-repair.ts'

/** A Yjs type that holds nodes: the fragment (doc) or an element. */
export type YNodeParent = Y.XmlFragment | Y.XmlElement

/** The node type of a Yjs element, or null when the schema has no such (non-text) node. */
export function nodeTypeOfElement (el: Y.XmlElement): NodeType | null {
  const t = nodeTypeNamed(el.nodeName)
  return t && !t.isText && t !== schema.topNodeType ? t : null
}

/** What is wrong with a text run placed in a node of type `parent`, or null. */
export function textProblem (text: Y.XmlText, parent: NodeType): string | null {
  if (!parent.inlineContent) return `text is not allowed in ${parent.name}`
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const content = item.content
    if (content instanceof Y.ContentFormat) {
      if (!markAllowedIn(parent, markNameOfKey(content.key))) return `mark "${content.key.slice(0, 40)}" is not allowed in ${parent.name}`
    } else if (!(content instanceof Y.ContentString)) {
      return `embedded content is not allowed in ${parent.name} text`
    }
  }
  return null
}

/** What is wrong with an element's attributes, or null. */
export function attributesProblem (el: Y.XmlElement, type: NodeType): string | null {
  const specs = type.spec.attrs ?? {}
  for (const [key, value] of Object.entries(el.getAttributes())) {
    if (!Object.prototype.hasOwnProperty.call(specs, key)) return `attribute "${key.slice(0, 40)}" is not allowed on ${type.name}`
    if (!attrValueOk(specs[key], value)) return `attribute "${key}" of ${type.name} is not valid`
  }
  return null
}

/**
 * What is wrong with a node parent's own content (attributes, children's
 * kinds and order, text marks, required content), checking the whole
 * subtree of each child for which `deep` is true; null when it fits.
 */
export function checkType (parent: YNodeParent, type: NodeType, deep: (child: Y.XmlElement) => boolean): string | null {
  if (parent instanceof Y.XmlElement) {
    const problem = attributesProblem(parent, type)
    if (problem) return problem
  }
  let match = type.contentMatch
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const childType = nodeTypeOfElement(child)
      if (!childType) return `unknown element "${child.nodeName.slice(0, 40)}"`
      const next = match.matchType(childType)
      if (!next) return `${childType.name} is not allowed here in ${type.name}`
      match = next
      if (deep(child)) {
        const problem = checkType(child, childType, deep)
        if (problem) return problem
      }
    } else if (child instanceof Y.XmlText) {
      const problem = textProblem(child, type)
      if (problem) return problem
      if (child.length > 0) {
        const next = match.matchType(schema.nodes.text)
        if (!next) return `text is not allowed here in ${type.name}`
        match = next
      }
    } else {
      return `content of an unknown kind in ${type.name}`
    }
  }
  return match.validEnd ? null : `${type.name} lacks required content`
}

/** A ProseMirror node as the Yjs types y-prosemirror would write for it. */
function yTypeOf (node: Node): Y.XmlElement | Y.XmlText {
  if (node.isText) {
    const text = new Y.XmlText()
    text.insert(0, node.text ?? '', Object.fromEntries(node.marks.map(m => [m.type.name, {}])))
    return text
  }
  const el = new Y.XmlElement(node.type.name)
  for (const [key, value] of Object.entries(node.attrs)) if (value !== null) el.setAttribute(key, value as string)
  const children: (Y.XmlElement | Y.XmlText)[] = []
  node.forEach(child => { children.push(yTypeOf(child)) })
  if (children.length > 0) el.insert(0, children)
  return el
}

/**
 * Makes a node parent fit the schema, in place (call inside a transaction):
 * unknown or misplaced elements and text are deleted, disallowed marks and
 * embeds are deleted from text, invalid attributes are removed (the
 * default applies), and content a node requires is filled with empty nodes.
 * Returns whether anything changed.
 */
export function repairType (parent: YNodeParent, type: NodeType, tr: Y.Transaction): boolean {
  let changed = false
  if (parent instanceof Y.XmlElement) {
    const specs = type.spec.attrs ?? {}
    for (const [key, value] of Object.entries(parent.getAttributes())) {
      if (!Object.prototype.hasOwnProperty.call(specs, key) || !attrValueOk(specs[key], value)) {
        parent.removeAttribute(key)
        changed = true
      }
    }
  }
  let match = type.contentMatch
  let index = 0
  for (const child of parent.toArray()) {
    let next = null
    if (child instanceof Y.XmlElement) {
      const childType = nodeTypeOfElement(child)
      next = childType ? match.matchType(childType) : null
      if (next && childType && repairType(child, childType, tr)) changed = true
    } else if (child instanceof Y.XmlText && type.inlineContent) {
      changed = repairText(child, type, tr) || changed
      next = child.length > 0 ? match.matchType(schema.nodes.text) : match
    }
    if (next) {
      match = next
      index++
    } else {
      parent.delete(index, 1)
      changed = true
    }
  }
  if (!match.validEnd) {
    const fill = completion(type, match, index === 0)
    if (fill && fill.childCount > 0) {
      const types: (Y.XmlElement | Y.XmlText)[] = []
      fill.forEach(n => { types.push(yTypeOf(n)) })
      parent.insert(parent.length, types)
      changed = true
    }
  }
  return changed
}

function repairText (text: Y.XmlText, parent: NodeType, tr: Y.Transaction): boolean {
  let changed = false
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue
    const content = item.content
    const bad = content instanceof Y.ContentFormat
      ? !markAllowedIn(parent, markNameOfKey(content.key))
      : !(content instanceof Y.ContentString)
    if (bad) {
      item.delete(tr)
      changed = true
    }
  }
  return changed
}

/** Makes the document's fragment fit the schema (see `repairType`); returns whether it changed. */
export function repairFragment (fragment: Y.XmlFragment): boolean {
  let changed = false
  Y.transact(fragment.doc!, tr => { changed = repairType(fragment, schema.topNodeType, tr) })
  return changed
}
