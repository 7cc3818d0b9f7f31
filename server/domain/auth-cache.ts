/**
 * A short-lived cache of credential lookups: which user a session cookie or
 * API token belongs to. Without it every request costs two store reads
 * (credential, then user) before any work; a vote's irreducible cost is
 * about that much again. Entries live `authCacheMs` (ALINEA_AUTH_CACHE_MS)
 * and are dropped at once when:
 * - the domain says credentials ended ('session:ended') or a role changed
 *   ('user:role-changed'); with several nodes these events are relayed
 *   between nodes, so other nodes drop theirs too;
 * - anything on this node writes a user or a credential through the store
 *   (`guardStore`), so a change of name, email or verification is seen by
 *   the very next request without every such use case having to say so.
 * The credential's own expiry is checked on every hit.
 */
import type { EventBus } from './events.ts'
import type { CredentialRecord, Store, UserRecord } from './store.ts'
import { storeMembers } from './store.ts'

interface Entry { credential: CredentialRecord; user: UserRecord; expiresMs: number; credentialExpiresMs: number }

/** Store methods that read or create, and so never make a cached entry stale. */
const READS = /^(get|list|count|find|create|ping|close)/
/** Store methods that touch users or credentials. */
const ACCOUNTS = /user|credential|session|token|account|password|email|profile/i

/** The cache of one application (one event bus). */
export class AuthCache {
  private byCredential = new Map<string, Entry>()
  private byUser = new Map<string, Set<string>>()

  constructor (private readonly ttlMs: number, private readonly maxEntries = 100_000) {}

  /** The cached credential and user, if fresh and the credential has not expired at `nowMs`. */
  get (credentialId: string, nowMs: number): Entry | undefined {
    if (this.ttlMs === 0) return undefined
    const e = this.byCredential.get(credentialId)
    if (!e) return undefined
    if (e.expiresMs <= performance.now() || e.credentialExpiresMs <= nowMs) {
      this.dropCredentials([credentialId])
      return undefined
    }
    return e
  }

  /** Remembers a successful lookup. */
  set (credential: CredentialRecord, user: UserRecord): void {
    if (this.ttlMs === 0) return
    if (this.byCredential.size >= this.maxEntries) this.clear()
    const credentialExpiresMs = credential.expiresAt ? Date.parse(credential.expiresAt) : Infinity
    this.byCredential.set(credential.id, { credential, user, expiresMs: performance.now() + this.ttlMs, credentialExpiresMs })
    let ids = this.byUser.get(user.id)
    if (!ids) this.byUser.set(user.id, ids = new Set())
    ids.add(credential.id)
  }

  /** Forgets these credentials. */
  dropCredentials (ids: Iterable<string>): void {
    for (const id of ids) {
      const e = this.byCredential.get(id)
      if (!e) continue
      this.byCredential.delete(id)
      const ofUser = this.byUser.get(e.user.id)
      ofUser?.delete(id)
      if (ofUser?.size === 0) this.byUser.delete(e.user.id)
    }
  }

  /** Forgets every credential of a user. */
  dropUser (userId: string): void {
    const ids = this.byUser.get(userId)
    if (ids) this.dropCredentials([...ids])
  }

  /** Forgets everything. */
  clear (): void {
    this.byCredential.clear()
    this.byUser.clear()
  }

  /** How many credentials are cached (tests). */
  get size (): number { return this.byCredential.size }
}

const caches = new WeakMap<EventBus, AuthCache>()

/** The cache of the application that owns `events`, created and wired to its events on first use. */
export function authCacheOf (ctx: { events: EventBus; config: { authCacheMs?: number } }): AuthCache {
  let cache = caches.get(ctx.events)
  if (!cache) {
    const created = cache = new AuthCache(ctx.config.authCacheMs ?? 0)
    caches.set(ctx.events, created)
    ctx.events.on('session:ended', p => { if (p.credentialIds === 'all') created.dropUser(p.userId); else created.dropCredentials(p.credentialIds) })
    ctx.events.on('user:role-changed', p => { created.dropUser(p.userId) })
  }
  return cache
}

/**
 * The store, with every method that may write dropping the cached entries it may affect, before
 * and after the write: any method that is not a read and whose first argument is a string drops
 * the entries of that user or credential id (a no-op for other ids: two map lookups); a method
 * about accounts (users, credentials, sessions, tokens, passwords, emails, profiles) with another
 * first argument drops everything. So a change of name, role, email or verification made on this
 * node is seen by the next request, whatever the use case that made it.
 */
export function guardStore (store: Store, cache: AuthCache): Store {
  const guarded: Record<string, unknown> = {}
  const source = store as unknown as Record<string, unknown>
  for (const key of storeMembers(store)) {
    const value = source[key]
    if (typeof value !== 'function') { guarded[key] = value; continue }
    type Method = (...args: unknown[]) => unknown
    // Looked up at each call, so a method replaced on the store later (a test's failure) is honoured.
    if (READS.test(key)) { guarded[key] = (...args: unknown[]) => (source[key] as Method).apply(store, args); continue }
    const aboutAccounts = ACCOUNTS.test(key)
    const drop = (first: unknown): void => {
      if (typeof first === 'string') { cache.dropUser(first); cache.dropCredentials([first]) } else if (aboutAccounts) cache.clear()
    }
    guarded[key] = (...args: unknown[]) => {
      // Nothing to drop (a vote's record, a bill's patch...): the call as it is, with no extra promise.
      if (!aboutAccounts && typeof args[0] !== 'string') return (source[key] as Method).apply(store, args)
      drop(args[0])
      const result = (source[key] as Method).apply(store, args)
      // Drop again once the write is done: a lookup that raced with it may have cached the old row.
      return result instanceof Promise ? result.finally(() => drop(args[0])) : result
    }
  }
  return guarded as unknown as Store
}
