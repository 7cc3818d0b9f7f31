/**
 * A cap on the open sockets of one user (or, for visitors, of one address),
 * so that one account or one machine cannot hold thousands of live or
 * collaboration sockets (each costs memory, and presence and events to
 * relay). Each socket endpoint (socket.io, /collab) keeps its own count, in
 * memory, per process.
 */
import type { IncomingHttpHeaders } from 'node:http'

/**
 * The address of a socket's client, as express computes `req.ip` with
 * `trust proxy` set to `trustedHops`: the peer, or, walking `X-Forwarded-For`
 * from the right, the address that many trusted proxies saw.
 */
export function socketAddress (remote: string | undefined, headers: IncomingHttpHeaders, trustedHops: number): string {
  const forwarded = headers['x-forwarded-for']
  const chain = [remote ?? 'unknown']
  if (trustedHops > 0 && typeof forwarded === 'string') {
    chain.push(...forwarded.split(',').map(h => h.trim()).filter(Boolean).reverse())
  }
  return chain[Math.min(trustedHops, chain.length - 1)]
}

/** The open sockets per user and per visitor address of one endpoint. */
export class SocketQuota {
  private readonly open = new Map<string, number>()

  /** `perUser` and `perAddress` of 0 turn that cap off. */
  constructor (private readonly perUser: number, private readonly perAddress: number) {}

  /**
   * Counts a new socket of this user (or of this address, for a visitor);
   * returns the function to call once it closed (idempotent), or null when
   * the cap is reached and the socket must be refused.
   */
  take (userId: string | null, address: string): (() => void) | null {
    const key = userId !== null ? `u:${userId}` : `a:${address}`
    const max = userId !== null ? this.perUser : this.perAddress
    const n = this.open.get(key) ?? 0
    if (max > 0 && n >= max) return null
    this.open.set(key, n + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.open.get(key) ?? 1) - 1
      if (left <= 0) this.open.delete(key)
      else this.open.set(key, left)
    }
  }

  /** Open sockets counted for a user (or an address); for tests. */
  count (userId: string | null, address = ''): number {
    return this.open.get(userId !== null ? `u:${userId}` : `a:${address}`) ?? 0
  }
}
