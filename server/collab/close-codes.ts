/**
 * The collaboration socket's close codes (declared once, in
 * shared/close-codes.ts, for the server and the browser editor) and the
 * server's shortening of close reasons.
 */
export * from '../../shared/close-codes.ts'

/** Close reasons are at most 123 bytes of UTF-8 (RFC 6455): shorten longer ones. */
export function closeReason (reason: string): string {
  let r = reason
  while (Buffer.byteLength(r) > 123) r = r.slice(0, -2) + '…'
  return r
}
