/**
 * The valid part of a bill document. A working text is a Yjs document that
 * editors' clients write; a hostile or broken client can put into it what the
 * schema of `schema.ts` does not allow (an unknown element, a mark the
 * schema lacks, an attribute of the wrong type, an article without alinéa).
 * The collaboration socket refuses such updates, but a document stored
 * before that check, or written by other means, must still be readable:
 * reading keeps what fits and drops the rest, instead of failing.
 *
 * Also the small schema questions the server's Yjs checks ask (is this mark
 * key allowed here, is this attribute value valid), so that both agree.
 */
import { Fragment, type AttributeSpec, type ContentMatch, type Mark, type Node, type NodeType } from 'prosemirror-model'
import { schema } from './schema.ts'
import type { NodeJSON } from './types.ts'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The node type of a name, or null (own names only: `constructor` is not a node type). */
export function nodeTypeNamed (name: unknown): NodeType | null {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(schema.nodes, name) ? schema.nodes[name] : null
}

/**
 * The mark name of a Yjs format key as y-prosemirror writes it: the mark's
 * name, or the name and a `--<8 chars>` hash for marks that may overlap.
 */
export function markNameOfKey (key: string): string {
  return /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key
}

/** Whether a node of `parent` may hold text marked with this mark name. */
export function markAllowedIn (parent: NodeType, markName: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(schema.marks, markName)) return false
  return parent.allowsMarkType(schema.marks[markName])
}

/** Whether `value` is acceptable for an attribute (its `validate` rule; `undefined` means "use the default"). */
export function attrValueOk (spec: AttributeSpec, value: unknown): boolean {
  if (value === undefined) return true
  const rule = spec.validate
  if (rule === undefined) return value === null || ['string', 'number', 'boolean'].includes(typeof value)
  if (typeof rule === 'function') {
    try { rule(value); return true } catch { return false }
  }
  const kind = value === null ? 'null' : typeof value
  return rule.split('|').includes(kind)
}

/**
 * What completes a node's content that stopped at `match` (null when
 * nothing can): the schema's own filler, except that a document left empty
 * gets one empty article (rather than an empty division heading).
 */
export function completion (type: NodeType, match: ContentMatch, empty: boolean): Fragment | null {
  if (match.validEnd) return Fragment.empty
  if (type === schema.topNodeType && empty) return Fragment.from(schema.nodes.article.createAndFill()!)
  return match.fillBefore(Fragment.empty, true)
}

/** The attributes of a node type taken from raw ones: unknown keys dropped, invalid values replaced by the default. */
function repairAttrs (type: NodeType, raw: unknown): Record<string, unknown> {
  const given = isObject(raw) ? raw : {}
  const out: Record<string, unknown> = {}
  for (const [name, spec] of Object.entries(type.spec.attrs ?? {})) {
    const value = Object.prototype.hasOwnProperty.call(given, name) ? given[name] : undefined
    if (value !== undefined && attrValueOk(spec, value)) out[name] = value
  }
  return out
}

function repairMarks (raw: unknown, parent: NodeType): Mark[] {
  if (!Array.isArray(raw)) return []
  const marks: Mark[] = []
  for (const m of raw) {
    if (!isObject(m) || typeof m.type !== 'string') continue
    const name = markNameOfKey(m.type)
    if (!markAllowedIn(parent, name)) continue
    const mark = schema.marks[name].create()
    if (!mark.isInSet(marks)) marks.push(mark)
  }
  return marks
}

/**
 * The valid node for a JSON node placed in `parent`, or null when nothing
 * of it can be kept (unknown type, empty text). Children that do not fit
 * where they stand are dropped; content a node requires and lost (an
 * article's only alinéa) is filled with empty nodes.
 */
function repairNode (json: unknown, parent: NodeType | null): Node | null {
  if (!isObject(json)) return null
  const type = nodeTypeNamed(json.type)
  if (!type) return null
  if (type.isText) {
    if (typeof json.text !== 'string' || json.text.length === 0 || parent === null) return null
    return schema.text(json.text, repairMarks(json.marks, parent))
  }
  const children: Node[] = []
  let match = type.contentMatch
  if (Array.isArray(json.content)) {
    for (const c of json.content) {
      const child = repairNode(c, type)
      if (!child) continue
      const next = match.matchType(child.type)
      if (!next) continue
      children.push(child)
      match = next
    }
  }
  const fill = completion(type, match, children.length === 0)
  if (!fill) return null
  const content = Fragment.fromArray(children).append(fill)
  try {
    const node = type.create(repairAttrs(type, json.attrs), content)
    node.check()
    return node
  } catch {
    return null
  }
}

/**
 * The valid part of a bill document (ProseMirror JSON, as read from the Yjs
 * fragment): unknown nodes and marks dropped, nodes where the schema does
 * not allow them dropped, invalid attributes reset to their default, and
 * required content filled (an empty document becomes one empty article).
 * A valid document comes back unchanged.
 */
export function validDocJSON (json: unknown): NodeJSON {
  const doc = repairNode(isObject(json) && json.type === 'doc' ? json : { type: 'doc', content: [] }, null) ??
    schema.topNodeType.createAndFill()!
  return doc.toJSON() as NodeJSON
}
