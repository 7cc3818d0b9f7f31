import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

describe('hardening: who may be among a bill\'s editors', () => {
  const updated: string[] = []
  const s = serverSuite()
  before(async () => {
    s.app.ctx.events.on('bill:updated', e => { updated.push(e.billId) })
  })

  it('a co-editor cannot remove the creator; an admin can', async () => {
    const creator = await s.as('author')
    const coEditor = await s.as('author')
    const bill = (await creator.post('/bills', { title: 'Texte', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
    updated.length = 0
    const added = await creator.patch(`/bills/${bill.id}`, { editors: [creator.userId, coEditor.userId] })
    assert.equal(added.status, 200)
    assert.deepEqual(updated, [bill.id], 'changing editors emits bill:updated')
    const ousted = await coEditor.patch(`/bills/${bill.id}`, { editors: [coEditor.userId] })
    assert.equal(ousted.status, 422)
    assert.equal(ousted.body.error.code, 'creator_is_editor')
    assert.equal((await creator.get(`/bills/${bill.id}`)).status, 200, 'the creator still reads their bill')
    assert.deepEqual((await creator.get(`/bills/${bill.id}`)).body.editors, [creator.userId, coEditor.userId])
    // The creator may leave by themself? No: only an admin removes the creator.
    assert.equal((await creator.patch(`/bills/${bill.id}`, { editors: [coEditor.userId] })).status, 422)
    const admin = await s.as('admin')
    const byAdmin = await admin.patch(`/bills/${bill.id}`, { editors: [coEditor.userId] })
    assert.equal(byAdmin.status, 200)
    assert.deepEqual(byAdmin.body.editors, [coEditor.userId])
  })

  it('only authors, staff and admins become editors; an admin may add a citizen, who gets no staff exports', async () => {
    const creator = await s.as('author')
    const bill = await publishedBill(creator)
    const citizen = await s.as('citizen')
    const moderator = await s.as('moderator')
    const staff = await s.as('staff')
    for (const who of [citizen, moderator]) {
      const r = await creator.patch(`/bills/${bill.id}`, { editors: [creator.userId, who.userId] })
      assert.equal(r.status, 422)
      assert.equal(r.body.error.code, 'editor_role')
    }
    assert.deepEqual((await creator.get(`/bills/${bill.id}`)).body.editors, [creator.userId], 'nothing changed')
    assert.equal((await creator.patch(`/bills/${bill.id}`, { editors: [creator.userId, staff.userId] })).status, 200)
    const admin = await s.as('admin')
    assert.equal((await admin.patch(`/bills/${bill.id}`, { editors: [creator.userId, staff.userId, citizen.userId] })).status, 200)
    // Keeping an existing citizen editor in a later change by an editor is allowed.
    assert.equal((await creator.patch(`/bills/${bill.id}`, { title: 'Nouveau titre', editors: [creator.userId, staff.userId, citizen.userId] })).status, 200)
    assert.equal((await citizen.get(`/bills/${bill.id}/export?format=csv`)).status, 403)
    assert.equal((await citizen.get(`/bills/${bill.id}/export?format=json&audience=staff`)).status, 403)
    assert.equal((await citizen.get(`/bills/${bill.id}/export?format=json`)).status, 200)
    assert.equal((await creator.get(`/bills/${bill.id}/export?format=csv`)).status, 200)
    // And the citizen editor cannot remove the creator either.
    assert.equal((await citizen.patch(`/bills/${bill.id}`, { editors: [citizen.userId] })).status, 422)
  })
})
