/**
 * The amend page's chunk, loaded with `import()`: the editor, and what the
 * preview needs (the diff and the dispositif, computed in the browser by the
 * same shared code as the server, so what the citizen sees is what will be
 * filed).
 */
import { diffArticle, type ArticleDiff } from '../../shared/diff.ts'
import { wording } from '../../shared/wording.ts'
import { frozenAlineas } from '../../shared/text.ts'

export { createAmendEditor, type AmendEditor } from './editor.ts'

/** The proposal the server would store: alinéas normalised as it does, empty ones left out. */
export function proposalOf (typed: string[]): string[] {
  return frozenAlineas(typed)
}

/** The preview of a proposal: its diff against the base, and its wording in French and English (null when unchanged). */
export interface Preview { diff: ArticleDiff; wording: { fr: string; en: string } | null; identical: boolean }

/** Diff and dispositif of `proposed` against `base`, as the server will write them. */
export function preview (base: string[], proposed: string[]): Preview {
  const diff = diffArticle(base, proposed)
  const identical = base.length === proposed.length && base.every((a, i) => a === proposed[i])
  if (identical) return { diff, wording: null, identical }
  try {
    return { diff, wording: { fr: wording(diff, 'fr'), en: wording(diff, 'en') }, identical }
  } catch {
    return { diff, wording: null, identical }
  }
}

export { readDispositif, type DispositifResult } from './dispositif.ts'
export { overlapping, passageOfDiff } from '../../shared/overlap.ts'
