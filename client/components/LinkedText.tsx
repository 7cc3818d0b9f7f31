/**
 * Text someone typed (an argument, an exposé sommaire), shown as text: never
 * parsed as HTML. Only `http://` and `https://` addresses become links, and
 * those open in a new tab with `rel="nofollow ugc noopener"`; anything else
 * (`javascript:`, `data:`, markup) stays literal text.
 */
import type { VNode } from 'preact'

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}»”’'"]+$/

/** A piece of user text: plain text, or an address to link to. */
export type TextPiece = { kind: 'text'; text: string } | { kind: 'link'; href: string; text: string }

/** Cuts `text` into plain pieces and http(s) links (exported for tests). */
export function linkPieces (text: string): TextPiece[] {
  const out: TextPiece[] = []
  let last = 0
  for (const m of text.matchAll(URL_PATTERN)) {
    let raw = m[0]
    const trail = TRAILING.exec(raw)
    // Keep a closing bracket that belongs to the address, as in ".../Loi_(France)".
    if (trail) raw = raw.slice(0, raw.length - trail[0].length)
    if (trail && trail[0].startsWith(')') && raw.includes('(')) raw += ')'
    let href: string | null = null
    try {
      const url = new URL(raw)
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href
    } catch { /* not an address: left as text */ }
    if (!href) continue
    const start = m.index
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) })
    out.push({ kind: 'link', href, text: raw })
    last = start + raw.length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

/** User text with its http(s) addresses made clickable; line breaks kept by CSS (white-space: pre-line). */
export function LinkedText ({ text, class: className }: { text: string; class?: string }): VNode {
  return (
    <span class={className ? `user-text ${className}` : 'user-text'}>
      {linkPieces(text).map((p, i) => p.kind === 'text'
        ? p.text
        : <a key={i} href={p.href} rel="nofollow ugc noopener" target="_blank">{p.text}</a>)}
    </span>
  )
}
