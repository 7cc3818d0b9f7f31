/**
 * The « Rédiger le dispositif » field of the amend page: a textarea for the
 * dispositif in either house style and, when a line cannot be read, the typed
 * lines with that one underlined and the reason beside it (announced to
 * screen readers through the textarea's description).
 */
import { t } from '../i18n/index.ts'
import type { DispositifResult } from '../amendment-editor/index.ts'

/** The dispositif field; `result` is what the shared parser made of `value` (null while loading). */
export function DispositifField ({ value, onInput, result }: { value: string; onInput: (v: string) => void; result: DispositifResult | null }) {
  const failed = result !== null && !result.ok && (result.kind === 'unreadable' || result.kind === 'notApplicable') ? result : null
  const line = failed?.kind === 'unreadable' ? failed.line : null
  const lines = value.split(/\r\n|\r|\n/u)
  return (
    <div class="field dispositif">
      <label class="field__label" for="amend-dispositif">{t('amend.dispositifLabel')}</label>
      <p class="field__hint" id="amend-dispositif-hint">{t('amend.dispositifHint')}</p>
      <textarea
        id="amend-dispositif" class="field__input dispositif__input" rows={8} spellcheck={false} value={value}
        aria-describedby={failed ? 'amend-dispositif-hint amend-dispositif-reason' : 'amend-dispositif-hint'}
        aria-invalid={failed ? 'true' : undefined}
        onInput={e => onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {failed && (
        <div class="dispositif__problem" data-dispositif="error">
          <p class="dispositif__reason" id="amend-dispositif-reason">
            {failed.kind === 'unreadable'
              ? (line !== null ? t('amend.dispositifUnreadableLine', { line: String(line), message: failed.message }) : t('amend.dispositifUnreadable', { message: failed.message }))
              : t('amend.dispositifNotApplicable', { message: failed.message })}
          </p>
          {line !== null && (
            <ol class="dispositif__lines" aria-label={t('amend.dispositifLines')}>
              {lines.map((l, i) => (
                <li key={i} class={`dispositif__line${i + 1 === line ? ' dispositif__line--error' : ''}`} data-line={i + 1} aria-current={i + 1 === line ? 'true' : undefined}>
                  {l === '' ? '\u00a0' : l}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </div>
  )
}
