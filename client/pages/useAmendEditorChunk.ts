/**
 * The amendment editor's chunk (ProseMirror, the live diff and wording),
 * loaded on demand by the pages that propose an amendment, so the reading
 * path does not carry it.
 */
import { useEffect, useState } from 'preact/hooks'

/** The amendment editor module. */
export type AmendEditorChunk = typeof import('../amendment-editor/index.ts')

/** The chunk once loaded (null before), or the error that stopped it. */
export function useAmendEditorChunk (): { chunk: AmendEditorChunk | null; chunkError: unknown } {
  const [chunk, setChunk] = useState<AmendEditorChunk | null>(null)
  const [chunkError, setChunkError] = useState<unknown>(null)
  useEffect(() => {
    let cancelled = false
    import('../amendment-editor/index.ts').then(c => { if (!cancelled) setChunk(c) }, err => { if (!cancelled) setChunkError(err) })
    return () => { cancelled = true }
  }, [])
  return { chunk, chunkError }
}
