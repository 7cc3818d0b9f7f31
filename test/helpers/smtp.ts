/**
 * A real SMTP server (the `smtp-server` package) started by a test on a free
 * port: Alinea sends to it through nodemailer like to any mail server, and
 * the test reads what arrived (parsed with `mailparser`). No mocks.
 */
import { SMTPServer } from 'smtp-server'
import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'

/** A mail as received: envelope, headers and both parts. */
export interface ReceivedMail {
  to: string
  subject: string
  text: string
  html: string
  headers: Map<string, unknown>
  raw: string
}

/** The running test SMTP server. */
export interface TestSmtp {
  /** `smtp://127.0.0.1:<port>`, for `ALINEA_SMTP_URL`. */
  url: string
  port: number
  mails: ReceivedMail[]
  /** Resolves with the first mail (already received or to come) that matches; fails after `timeoutMs`. */
  waitFor (match: (m: ReceivedMail) => boolean, what: string, timeoutMs?: number): Promise<ReceivedMail>
  /** Mails to one address. */
  to (address: string): ReceivedMail[]
  /** Refuse the next `n` mails with a temporary error (451), to exercise retries. */
  refuseNext (n: number): void
  stop (): Promise<void>
}

/** A header of a mail as sent (unfolded), or null: mailparser restructures some, e.g. List-*. */
export function rawHeader (mail: ReceivedMail, name: string): string | null {
  const head = mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ')
  const line = head.split(/\r?\n/).find(l => l.toLowerCase().startsWith(name.toLowerCase() + ':'))
  return line ? line.slice(name.length + 1).trim() : null
}

/** The first link of a mail's plain-text part whose path starts with `path` (e.g. "/verify"). */
export function linkIn (mail: ReceivedMail, path: string): URL {
  for (const m of mail.text.matchAll(/https?:\/\/\S+/g)) {
    const url = new URL(m[0])
    if (url.pathname.startsWith(path)) return url
  }
  throw new Error(`no ${path} link in the mail "${mail.subject}":\n${mail.text}`)
}

/** Starts an SMTP server on 127.0.0.1 and a free port (or `port`). */
export async function startSmtp (port = 0): Promise<TestSmtp> {
  const mails: ReceivedMail[] = []
  const waiters: { match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }[] = []
  let refusals = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData (stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--
          const err = Object.assign(new Error('try again later'), { responseCode: 451 })
          callback(err)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw).then(parsed => {
          const mail: ReceivedMail = {
            to: session.envelope.rcptTo.map(r => r.address).join(','),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            headers: parsed.headers as Map<string, unknown>,
            raw
          }
          mails.push(mail)
          for (const w of [...waiters]) {
            if (w.match(mail)) {
              waiters.splice(waiters.indexOf(w), 1)
              w.resolve(mail)
            }
          }
          callback()
        }, err => callback(err as Error))
      })
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const actual = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    mails,
    waitFor (match, what, timeoutMs = 15_000) {
      const found = mails.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no mail arrived: ${what} (${mails.length} received: ${mails.map(m => `${m.to} "${m.subject}"`).join('; ')})`)), timeoutMs)
        waiters.push({ match, resolve: m => { clearTimeout(timer); resolve(m) } })
      })
    },
    to (address) {
      return mails.filter(m => m.to === address)
    },
    refuseNext (n) {
      refusals = n
    },
    stop () {
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}
