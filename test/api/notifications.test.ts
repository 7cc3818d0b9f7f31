/**
 * Follows and notifications, with a real SMTP server and real socket.io
 * clients: following and unfollowing, the events that notify (a decision
 * with its response, a new amendment or argument on what one follows, a new
 * revision with its changed articles, moderation), immediate mails with
 * List-Unsubscribe headers, the daily digest grouping several, one-click
 * unsubscribe without signing in, and a live notification reaching another
 * tab of the same user.
 */
import assert from 'node:assert/strict'
import type { Socket } from 'socket.io-client'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { rawHeader, startSmtp, type TestSmtp } from '../helpers/smtp.ts'
import { connect, nextEvent } from '../helpers/live.ts'
import { sendDigests } from '../../server/domain/notifications.ts'
import { publishEdits } from '../helpers/edit.ts'

describe('API: follows and notifications', function () {
  this.timeout(60_000)
  let smtp: TestSmtp
  const sockets: Socket[] = []
  before(async () => { smtp = await startSmtp() })
  // Registered before the suite's own `after`: the sockets close before the server stops.
  after(() => { for (const so of sockets) so.close() })
  const s = serverSuite(() => ({ config: { smtpUrl: smtp.url } }))
  after(async () => { await smtp.stop() })

  const emailOf = async (c: ApiClient): Promise<string> => (await c.get('/me')).body.email
  const kinds = async (c: ApiClient): Promise<string[]> => (await c.get('/me/notifications')).body.items.map((n: any) => n.kind)
  /** Waits until `c` has `count` notifications (the fan-out runs just after the write answers). */
  async function notified (c: ApiClient, count: number): Promise<any[]> {
    for (let i = 0; i < 200; i++) {
      const items = (await c.get('/me/notifications')).body.items
      if (items.length >= count) return items
      await new Promise(resolve => setTimeout(resolve, 25))
    }
    assert.fail(`expected ${count} notifications, got ${(await c.get('/me/notifications')).body.items.length}`)
  }

  it('follows a bill, an article or an amendment once, lists and unfollows; refuses bad targets', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const me = await s.as('citizen')
    const first = await me.put('/follows', { target: { type: 'article', id: bill.articles[0].id } })
    assert.equal(first.status, 201)
    const again = await me.put('/follows', { target: { type: 'article', id: bill.articles[0].id } })
    assert.deepEqual([again.status, again.body.id], [200, first.body.id])
    assert.equal((await me.put('/follows', { target: { type: 'bill', id: bill.id } })).status, 201)
    assert.equal((await me.put('/follows', { target: { type: 'article', id: 'art_nope' } })).status, 404)
    assert.equal((await me.put('/follows', { target: { type: 'user', id: 'x' } })).status, 400)
    assert.equal((await s.client().put('/follows', { target: { type: 'bill', id: bill.id } })).status, 401)
    const list = (await me.get('/me/follows')).body
    assert.deepEqual(list.items.map((f: any) => f.target.type), ['bill', 'article'])
    const one = (await me.get(`/me/follows?target=article:${bill.articles[0].id}`)).body.items
    assert.deepEqual(one.map((f: any) => f.id), [first.body.id])
    const other = await s.as('citizen')
    assert.equal((await other.delete(`/follows/${first.body.id}`)).status, 403)
    assert.equal((await me.delete(`/follows/${first.body.id}`)).status, 204)
    assert.equal((await me.get('/me/follows')).body.items.length, 1)
  })

  it('tells followers of new amendments and arguments, the author of the decision with the response, by mail at once', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const article = bill.articles[1]
    const follower = await s.as('citizen', 'Suiveuse')
    await follower.put('/follows', { target: { type: 'article', id: article.id } })
    const proposer = await s.as('citizen', 'Proposante')
    const amendment = (await proposer.post(`/articles/${article.id}/amendments`, { alineas: ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'], explanation: 'Quinze jours suffisent.', baseRevision: 1 })).body
    const [n1] = await notified(follower, 1)
    assert.deepEqual([n1.kind, n1.target, n1.read], ['amendment', { type: 'amendment', id: amendment.id }, false])
    assert.equal(n1.data.excerpt, 'Quinze jours suffisent.')
    const followerEmail = await emailOf(follower)
    const mail = await smtp.waitFor(m => m.to === followerEmail, 'the follower\'s mail')
    assert.match(mail.subject, /^Alinea : Nouvel amendement sur l'article 2/)
    assert.match(String(rawHeader(mail, 'List-Unsubscribe')), /\/api\/v1\/unsubscribe\?token=/)
    assert.equal(String(rawHeader(mail, 'List-Unsubscribe-Post')), 'List-Unsubscribe=One-Click')
    assert.deepEqual(await kinds(proposer), [], 'an author is not told of their own amendment')

    // The author follows what they wrote: an argument on it reaches them.
    const arguer = await s.as('citizen')
    await arguer.post(`/amendments/${amendment.id}/arguments`, { side: 'against', body: 'Trop court pour les communes.' })
    const [onMine] = await notified(proposer, 1)
    assert.deepEqual([onMine.kind, onMine.data.side, onMine.data.excerpt], ['argument', 'against', 'Trop court pour les communes.'])

    await author.post(`/amendments/${amendment.id}/decision`, { status: 'accepted', response: 'Adopté, merci.' })
    const [decision] = await notified(proposer, 2)
    assert.deepEqual([decision.kind, decision.data.status, decision.data.response], ['decision', 'accepted', 'Adopté, merci.'])
    const decisionMail = await smtp.waitFor(m => /Adopté, merci/.test(m.text), 'the decision mail')
    assert.match(decisionMail.text, /Votre amendement a été adopté\. Réponse des rédacteurs : « Adopté, merci\. »/)
    assert.match(decisionMail.html, /<p>/)

    const unread = (await proposer.get('/me/notifications')).body.unread
    assert.equal(unread, 2)
    assert.deepEqual((await proposer.post('/me/notifications/read', { ids: [decision.id] })).body, { unread: 1 })
    assert.deepEqual((await proposer.post('/me/notifications/read', {})).body, { unread: 0 })
    assert.equal((await s.client().post('/me/notifications/read', {})).status, 401)
  })

  it('tells followers of a bill of a new revision with its changed articles', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const follower = await s.as('citizen')
    await follower.put('/follows', { target: { type: 'bill', id: bill.id } })
    await publishEdits(s.app, author, bill, { [bill.articles[1].id]: ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'] })
    const [rev] = await notified(follower, 1)
    assert.equal(rev.kind, 'revision')
    assert.deepEqual(rev.data.changed.map((c: any) => [c.num, c.change]), [['2', 'changed']])
  })

  it('tells authors of moderation of their content', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const writer = await s.as('citizen')
    const arg = (await writer.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'À masquer.' })).body
    const moderator = await s.as('moderator')
    await moderator.post('/moderation/actions', { target: { type: 'argument', id: arg.id }, action: 'hide', reason: 'offensive' })
    const [n] = await notified(writer, 1)
    assert.deepEqual([n.kind, n.action, n.reason], ['moderation', 'hide', 'offensive'])
    await smtp.waitFor(m => /masquée par la modération/.test(m.text), 'the moderation mail')
  })

  it('groups a daily user\'s notifications into one digest mail', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const daily = await s.as('citizen', 'Quotidienne')
    assert.equal((await daily.patch('/me', { notify: 'daily', locale: 'en' })).status, 200)
    await daily.put('/follows', { target: { type: 'bill', id: bill.id } })
    const others = [await s.as('citizen'), await s.as('citizen'), await s.as('citizen')]
    for (const [i, o] of others.entries()) await o.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: `Argument numéro ${i}` })
    await notified(daily, 3)
    const email = await emailOf(daily)
    assert.equal(await sendDigests(s.app.ctx), 1)
    const digest = await smtp.waitFor(m => m.to === email, 'the digest')
    assert.equal(digest.subject, 'Alinea: 3 updates on what you follow')
    for (let i = 0; i < 3; i++) assert.match(digest.text, new RegExp(`Argument numéro ${i}`))
    assert.equal(await sendDigests(s.app.ctx), 0, 'nothing twice')
    await s.app.mailer.idle()
    assert.equal(smtp.to(email).length, 1, 'no mail per notification for a daily reader')
  })

  it('unsubscribes with the mail\'s one-click link, without signing in; a forged link changes nothing', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const me = await s.as('citizen')
    await me.put('/follows', { target: { type: 'bill', id: bill.id } })
    await (await s.as('citizen')).post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'Premier.' })
    const email = await emailOf(me)
    const mail = await smtp.waitFor(m => m.to === email, 'a notification mail')
    const target = /<([^>]+)>/.exec(String(rawHeader(mail, 'List-Unsubscribe')))![1]
    const forged = await fetch(target.replace(/token=[^&]+/, 'token=usr_x.forged'), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    assert.equal(forged.status, 400)
    assert.equal((await me.get('/me')).body.notify, 'immediate')
    const res = await fetch(target.replace(/^https?:\/\/[^/]+/, s.url), { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
    assert.equal(res.status, 200)
    assert.equal((await me.get('/me')).body.notify, 'off')
    await (await s.as('citizen')).post(`/articles/${bill.articles[0].id}/arguments`, { side: 'for', body: 'Second.' })
    await notified(me, 2)
    await s.app.mailer.idle()
    assert.equal(smtp.to(email).length, 1, 'no mail after unsubscribing; the notification still shows in the app')
  })

  it('sends a live notification to every tab of its user, and to no one else', async () => {
    const author = await s.as('author')
    const bill = await publishedBill(author)
    const me = await s.as('citizen')
    const stranger = await s.as('citizen')
    await me.put('/follows', { target: { type: 'article', id: bill.articles[0].id } })
    const tabs = [await connect(s.url, me.cookie!), await connect(s.url, me.cookie!)]
    const strangerTab = await connect(s.url, stranger.cookie!)
    sockets.push(...tabs, strangerTab)
    const seenByStranger: unknown[] = []
    strangerTab.on('notification', p => seenByStranger.push(p))
    const arrivals = tabs.map(t => nextEvent(t, 'notification'))
    await stranger.post(`/articles/${bill.articles[0].id}/arguments`, { side: 'against', body: 'En direct.' })
    const [a, b] = await Promise.all(arrivals)
    assert.equal(a.notification.kind, 'argument')
    assert.equal(a.unread, 1)
    assert.deepEqual(a, b)
    assert.deepEqual(seenByStranger, [], 'the author of the argument is not notified')
  })

  it('takes the live sockets of sessions that ended out of the user\'s room (they go on as visitors), and only those', async () => {
    const me = await s.as('citizen')
    const other = s.client()
    const email = (await me.get('/me')).body.email
    assert.equal((await other.post('/auth/login', { email, password: 'correct horse battery' })).status, 200)
    const mine = await connect(s.url, me.cookie!)
    const theirs = await connect(s.url, other.cookie!)
    sockets.push(mine, theirs)
    const inRoom = async (): Promise<string> => (await s.app.live.io.in(`user:${me.userId}`).fetchSockets()).map(x => x.id).sort().join(',')
    const until = async (want: string, what: string): Promise<void> => {
      for (let i = 0; i < 250 && await inRoom() !== want; i++) await new Promise(resolve => setTimeout(resolve, 20))
      assert.equal(await inRoom(), want, what)
    }
    await until([mine.id, theirs.id].sort().join(','), 'both sessions\' sockets are the user\'s')
    assert.equal((await me.post('/me/password', { current: 'correct horse battery', password: 'a brand new password' })).status, 200)
    await until(mine.id!, 'only the session that changed the password keeps the user\'s room')
    assert.equal((await me.post('/auth/logout-all')).status, 204)
    await until('', 'no socket is the user\'s once every session ended')
  })
})
