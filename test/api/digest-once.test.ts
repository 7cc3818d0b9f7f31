/**
 * The daily digest is sent by one node only when several share the store:
 * two app instances on one SQLite file, a real SMTP server, both running the
 * digest tick at once; each daily reader receives exactly one digest mail,
 * and the next period is claimed (and sent) again, once.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { publishedBill, startServer, type ApiClient, type TestServer } from '../helpers/server.ts'
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts'
import { digestPeriod, runDigestOnce } from '../../server/domain/digest-schedule.ts'

describe('Digests with two nodes on one store', function () {
  this.timeout(60_000)
  let smtp: TestSmtp
  let a: TestServer
  let b: TestServer
  // One clock for both nodes, moved by the test to the next period.
  let clock = new Date('2026-12-04T10:00:00Z')
  const now = () => new Date(clock)
  before(async () => {
    smtp = await startSmtp()
    a = await startServer({ config: { smtpUrl: smtp.url }, now })
    b = await startServer({ config: { smtpUrl: smtp.url, dbFile: join(a.dir, 'alinea.db') }, now })
  })
  after(async () => {
    await b?.stop()
    await a?.stop()
    await smtp?.stop()
  })

  /** Waits until `c` has `count` notifications (the fan-out runs just after the write answers). */
  async function notified (c: ApiClient, count: number): Promise<void> {
    for (let i = 0; i < 400; i++) {
      if ((await c.get('/me/notifications')).body.items.length >= count) return
      await new Promise(resolve => setTimeout(resolve, 25))
    }
    assert.fail(`expected ${count} notifications`)
  }

  it('numbers periods from the epoch, with their length in the key', () => {
    assert.equal(digestPeriod(new Date('1970-01-02T00:00:00Z'), 24), '24h:1')
    assert.equal(digestPeriod(new Date('1970-01-01T23:59:59Z'), 24), '24h:0')
    assert.equal(digestPeriod(new Date('1970-01-01T13:00:00Z'), 12), '12h:1')
  })

  it('queues one digest per daily reader when both nodes run the tick at once', async () => {
    const author = await a.as('author')
    const bill = await publishedBill(author)
    const readers = [await a.as('citizen', 'Lectrice'), await b.as('citizen', 'Lecteur')]
    const emails: string[] = []
    for (const r of readers) {
      assert.equal((await r.patch('/me', { notify: 'daily', locale: 'en' })).status, 200)
      assert.equal((await r.put('/follows', { target: { type: 'bill', id: bill.id } })).status, 201)
      emails.push((await r.get('/me')).body.email)
    }
    const writers = [await a.as('citizen'), await b.as('citizen')]
    for (const [i, w] of writers.entries()) await w.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: `Argument ${i}` })
    for (const r of readers) await notified(r, 2)

    const results = await Promise.all([runDigestOnce(a.app.ctx, 'node-a'), runDigestOnce(b.app.ctx, 'node-b')])
    assert.deepEqual([...results].sort(), [2, null], 'one node claims the period and queues two digests')
    assert.deepEqual(await Promise.all([runDigestOnce(a.app.ctx, 'node-a'), runDigestOnce(b.app.ctx, 'node-b')]), [null, null], 'the period is taken')
    for (const email of emails) await smtp.waitFor(m => m.to === email && /updates on what you follow/.test(m.subject), 'the digest')
    a.app.mailer.kick()
    b.app.mailer.kick()
    await Promise.all([a.app.mailer.idle(), b.app.mailer.idle()])
    for (const email of emails) assert.equal(smtp.to(email).length, 1, `one mail to ${email}`)

    // The next period: claimed once again; one more notification each, one more mail each.
    clock = new Date(clock.getTime() + 24 * 3_600_000)
    await writers[0].post(`/articles/${bill.articles[0].id}/arguments`, { side: 'against', body: 'Argument 2' })
    for (const r of readers) await notified(r, 3)
    const next = await Promise.all([runDigestOnce(b.app.ctx, 'node-b'), runDigestOnce(a.app.ctx, 'node-a')])
    assert.deepEqual([...next].sort(), [2, null])
    for (const email of emails) await smtp.waitFor(m => m.to === email && m.text.includes('Argument 2'), 'the second digest')
    a.app.mailer.kick()
    b.app.mailer.kick()
    await Promise.all([a.app.mailer.idle(), b.app.mailer.idle()])
    for (const email of emails) assert.equal(smtp.to(email).length, 2, `two mails to ${email} over two periods`)
  })
})
