/**
 * Exports of a generated consultation (scripts/generate, small scale):
 * public open data and every staff format carry no email address of any
 * user of the store; the figures of the open data add up to the generated
 * scale; the AKN validates; hidden content is flagged.
 */
import assert from 'node:assert/strict'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { download } from '../helpers/consultation.ts'
import { validateAkn } from '../helpers/files.ts'
import { generateConsultation, type Generated } from '../../scripts/generate/consultation.ts'
import { SCALES } from '../../scripts/generate/scales.ts'
import { createToken } from '../../server/domain/accounts.ts'

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/

describe('API: exports of a generated consultation', function () {
  this.timeout(60_000)
  let g: Generated
  let emails: string[]
  let staff: ApiClient
  const s = serverSuite()
  before(async () => {
    g = await generateConsultation(s.app.ctx.store, { scale: SCALES.small, seed: 7 })
    const db = new Database(join(s.dir, 'alinea.db'), { readonly: true })
    emails = (db.prepare('SELECT email FROM users').all() as { email: string }[]).map(r => r.email)
    db.close()
    staff = s.client()
    staff.token = await createToken(s.app.ctx, (await s.app.ctx.store.getUser(g.staffId))!)
  })

  it('generated the scale: participants, votes, amendments and arguments', async () => {
    const syn = (await s.client().get(`/bills/${g.billId}/synthesis`)).body
    const p = syn.participation
    const scale = SCALES.small
    assert.equal(p.participants.total, scale.participants)
    assert.equal(p.contributions.votes.total, scale.votes)
    assert.equal(p.contributions.amendments, scale.amendments - g.counts.withdrawn)
    assert.equal(p.contributions.arguments, scale.arguments)
    assert.equal(syn.articles.length, scale.articles)
    assert.ok(syn.articles[0].votes > syn.articles[scale.articles - 1].votes, 'the first articles get most votes')
    assert.ok(p.participants.organisation + p.participants.institution > 0)
    assert.equal(syn.bill.status, 'closed')
    assert.ok(emails.length >= scale.participants)
  })

  it('puts no email address in the public open data nor in any staff export', async () => {
    const paths = [
      'format=json', 'format=akn', 'format=json&audience=staff', 'format=akn&audience=staff', 'format=html',
      ...['articles', 'amendments', 'arguments', 'votes', 'participation'].map(kind => `format=csv&kind=${kind}`)
    ]
    for (const path of paths) {
      const r = await download(path.includes('staff') || !/json|akn/.test(path) ? staff : s.client(), `/bills/${g.billId}/export?${path}`)
      assert.equal(r.status, 200, `${path}: ${r.text.slice(0, 200)}`)
      const text = r.text.replace(/\/fra@\d{4}-\d{2}-\d{2}/g, '')
      for (const email of emails) assert.equal(text.includes(email), false, `${path} contains ${email}`)
      assert.doesNotMatch(text, EMAIL, path)
    }
  })

  it('adds up: the open data lists every vote and flags hidden content; the AKN validates', async () => {
    const data = JSON.parse((await download(s.client(), `/bills/${g.billId}/export?format=json`)).text)
    assert.equal(data.votes.length, SCALES.small.votes)
    assert.equal(data.amendments.length, SCALES.small.amendments)
    assert.equal(data.arguments.length, SCALES.small.arguments)
    assert.equal(data.arguments.filter((a: any) => a.hidden).length, g.counts.hiddenArguments)
    assert.ok(data.arguments.filter((a: any) => a.hidden).every((a: any) => a.body.startsWith('hidden by moderation: ')))
    const staffData = JSON.parse((await download(staff, `/bills/${g.billId}/export?format=json&audience=staff`)).text)
    assert.ok(staffData.arguments.filter((a: any) => a.hidden).every((a: any) => !a.body.startsWith('hidden by moderation')))
    const verdict = await validateAkn((await download(s.client(), `/bills/${g.billId}/export?format=akn`)).bytes)
    assert.ok(verdict.ok, verdict.messages)
  })
})
