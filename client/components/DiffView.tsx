/**
 * An amendment's diff with a choice of view: inline by default, "côte à
 * côte" on request (two toggle buttons; the choice is remembered for the
 * visit so every card on the page follows it).
 */
import { useState } from 'preact/hooks'
import type { ArticleDiff } from '../../shared/diff.ts'
import { t } from '../i18n/index.ts'
import { InlineDiff } from './InlineDiff.tsx'
import { SideBySideDiff } from './SideBySideDiff.tsx'

export type DiffMode = 'inline' | 'side'

let lastMode: DiffMode = 'inline'

/** The diff and its view switch; `label` names the diff (e.g. "Modifications proposées par …"). */
export function DiffView ({ diff, label }: { diff: ArticleDiff; label: string }) {
  const [mode, setMode] = useState<DiffMode>(lastMode)
  const choose = (m: DiffMode) => { lastMode = m; setMode(m) }
  return (
    <div class="diff-view">
      <div class="diff-view__switch" role="group" aria-label={t('diff.viewLabel')}>
        <button type="button" class="toggle" aria-pressed={mode === 'inline'} data-mode="inline" onClick={() => choose('inline')}>{t('diff.inline')}</button>
        <button type="button" class="toggle" aria-pressed={mode === 'side'} data-mode="side" onClick={() => choose('side')}>{t('diff.side')}</button>
      </div>
      {mode === 'inline' ? <InlineDiff diff={diff} label={label} /> : <SideBySideDiff diff={diff} caption={label} />}
    </div>
  )
}
