/**
 * The mail queue survives a crash: a mail queued (its first attempt failed:
 * the SMTP server was down) when the server process is killed with SIGKILL
 * is sent after a restart on the same data file, exactly once. Also: a
 * temporary refusal is retried, and without SMTP the mail goes to the log.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { ApiClient, startServer } from '../helpers/server.ts'
import { spawnServer, exited } from '../helpers/process.ts'
import { linkIn, startSmtp } from '../helpers/smtp.ts'

/** A port nothing listens on (taken, then released). */
async function closedPort (): Promise<number> {
  const srv = createServer()
  await new Promise<void>(resolve => srv.listen(0, '127.0.0.1', () => resolve()))
  const port = (srv.address() as { port: number }).port
  await new Promise<void>(resolve => srv.close(() => resolve()))
  return port
}

/** Resolves when `output()` contains `text`. */
async function logged (output: () => string, text: string, child: { exitCode: number | null }): Promise<void> {
  for (let i = 0; i < 600 && !output().includes(text); i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output()}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  assert.ok(output().includes(text), `the log never said "${text}":\n${output()}`)
}

describe('Mail queue durability', function () {
  this.timeout(90_000)
  let dir: string
  before(() => { dir = mkdtempSync(join(tmpdir(), 'alinea-mail-')) })
  after(() => rmSync(dir, { recursive: true, force: true }))

  it('sends a mail queued before a SIGKILL once, after the restart', async () => {
    const smtpPort = await closedPort()
    const env = { ALINEA_DB: join(dir, 'alinea.db'), ALINEA_DEMO: '0', ALINEA_CLIENT_DIR: join(dir, 'none'), ALINEA_SMTP_URL: `smtp://127.0.0.1:${smtpPort}` }
    const first = await spawnServer(env)
    const c = new ApiClient(first.url)
    const r = await c.post('/auth/register', { email: 'durable@example.org', password: 'durable password', displayName: 'Durable' })
    assert.equal(r.status, 201)
    // Queued and answered; the first attempt fails (nobody listens yet): it stays queued for a retry.
    await logged(first.output, 'mail not sent, will retry', first.child)
    first.child.kill('SIGKILL')
    await exited(first.child)

    const smtp = await startSmtp(smtpPort)
    const second = await spawnServer(env)
    try {
      const mail = await smtp.waitFor(m => m.to === 'durable@example.org', 'the verification mail after the restart', 30_000)
      assert.equal(mail.subject, 'Confirmez votre adresse sur Alinea')
      // The link of the mail still works on the restarted server.
      const token = linkIn(mail, '/verify').searchParams.get('token')
      assert.equal((await new ApiClient(second.url).post('/auth/verify', { token })).status, 200)
      // Another mail after it proves the queue moved on; the first was sent once.
      const again = new ApiClient(second.url)
      assert.equal((await again.post('/auth/register', { email: 'later@example.org', password: 'durable password', displayName: 'Later' })).status, 201)
      await smtp.waitFor(m => m.to === 'later@example.org', 'a later mail')
      assert.equal(smtp.to('durable@example.org').length, 1, 'sent exactly once')
    } finally {
      second.child.kill('SIGTERM')
      assert.equal(await exited(second.child), 0)
      await smtp.stop()
    }
  })

  it('retries a mail the SMTP server refused for now', async () => {
    const smtp = await startSmtp()
    smtp.refuseNext(1)
    const s = await startServer({ config: { smtpUrl: smtp.url } })
    try {
      assert.equal((await s.client().post('/auth/register', { email: 'retry@example.org', password: 'a long enough password', displayName: 'Retry' })).status, 201)
      await smtp.waitFor(m => m.to === 'retry@example.org', 'the retried mail', 30_000)
      await s.app.mailer.idle()
      const [queued] = await s.app.ctx.store.listMailsTo('retry@example.org')
      assert.equal(queued.attempts, 2, 'refused once, sent at the second attempt')
      assert.ok(queued.sentAt)
    } finally {
      await s.stop()
      await smtp.stop()
    }
  })

  it('writes mails and their links to the log when no SMTP server is configured', async () => {
    const env = { ALINEA_DB: join(dir, 'nosmtp.db'), ALINEA_DEMO: '0', ALINEA_CLIENT_DIR: join(dir, 'none'), LOG_LEVEL: 'info', ALINEA_PUBLIC_URL: 'https://alinea.example' }
    const server = await spawnServer(env)
    try {
      const c = new ApiClient(server.url)
      assert.equal((await c.post('/auth/register', { email: 'log@example.org', password: 'a long enough password', displayName: 'Log' })).status, 201)
      await logged(server.output, 'https://alinea.example/verify?token=', server.child)
    } finally {
      server.child.kill('SIGTERM')
      await exited(server.child)
    }
  })
})
