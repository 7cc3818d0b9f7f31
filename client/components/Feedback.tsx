/**
 * The feedback of an action: pending, done or failed, in a live region that
 * stays in the DOM so changes are announced. Errors carry a "⚠" and words,
 * never colour alone.
 */
export type ActionState =
  | { kind: 'idle' }
  | { kind: 'pending'; message: string }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string }

export const IDLE: ActionState = { kind: 'idle' }

/** A polite live region showing the state of an action. */
export function Feedback ({ state, id }: { state: ActionState; id?: string }) {
  return (
    <p id={id} class={`feedback feedback--${state.kind}`} role="status" aria-live="polite">
      {state.kind === 'error' && <span aria-hidden="true">⚠ </span>}
      {state.kind !== 'idle' ? state.message : ''}
    </p>
  )
}
