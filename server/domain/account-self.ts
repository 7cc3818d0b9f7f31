/**
 * A user's own account: profile and settings, password and address
 * changes, their contributions, the export of everything they gave
 * Alinea (right of access and portability) and erasure.
 *
 * Erasure keeps what the public already relies on: votes stay counted (the
 * tallies of a published consultation do not move), amendments, arguments
 * and reports stay in place under « Compte supprimé »; the address, name,
 * password, OIDC link, sessions, follows and notifications are removed, the
 * address may register anew and the account can never sign in again.
 */
import { randomBytes } from 'node:crypto'
import type { Ctx, Actor } from './context.ts'
import type { ContributionPosition, UserRecord } from './store.ts'
import { DuplicateKeyError } from './store.ts'
import type { ContributionView, ContributionsQuery, MePatchBody } from '../../shared/api.ts'
import { Conflict, Unauthenticated, WrongPassword } from './errors.ts'
import { ERASED_NAME, normaliseEmail, selfView } from './accounts.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { endSessions, sendVerification } from './account-links.ts'
import { decodeCursor, encodeCursor } from './cursors.ts'
import { assertDisplayName, assertNameFree } from './display-names.ts'

function signedIn (actor: Actor): UserRecord {
  if (!actor) throw new Unauthenticated()
  return actor
}

/** 401 `wrong_password` unless `password` is the account's. Accounts without a password (OIDC) pass with none. */
async function assertPassword (user: UserRecord, password: string | undefined): Promise<void> {
  const has = user.passwordHash.startsWith('scrypt$')
  if (!has && !password) return
  if (!password || !(await verifyPassword(password, user.passwordHash))) {
    throw new WrongPassword()
  }
}

/** Changes one's name, profile type, language or notification mode. */
export async function updateMe (ctx: Ctx, actor: Actor, body: MePatchBody): Promise<UserRecord> {
  const user = signedIn(actor)
  const displayName = body.displayName?.trim()
  // A new name follows the rules of sign-up: no look-alike of an MP's or staff's name.
  if (displayName !== undefined && displayName !== user.displayName) {
    assertDisplayName(displayName)
    await assertNameFree(ctx, displayName, user.id)
  }
  const updated = await ctx.store.updateUser(user.id, {
    displayName, profileType: body.profileType, locale: body.locale, notify: body.notify
  })
  return updated!
}

/** Changes one's password (the current one required); ends every other session and token. */
export async function changePassword (ctx: Ctx, actor: Actor, current: string, password: string, keepSession: string | null): Promise<UserRecord> {
  const user = signedIn(actor)
  await assertPassword(user, current)
  const updated = await ctx.store.updateUser(user.id, { passwordHash: await hashPassword(password) })
  await endSessions(ctx, user.id, keepSession)
  ctx.log.info({ userId: user.id }, 'password changed')
  return updated!
}

/** Changes one's address (password required): it must be verified again; 409 `email_taken` when in use. */
export async function changeEmail (ctx: Ctx, actor: Actor, email: string, password: string): Promise<UserRecord> {
  const user = signedIn(actor)
  await assertPassword(user, password)
  const next = normaliseEmail(email)
  if (next === user.email) return user
  let updated: UserRecord | null
  try {
    updated = await ctx.store.updateUser(user.id, { email: next, emailVerified: false })
  } catch (err) {
    if (err instanceof DuplicateKeyError) throw new Conflict('email_taken', 'an account already uses this email')
    throw err
  }
  await sendVerification(ctx, updated!, true)
  ctx.log.info({ userId: user.id }, 'address changed')
  return updated!
}

/** Erases the signed-in account (password required, unless it has none). */
export async function eraseMe (ctx: Ctx, actor: Actor, password: string | undefined): Promise<void> {
  const user = signedIn(actor)
  await assertPassword(user, password)
  await ctx.store.eraseUser(user.id, {
    // Unique and never deliverable (RFC 2606 .invalid): the address itself is free again.
    email: `erased-${user.id}-${randomBytes(6).toString('hex')}@erased.invalid`,
    displayName: ERASED_NAME,
    passwordHash: '!erased',
    deletedAt: ctx.now().toISOString()
  })
  ctx.events.emit('session:ended', { userId: user.id, credentialIds: 'all' })
  ctx.log.info({ userId: user.id }, 'account erased')
}

const isPosition = (x: unknown): x is ContributionPosition => {
  const p = x as ContributionPosition
  return typeof p === 'object' && p !== null && typeof p.at === 'string' && typeof p.id === 'string' && p.at.length <= 40 && p.id.length <= 140
}

/** One page of the user's contributions of one kind, newest first. */
export async function contributionsPage (ctx: Ctx, userId: string, query: ContributionsQuery): Promise<{ items: ContributionView[]; next: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor, isPosition) : undefined
  const n = query.limit + 1
  const empty = { target: null, articleId: null, text: null, status: null, response: null, value: null, side: null }
  let rows: (ContributionView & { key: ContributionPosition })[]
  if (query.kind === 'amendments') {
    rows = (await ctx.store.listUserAmendments(userId, after, n)).map(a => ({
      ...empty, kind: 'amendment' as const, id: a.id, billId: a.billId, at: a.createdAt, articleId: a.articleId, text: a.explanation,
      status: a.status, response: a.decision?.response ?? null, key: { at: a.createdAt, id: a.id }
    }))
  } else if (query.kind === 'arguments') {
    rows = (await ctx.store.listUserArguments(userId, after, n)).map(a => ({
      ...empty, kind: 'argument' as const, id: a.id, billId: a.billId, at: a.createdAt, target: a.target, text: a.body, side: a.side,
      status: a.deletedAt ? 'deleted' : null, key: { at: a.createdAt, id: a.id }
    }))
  } else if (query.kind === 'votes') {
    rows = (await ctx.store.listUserVotes(userId, after, n)).map(v => {
      const id = `${v.target.type}:${v.target.id}`
      return { ...empty, kind: 'vote' as const, id, billId: v.billId, at: v.at, target: v.target, value: v.value, key: { at: v.at, id } }
    })
  } else {
    rows = (await ctx.store.listUserReports(userId, after, n)).map(r => ({
      ...empty, kind: 'report' as const, id: r.id, billId: r.billId, at: r.at, target: r.target, text: r.body ? `${r.reason}: ${r.body}` : r.reason,
      key: { at: r.at, id: r.id }
    }))
  }
  const page = rows.slice(0, query.limit)
  const last = page[page.length - 1]
  return {
    items: page.map(({ key: _key, ...item }) => item),
    next: rows.length > query.limit ? encodeCursor(last.key) : null
  }
}

/** The signed-in user's contributions of one kind. */
export async function myContributions (ctx: Ctx, actor: Actor, query: ContributionsQuery): Promise<{ items: ContributionView[]; next: string | null }> {
  return contributionsPage(ctx, signedIn(actor).id, query)
}

/** Everything the user gave Alinea, as one JSON document (account, contributions of every kind, follows, notifications). */
export async function exportMe (ctx: Ctx, actor: Actor): Promise<Record<string, unknown>> {
  const user = signedIn(actor)
  const all = async (kind: ContributionsQuery['kind']) => {
    const items: ContributionView[] = []
    let cursor: string | undefined
    do {
      const page = await contributionsPage(ctx, user.id, { kind, cursor, limit: 50 })
      items.push(...page.items)
      cursor = page.next ?? undefined
    } while (cursor)
    return items
  }
  const follows = await ctx.store.listUserFollows(user.id, undefined, 10_000)
  const notifications = await ctx.store.listUserNotifications(user.id, undefined, 10_000)
  return {
    exportedAt: ctx.now().toISOString(),
    account: { ...selfView(user), createdAt: user.createdAt },
    amendments: await all('amendments'),
    arguments: await all('arguments'),
    votes: await all('votes'),
    reports: await all('reports'),
    follows: follows.map(f => ({ id: f.id, target: f.target, billId: f.billId, createdAt: f.createdAt })),
    notifications: notifications.map(n => ({ id: n.id, kind: n.kind, target: n.target, billId: n.billId, action: n.action, reason: n.reason, data: n.data, at: n.at, read: !!n.readAt }))
  }
}
