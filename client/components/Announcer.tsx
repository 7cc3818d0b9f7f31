/**
 * A polite live region in the layout for messages that outlive a page
 * (signed in, signed out): screen readers read them, everyone sees them.
 */
import { useEffect, useState } from 'preact/hooks'

let push: ((message: string) => void) | null = null
let queued = ''

/** Shows and announces `message` in the layout's notice area. */
export function announce (message: string): void {
  if (push) push(message)
  else queued = message
}

/** The live region; render it once, in the layout. */
export function Announcer () {
  const [message, setMessage] = useState(queued)
  useEffect(() => {
    push = setMessage
    return () => { push = null }
  }, [])
  useEffect(() => {
    if (!message) return
    const timer = setTimeout(() => setMessage(''), 8000)
    return () => clearTimeout(timer)
  }, [message])
  return (
    <div class="announcer" role="status" aria-live="polite">
      {message && <p class="notice">{message}</p>}
    </div>
  )
}
