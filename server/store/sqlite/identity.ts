/** Account changes and erasure, account tokens and the mail queue in SQLite. */
import type Database from 'better-sqlite3'
import type { AccountTokenRecord, IdentityStore, MailRecord, UserPatch, UserRecord } from '../store.ts'
import { DuplicateKeyError } from '../store.ts'
import { nameKey } from '../../../shared/names.ts'

interface TokenRow { id: string; kind: string; user_id: string; email: string; created_at: string; expires_at: string; used_at: string | null }
interface MailRow {
  id: string; to_addr: string; user_id: string | null; subject: string; text: string; html: string; headers: string; created_at: string
  attempts: number; next_attempt_at: string; sent_at: string | null; failed_at: string | null; last_error: string | null
}

const toToken = (r: TokenRow): AccountTokenRecord => ({
  id: r.id, kind: r.kind as AccountTokenRecord['kind'], userId: r.user_id, email: r.email, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at
})

/** The record of a `mails` row. */
export const toMail = (r: MailRow): MailRecord => ({
  id: r.id, to: r.to_addr, userId: r.user_id, subject: r.subject, text: r.text, html: r.html, headers: JSON.parse(r.headers) as Record<string, string>,
  createdAt: r.created_at, attempts: r.attempts, nextAttemptAt: r.next_attempt_at, sentAt: r.sent_at, failedAt: r.failed_at, lastError: r.last_error
})

const USER_COLUMNS: Record<keyof UserPatch, string> = {
  email: 'email',
  emailVerified: 'email_verified',
  displayName: 'display_name',
  profileType: 'profile_type',
  locale: 'locale',
  notify: 'notify',
  passwordHash: 'password_hash',
  oidcSub: 'oidc_sub'
}

/** The identity methods of the SQLite store that touch accounts, tokens and mails. */
export function sqliteIdentity (db: Database.Database, getUser: (id: string) => Promise<UserRecord | null>): Pick<IdentityStore,
  'updateUser' | 'getUserByOidcSub' | 'eraseUser' | 'deleteUserCredentials' | 'createAccountToken' | 'useAccountToken' |
  'enqueueMail' | 'claimMails' | 'markMailSent' | 'markMailFailed' | 'listMailsTo'> {
  const byOidc = db.prepare('SELECT id FROM users WHERE oidc_sub = ?')
  const credsOf = db.prepare('SELECT id FROM credentials WHERE user_id = ?')
  const deleteCred = db.prepare('DELETE FROM credentials WHERE id = ?')
  const insertToken = db.prepare(`INSERT INTO account_tokens (id, kind, user_id, email, created_at, expires_at, used_at)
    VALUES (@id, @kind, @userId, @email, @createdAt, @expiresAt, @usedAt)`)
  const useToken = db.prepare(`UPDATE account_tokens SET used_at = @now
    WHERE id = @id AND kind = @kind AND used_at IS NULL AND expires_at > @now RETURNING *`)
  const insertMail = db.prepare(`INSERT INTO mails (id, to_addr, user_id, subject, text, html, headers, created_at, attempts, next_attempt_at, sent_at, failed_at, last_error)
    VALUES (@id, @to, @userId, @subject, @text, @html, @headers, @createdAt, @attempts, @nextAttemptAt, @sentAt, @failedAt, @lastError)`)
  const dueMails = db.prepare(`SELECT id FROM mails WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= ?
    ORDER BY next_attempt_at, id LIMIT ?`)
  const leaseMail = db.prepare(`UPDATE mails SET next_attempt_at = @lease, attempts = attempts + 1
    WHERE id = @id AND sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= @now RETURNING *`)
  const sent = db.prepare('UPDATE mails SET sent_at = ?, last_error = NULL WHERE id = ?')
  const failed = db.prepare('UPDATE mails SET last_error = @error, next_attempt_at = @next, failed_at = @failedAt WHERE id = @id AND sent_at IS NULL')
  const mailsTo = db.prepare('SELECT * FROM mails WHERE to_addr = ? ORDER BY created_at, id')

  const erase = db.transaction((id: string, e: { email: string; displayName: string; passwordHash: string; deletedAt: string }) => {
    db.prepare(`UPDATE users SET email = @email, display_name = @displayName, password_hash = @passwordHash, deleted_at = @deletedAt,
      oidc_sub = NULL, email_verified = 0, notify = 'off' WHERE id = @id`).run({ id, ...e })
    db.prepare('DELETE FROM credentials WHERE user_id = ?').run(id)
    db.prepare('DELETE FROM account_tokens WHERE user_id = ?').run(id)
    db.prepare('DELETE FROM follows WHERE user_id = ?').run(id)
    db.prepare('DELETE FROM notifications WHERE user_id = ?').run(id)
    db.prepare('DELETE FROM mails WHERE user_id = ? AND sent_at IS NULL').run(id)
  })

  return {
    async updateUser (id, patch) {
      const keys = (Object.keys(patch) as (keyof UserPatch)[]).filter(k => patch[k] !== undefined)
      if (keys.length > 0) {
        const params: Record<string, unknown> = { id }
        for (const k of keys) params[k] = k === 'emailVerified' ? (patch.emailVerified ? 1 : 0) : patch[k]
        try {
          db.prepare(`UPDATE users SET ${keys.map(k => `${USER_COLUMNS[k]} = @${k}`).join(', ')} WHERE id = @id`).run(params)
          // The look-alike key follows the name (display-names.ts looks names up by it).
          if (patch.displayName !== undefined) db.prepare('UPDATE users SET name_key = ? WHERE id = ?').run(nameKey(patch.displayName), id)
        } catch (err) {
          if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError(String((err as Error).message).includes('oidc_sub') ? 'oidcSub' : 'email')
          throw err
        }
      }
      return getUser(id)
    },
    async getUserByOidcSub (sub) {
      const r = byOidc.get(sub) as { id: string } | undefined
      return r ? getUser(r.id) : null
    },
    async eraseUser (id, erased) {
      erase(id, erased)
    },
    async deleteUserCredentials (userId, keep) {
      return db.transaction(() => {
        const ids = (credsOf.all(userId) as { id: string }[]).map(r => r.id).filter(c => c !== keep)
        for (const c of ids) deleteCred.run(c)
        return ids
      })()
    },
    async createAccountToken (t) {
      insertToken.run(t)
    },
    async useAccountToken (id, kind, now) {
      const r = useToken.get({ id, kind, now }) as TokenRow | undefined
      return r ? toToken(r) : null
    },
    async enqueueMail (m) {
      insertMail.run({ ...m, headers: JSON.stringify(m.headers) })
    },
    async claimMails (now, leaseUntil, limit) {
      return db.transaction(() => {
        const ids = (dueMails.all(now, limit) as { id: string }[]).map(r => r.id)
        return ids.flatMap(id => {
          const r = leaseMail.get({ id, now, lease: leaseUntil }) as MailRow | undefined
          return r ? [toMail(r)] : []
        })
      })()
    },
    async markMailSent (id, at) {
      sent.run(at, id)
    },
    async markMailFailed (id, error, nextAttemptAt, isFailed) {
      failed.run({ id, error: error.slice(0, 1000), next: nextAttemptAt, failedAt: isFailed ? nextAttemptAt : null })
    },
    async listMailsTo (to) {
      return (mailsTo.all(to) as MailRow[]).map(toMail)
    }
  }
}
