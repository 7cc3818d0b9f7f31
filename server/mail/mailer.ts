/**
 * The mailer: sends the stored mail queue through SMTP (nodemailer) in the
 * background, so no request ever waits for a mail server.
 *
 * - A round takes the due mails with a lease (one taker per mail, across
 *   processes), sends each, and marks it sent; a failure is retried with
 *   exponential backoff (2 s, 4 s, 8 s ... at most an hour), and given up
 *   after MAX_ATTEMPTS. A mail leased by a process that died is taken again
 *   when its lease ends, so a restart never loses a queued mail.
 * - Rounds run when a mail is queued and every POLL_MS (retries, leases).
 * - Without `ALINEA_SMTP_URL`, mails (with their links) go to the log, so a
 *   fresh `npm start` works without a mail server.
 * - At the start of every period of `digestHours` (UTC-aligned), the daily
 *   digests of notifications are queued by one node only: the one whose
 *   claim of the period the store accepts (domain/digest-schedule.ts).
 */
import nodemailer from 'nodemailer'
import type { Transporter } from 'nodemailer'
import type { Ctx } from '../domain/context.ts'
import type { MailRecord } from '../store/store.ts'
import { nodeName, scheduleDigests } from '../domain/digest-schedule.ts'

/** Sending attempts before a mail is given up. */
export const MAX_ATTEMPTS = 12
/** How long a taken mail is reserved for its sender. */
const LEASE_MS = 60_000
const POLL_MS = 5_000
const BATCH = 20

/** The delay before attempt `n + 1` after `n` failed ones. */
export const backoffMs = (attempts: number): number => Math.min(2_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)

/** The running mailer. */
export interface Mailer {
  /** Runs a round now (and again when it finds more). */
  kick (): void
  /** Resolves once no round is running and nothing is due (tests). */
  idle (): Promise<void>
  close (): Promise<void>
}

/** Starts the mailer of an application. */
export function startMailer (ctx: Ctx): Mailer {
  const transport: Transporter | null = ctx.config.smtpUrl ? nodemailer.createTransport(ctx.config.smtpUrl) : null
  let running: Promise<void> | null = null
  let again = false
  let closed = false

  async function send (mail: MailRecord): Promise<void> {
    if (!transport) {
      ctx.log.info({ mailId: mail.id, to: mail.to, subject: mail.subject, text: mail.text }, 'mail (no SMTP server configured: written here instead of sent)')
      return
    }
    await transport.sendMail({
      from: ctx.config.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers,
      messageId: `<${mail.id}@alinea>`
    })
  }

  async function round (): Promise<void> {
    for (;;) {
      const now = ctx.now()
      const batch = await ctx.store.claimMails(now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString(), BATCH)
      for (const mail of batch) {
        if (closed) return
        try {
          await send(mail)
          await ctx.store.markMailSent(mail.id, ctx.now().toISOString())
          ctx.log.info({ mailId: mail.id, attempts: mail.attempts }, 'mail sent')
        } catch (err) {
          const failed = mail.attempts >= MAX_ATTEMPTS
          const next = new Date(ctx.now().getTime() + backoffMs(mail.attempts)).toISOString()
          await ctx.store.markMailFailed(mail.id, String((err as Error).message ?? err), next, failed)
          ctx.log.warn({ mailId: mail.id, attempts: mail.attempts, err: (err as Error).message, retryAt: failed ? null : next }, failed ? 'mail given up' : 'mail not sent, will retry')
        }
      }
      if (batch.length < BATCH || closed) return
    }
  }

  function kick (): void {
    if (closed) return
    if (running) { again = true; return }
    running = round()
      .catch(err => { ctx.log.error({ err }, 'mail round failed') })
      .finally(() => {
        running = null
        if (again) { again = false; kick() }
      })
  }

  const off = ctx.events.on('mail:queued', () => kick())
  const poll = setInterval(kick, POLL_MS)
  poll.unref()
  const stopDigests = scheduleDigests(ctx, nodeName())
  kick()

  return {
    kick,
    async idle () {
      while (running) await running
    },
    async close () {
      closed = true
      off()
      clearInterval(poll)
      stopDigests()
      if (running) await running
      transport?.close()
    }
  }
}
