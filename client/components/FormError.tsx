/** The error of a form submission: announced at once, the form keeps what was typed. */

/** An alert with the failure's message, or nothing; `id` lets a field point at it (aria-describedby). */
export function FormError ({ message, id }: { message: string | null; id?: string }) {
  return (
    <div class="form-error-slot" role="alert">
      {message && <p class="form-error" id={id}><span aria-hidden="true">⚠ </span>{message}</p>}
    </div>
  )
}
