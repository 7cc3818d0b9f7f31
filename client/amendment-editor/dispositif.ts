/**
 * The amend page's « Rédiger le dispositif » mode, in the amend chunk: the typed
 * dispositif is read and applied to the article in the browser by the same
 * shared code as the server (`parseWording`, `applyWording`), so the diff shown
 * is what will be filed, and the line it cannot read is known with its reason.
 */
import { applyWording, parseWording, WordingError, type WordingLang } from '../../shared/wording.ts'
import { frozenAlineas } from '../../shared/text.ts'

/** What a dispositif makes of the article: the alinéas, or where and why it fails. */
export type DispositifResult =
  | { ok: true; alineas: string[]; lang: WordingLang }
  | { ok: false; kind: 'empty' }
  | { ok: false; kind: 'unreadable'; line: number | null; message: string }
  | { ok: false; kind: 'notApplicable'; message: string }

/** Read and apply `text` to `base` (French first, then English). */
export function readDispositif (base: string[], text: string): DispositifResult {
  if (text.trim() === '') return { ok: false, kind: 'empty' }
  let lang: WordingLang = 'fr'
  let ops
  try {
    ops = parseWording(text, 'fr')
  } catch (fr) {
    if (!(fr instanceof WordingError)) throw fr
    try {
      ops = parseWording(text, 'en')
      lang = 'en'
    } catch {
      return { ok: false, kind: 'unreadable', line: fr.line ?? null, message: fr.message }
    }
  }
  if (ops.length === 0) return { ok: false, kind: 'empty' }
  try {
    return { ok: true, alineas: frozenAlineas(applyWording(ops, base)), lang }
  } catch (err) {
    if (!(err instanceof WordingError)) throw err
    return { ok: false, kind: 'notApplicable', message: err.message }
  }
}
