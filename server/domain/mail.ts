/**
 * Outgoing mail from the domain's side: lay out a mail's words as a
 * plain-text part and an HTML part, and store it in the queue. A request
 * never waits for SMTP: the mailer (server/mail/) sends queued mails in the
 * background, retries them, and survives a restart because the queue is
 * stored.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Ctx } from './context.ts'
import type { MailRecord } from './store.ts'
import { newId } from '../../shared/ids.ts'
import type { MailWords } from './mail-texts.ts'

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

/** The plain-text and HTML parts of a mail. */
export function layout (words: MailWords, lang: string): { text: string; html: string } {
  const text = [
    ...words.paragraphs,
    ...(words.link ? [`${words.link.label}${lang === 'fr' ? ' : ' : ': '}${words.link.url}`] : []),
    ...(words.footer ? ['--', words.footer] : [])
  ].join('\n\n') + '\n'
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(words.subject)}</title></head>` +
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">' +
    words.paragraphs.map(p => `<p>${escapeHtml(p)}</p>`).join('') +
    (words.link ? `<p><a href="${escapeHtml(words.link.url)}" style="color: #0b4f9c">${escapeHtml(words.link.label)}</a></p><p style="font-size: 0.9em">${escapeHtml(words.link.url)}</p>` : '') +
    (words.footer ? `<hr><p style="font-size: 0.9em; color: #444">${escapeHtml(words.footer)}</p>` : '') +
    '</body></html>'
  return { text, html }
}

/** Stores a mail in the queue and wakes the mailer; it is sent in the background. */
export async function queueMail (ctx: Ctx, to: { email: string; userId: string | null; locale: string }, words: MailWords, headers: Record<string, string> = {}): Promise<MailRecord> {
  const now = ctx.now().toISOString()
  const mail: MailRecord = {
    id: newId('mail'), to: to.email, userId: to.userId, subject: words.subject, ...layout(words, to.locale), headers,
    createdAt: now, attempts: 0, nextAttemptAt: now, sentAt: null, failedAt: null, lastError: null
  }
  await ctx.store.enqueueMail(mail)
  ctx.log.info({ mailId: mail.id, userId: to.userId }, 'mail queued')
  ctx.events.emit('mail:queued', { mailId: mail.id })
  return mail
}

/** A link into the application (`/verify?token=...`), at the public address of this Alinea. */
export function appLink (ctx: Ctx, path: string, query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString()
  return `${ctx.config.publicUrl}${path}${q ? '?' + q : ''}`
}

/** The unsubscribe token of a user: an HMAC of their id with the server secret (no sign-in needed to use it). */
export function unsubscribeToken (ctx: Ctx, userId: string): string {
  const mac = createHmac('sha256', ctx.config.secret).update(`unsubscribe:${userId}`).digest('base64url')
  return `${userId}.${mac}`
}

/** The user id an unsubscribe token stands for, or null when forged. */
export function checkUnsubscribeToken (ctx: Ctx, token: string): string | null {
  const dot = token.lastIndexOf('.')
  if (dot <= 0 || token.length > 300) return null
  const userId = token.slice(0, dot)
  const expected = Buffer.from(unsubscribeToken(ctx, userId))
  const given = Buffer.from(token)
  return expected.length === given.length && timingSafeEqual(expected, given) ? userId : null
}

/** The List-Unsubscribe headers of a notification mail (RFC 2369 and RFC 8058 one-click). */
export function unsubscribeHeaders (ctx: Ctx, userId: string): { headers: Record<string, string>; url: string } {
  const token = unsubscribeToken(ctx, userId)
  const api = `${ctx.config.publicUrl}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`
  return {
    headers: { 'List-Unsubscribe': `<${api}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    url: appLink(ctx, '/unsubscribe', { token })
  }
}
