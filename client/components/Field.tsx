/**
 * A labelled form field with an optional hint, wired with
 * aria-describedby so the hint is read with the field.
 */
import type { JSX } from 'preact'

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'value' | 'onInput' | 'id' | 'class' | 'name'>

export interface FieldProps extends InputProps {
  id: string
  label: string
  hint?: string
  value: string
  onValue: (value: string) => void
}

/** A text-like input with its label above and its hint below. */
export function Field ({ id, label, hint, value, onValue, ...input }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  return (
    <div class="field">
      <label for={id} class="field__label">{label}</label>
      <input
        {...input}
        id={id}
        name={id}
        class="field__input"
        value={value}
        aria-describedby={hintId}
        onInput={e => onValue((e.currentTarget as HTMLInputElement).value)}
      />
      {hint && <p id={hintId} class="field__hint">{hint}</p>}
    </div>
  )
}
