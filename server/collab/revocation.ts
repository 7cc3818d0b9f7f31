/**
 * How the collaboration endpoint follows changes of rights while peers are
 * connected, in one place (with several nodes, issue 14, each node runs
 * this on the events it receives):
 *
 * - `bill:updated` (its editors changed): the bill's connections are decided
 *   again;
 * - `user:role-changed` (an admin changed a role): that user's connections
 *   are decided again with the new role;
 * - `session:ended` (logout, "log out everywhere", a revoked token):
 *   connections opened with those credentials stop writing at once and are
 *   sent to reconnect, so they come back with what their request is worth
 *   now (signed out: read-only on a published bill, 4404 on a draft; a
 *   revoked token: 4401).
 *
 * A peer whose rights changed gets 4205 (transient: the stock provider
 * reconnects at once and gets its new rights on upgrade); one that may no
 * longer see the bill gets 4403, for good. Writing stops before the close,
 * so nothing it sends afterwards is stored.
 */
import type { Logger } from 'pino'
import type { Ctx } from '../domain/context.ts'
import type { BillRecord, UserRecord } from '../store/store.ts'
import type { Connection } from './connection.ts'
import { rightsOn } from './access.ts'
import { CLOSE_FORBIDDEN, CLOSE_RIGHTS_CHANGED } from './close-codes.ts'

/** Decides a connection's rights again (with `actor`, when the user record changed) and sends it away if they changed. */
function recheck (conn: Connection, bill: BillRecord | null, actor: UserRecord | null = conn.actor): void {
  if (conn.closed) return
  conn.actor = actor
  const rights = rightsOn(bill, actor)
  if (!rights.ok) {
    conn.canWrite = false
    conn.close(CLOSE_FORBIDDEN, 'access to this bill was withdrawn')
  } else if (rights.canWrite !== conn.canWrite) {
    conn.canWrite = false // nothing more from it is stored, whatever it was
    conn.close(CLOSE_RIGHTS_CHANGED, rights.canWrite ? 'you may now edit: reconnect' : 'you may no longer edit: reconnect')
  }
}

/**
 * Subscribes the endpoint to the events that change rights; `live` gives
 * the open connections. Returns the function that unsubscribes.
 */
export function followRights (ctx: Ctx, live: () => Iterable<Connection>, log: Logger): () => void {
  const connsOf = (match: (c: Connection) => boolean): Connection[] => [...live()].filter(c => !c.closed && match(c))

  const offs = [
    ctx.events.on('bill:updated', ({ billId }) => {
      const conns = connsOf(c => c.billId === billId)
      if (conns.length === 0) return
      ctx.store.getBill(billId).then(bill => {
        for (const conn of conns) recheck(conn, bill)
      }, err => { log.error({ err, billId }, 'collab rights could not be re-checked') })
    }),

    ctx.events.on('user:role-changed', ({ userId }) => {
      const conns = connsOf(c => c.actor?.id === userId)
      if (conns.length === 0) return
      void (async () => {
        const user = await ctx.store.getUser(userId)
        const bills = new Map<string, Promise<BillRecord | null>>()
        for (const conn of conns) {
          if (!bills.has(conn.billId)) bills.set(conn.billId, ctx.store.getBill(conn.billId))
          recheck(conn, await bills.get(conn.billId)!, user)
        }
      })().catch(err => { log.error({ err, userId }, 'collab rights could not be re-checked after a role change') })
    }),

    ctx.events.on('session:ended', ({ userId, credentialIds }) => {
      const ended = (c: Connection): boolean => c.actor?.id === userId &&
        (credentialIds === 'all' || (c.credentialId !== null && credentialIds.includes(c.credentialId)))
      for (const conn of connsOf(ended)) {
        conn.canWrite = false
        conn.close(CLOSE_RIGHTS_CHANGED, 'your session ended: reconnect')
      }
    })
  ]
  return () => { for (const off of offs) off() }
}
