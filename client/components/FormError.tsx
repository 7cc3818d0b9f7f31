/** The error of a form submission: announced at once, the form keeps what was typed. */

/** An alert with the server's message, or nothing. */
export function FormError ({ message }: { message: string | null }) {
  return (
    <div class="form-error-slot" role="alert">
      {message && <p class="form-error"><span aria-hidden="true">⚠ </span>{message}</p>}
    </div>
  )
}
