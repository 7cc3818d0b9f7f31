/** The words of a failed council call: the message of its error code, in the reader's language. */
import { errorMessage } from '../errors.ts'

/** The message to show for `e`. */
export function councilError (e: unknown): string {
  return errorMessage(e)
}
