/**
 * The drafts of the two amend pages (an article rewritten, an additional
 * article): their shape, their key (by article and base revision, so a draft
 * written on revision 1 is not restored over revision 2) and the check that
 * what storage holds is one of them.
 */
import { isStringArray } from './drafts.ts'

/** The amend page's draft: the text or the dispositif, and the exposé sommaire. */
export interface AmendDraft { alineas: string[]; deleting: boolean; mode: 'text' | 'dispositif'; dispositif: string; explanation: string }

/** The additional article page's draft. */
export interface AddArticleDraft { alineas: string[]; heading: string; explanation: string }

/** The key of the draft amending `articleId` as published in `revision`. */
export function amendDraftKey (articleId: string, revision: number): string {
  return `amend:${articleId}:${revision}`
}

/** The key of the draft of an additional article next to `anchorId` (revision `revision`). */
export function addArticleDraftKey (billId: string, side: 'after' | 'before', anchorId: string, revision: number): string {
  return `add:${billId}:${side}:${anchorId}:${revision}`
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

/** Whether `v` is an amend page draft. */
export function isAmendDraft (v: unknown): v is AmendDraft {
  return isRecord(v) && isStringArray(v.alineas) && typeof v.deleting === 'boolean' && (v.mode === 'text' || v.mode === 'dispositif') &&
    typeof v.dispositif === 'string' && typeof v.explanation === 'string'
}

/** Whether `v` is an additional article draft. */
export function isAddArticleDraft (v: unknown): v is AddArticleDraft {
  return isRecord(v) && isStringArray(v.alineas) && typeof v.heading === 'string' && typeof v.explanation === 'string'
}

/** Whether two lists of alinéas are the same. */
export function sameAlineas (a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}
