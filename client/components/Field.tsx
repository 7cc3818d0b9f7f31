/**
 * A labelled form field with an optional hint and an optional error, wired
 * with aria-describedby so both are read with the field; an error also
 * marks the field aria-invalid.
 */
import type { JSX } from 'preact'

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'id' | 'class' | 'name'>

export interface FieldProps extends InputProps {
  id: string
  label: string
  hint?: string
  /** What is wrong with the value, shown under the field (from `formErrors`). */
  error?: string
  value: string
  onValue: (value: string) => void
}

/** The ids a field's description points at: its hint and its error, when shown. */
export function describedBy (id: string, hint: boolean, error: boolean): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** The error under a field (or nothing): `id` is the field's id. */
export function FieldError ({ id, message }: { id: string; message?: string }) {
  if (!message) return null
  return <span id={`${id}-error`} class="field__error"><span aria-hidden="true">⚠ </span>{message}</span>
}

/** A text-like input with its label above, its hint and its error below. */
export function Field ({ id, label, hint, error, value, onValue, ...input }: FieldProps) {
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id} class="field__label">{label}</label>
      <input
        {...input}
        id={id}
        name={id}
        class="field__input"
        value={value}
        aria-describedby={describedBy(id, !!hint, !!error)}
        aria-invalid={error ? 'true' : undefined}
        onInput={e => onValue((e.currentTarget as HTMLInputElement).value)}
      />
      {hint && <p id={`${id}-hint`} class="field__hint">{hint}</p>}
      <FieldError id={id} message={error} />
    </div>
  )
}
