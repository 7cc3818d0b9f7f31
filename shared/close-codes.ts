/**
 * WebSocket close codes of the collaboration socket, named (Hocuspocus
 * style) so that the server, the tests and the browser editor speak of the
 * same thing (server/collab and the client's editor import them from here).
 * Every close also carries a short English reason.
 *
 * The stock `y-websocket` provider treats 4400-4499 as final (it stops
 * reconnecting and emits `closed` with the code and reason) and every other
 * code as transient (it reconnects with backoff). So a refusal that a new
 * attempt cannot fix is a 44xx code, and a "come back later" is not.
 */

/** The server is shutting down or restarting: reconnect (transient). */
export const CLOSE_SHUTTING_DOWN = 1001
/** Something failed on the server (the document could not be loaded or saved): reconnect (transient). */
export const CLOSE_INTERNAL_ERROR = 1011
/**
 * The peer's rights changed while connected (it became, or stopped being,
 * an editor): a transient code, so the stock provider reconnects at once
 * and gets its new rights on upgrade. The client editor should re-read the
 * bill (`canEdit`) when it sees this code in `connection-close`.
 */
export const CLOSE_RIGHTS_CHANGED = 4205
/** A message that is not the y-websocket protocol (malformed, text frame, unknown type). */
export const CLOSE_BAD_MESSAGE = 4400
/** An `Authorization: Bearer` token was sent but is not valid (a session cookie that is not valid counts as signed out). */
export const CLOSE_UNAUTHORIZED = 4401
/** Refused: a session cookie sent from another origin, or the right to see the bill (a draft) was withdrawn while connected. */
export const CLOSE_FORBIDDEN = 4403
/** No such bill, or a draft that the actor may not see (the two are not told apart, so drafts stay secret). */
export const CLOSE_NOT_FOUND = 4404
/**
 * The client announced (`?schema=<n>`) another document schema version than
 * the server's `SCHEMA_VERSION` (shared/schema.ts): it must reload, not sync.
 */
export const CLOSE_SCHEMA_MISMATCH = 4426
/** One message is larger than the limit (`maxMessageBytes`). */
export const CLOSE_MESSAGE_TOO_LARGE = 4413
/**
 * An update would make the document larger than the limit (`maxDocBytes`).
 * A 44xx code on purpose: with a 45xx code the stock provider would
 * reconnect and send the same refused change again, forever.
 */
export const CLOSE_DOCUMENT_TOO_LARGE = 4422

/**
 * An update would put into the bill text what its schema (shared/schema.ts)
 * does not allow (an unknown element or mark, a misplaced node, an invalid
 * attribute): it is neither stored nor relayed. Final (44xx): the same
 * change would be sent again on every reconnect.
 */
export const CLOSE_INVALID_CONTENT = 4415

/**
 * The user (or, signed out, the address) already has as many collaboration
 * sockets open as allowed (`ALINEA_MAX_SOCKETS_PER_USER`,
 * `ALINEA_MAX_SOCKETS_PER_ADDRESS`). Final: closing other tabs and reloading
 * is what helps, not retrying.
 */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429
