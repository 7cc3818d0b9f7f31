/**
 * Unchanged alinéas folded: a diff shows what an amendment changes, so two
 * or more alinéas in a row that it keeps are folded into one line,
 * « 3 alinéas inchangés », which unfolds them in place on request.
 */
import { useState } from 'preact/hooks'
import type { ComponentChildren } from 'preact'
import type { AlineaDiff } from '../../shared/diff.ts'
import { tn } from '../i18n/index.ts'

/** A run of kept alinéas long enough to fold. */
export interface KeptRunItem { kind: 'run'; alineas: AlineaDiff[] }

/** The fewest kept alinéas in a row that are folded (one alone is shown: folding it saves nothing). */
export const FOLD_FROM = 2

/** The diff's alinéas with each run of at least FOLD_FROM kept alinéas grouped. */
export function foldKept (alineas: readonly AlineaDiff[]): (AlineaDiff | KeptRunItem)[] {
  const out: (AlineaDiff | KeptRunItem)[] = []
  let run: AlineaDiff[] = []
  const flush = (): void => {
    if (run.length >= FOLD_FROM) out.push({ kind: 'run', alineas: run })
    else out.push(...run)
    run = []
  }
  for (const a of alineas) {
    if (a.kind === 'kept') run.push(a)
    else { flush(); out.push(a) }
  }
  flush()
  return out
}

/**
 * A folded run: the button that unfolds it, wrapped by `wrap` (a list item
 * or a table row), or once unfolded, `children` (the alinéas themselves).
 */
export function KeptRun ({ count, wrap, children }: {
  count: number
  wrap: (button: ComponentChildren) => ComponentChildren
  children: ComponentChildren
}) {
  const [open, setOpen] = useState(false)
  if (open) return <>{children}</>
  return (
    <>
      {wrap(
        <button type="button" class="button button--link diff-run__toggle" aria-expanded="false" onClick={() => setOpen(true)}>
          {tn('diff.keptRun', count)}
        </button>
      )}
    </>
  )
}
