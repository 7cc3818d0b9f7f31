/** Stale amendments after a new revision, the rebase the server offers, and the author applying it. */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { ARTICLE_2, propose, proposed } from '../helpers/amendments.ts'
import { editedBlocks, publishEdits, replaceWorkingText } from '../helpers/edit.ts'
import { Amendment } from '../../shared/api.ts'

const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')
const QUINZE = ['Le délai est de quinze jours.', ARTICLE_2[1]]

describe('API: stale amendments and rebase', () => {
  const s = serverSuite()

  async function setup () {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const citizen = await s.as('citizen')
    const [art1, art2] = bill.articles.map((a: any) => a.id)
    const am = await proposed(citizen, art2, QUINZE)
    return { editor, bill, citizen, art1, art2, am }
  }

  it('is not stale after a revision that leaves its article alone (hashes, not numbers)', async () => {
    const { editor, bill, art1, am } = await setup()
    const next = await publishEdits(s.app, editor, bill, { [art1]: ['Premier alinéa, modifié.'] })
    assert.equal(next.revision, 2)
    const a = (await s.client().get(`/amendments/${am.id}`)).body
    assert.equal(a.stale, false)
    assert.equal(a.baseRevision, 1)
    assert.equal(a.rebase, undefined)
  })

  it('is stale after a revision changes its article, offers the clean rebase, and its author applies it', async () => {
    const { editor, bill, citizen, art2, am } = await setup()
    const voter = await s.as('citizen')
    await voter.put(`/amendments/${am.id}/vote`, { value: 'for' })
    const latest = [ARTICLE_2[0], 'Un décret en Conseil d\'État fixe les modalités.']
    await publishEdits(s.app, editor, bill, { [art2]: latest })
    const stale = (await s.client().get(`/amendments/${am.id}`)).body
    assert.equal(stale.stale, true)
    Amendment.strict().parse(stale)
    const merged = ['Le délai est de quinze jours.', latest[1]]
    assert.equal(stale.rebase.clean, true)
    assert.equal(stale.rebase.baseRevision, 2)
    assert.deepEqual(stale.rebase.alineas, merged)
    assert.deepEqual(stale.rebase.diff.alineas.map((d: any) => d.kind), ['changed', 'kept'])
    assert.equal(plain(stale.rebase.wording.fr), 'À l\'alinéa 1, substituer au mot : « trente » le mot : « quinze ».')
    const listed = (await s.client().get(`/articles/${art2}/amendments`)).body.items[0]
    assert.equal(listed.stale, true)
    assert.equal(listed.rebase, undefined)

    assert.equal((await voter.post(`/amendments/${am.id}/rebase`, {})).status, 403)
    assert.equal((await editor.post(`/amendments/${am.id}/rebase`, {})).status, 403)
    assert.equal((await s.client().post(`/amendments/${am.id}/rebase`, {})).status, 401)
    const r = await citizen.post(`/amendments/${am.id}/rebase`, {})
    assert.equal(r.status, 200, JSON.stringify(r.body))
    assert.equal(r.body.baseRevision, 2)
    assert.deepEqual(r.body.alineas, merged)
    assert.equal(r.body.stale, false)
    assert.equal(r.body.rebase, undefined)
    assert.deepEqual(r.body.diff, stale.rebase.diff)
    assert.deepEqual(r.body.wording, stale.rebase.wording)
    assert.deepEqual(r.body.tally, { for: 1, mixed: 0, against: 0 }, 'votes stay')
    assert.equal(r.body.explanation, am.explanation)
    const again = await citizen.post(`/amendments/${am.id}/rebase`, {})
    assert.equal(again.status, 409)
    assert.equal(again.body.error.code, 'not_stale')
  })

  it('reports the conflicts when the revision changed the same words, and changes nothing on POST', async () => {
    const { editor, bill, citizen, art2, am } = await setup()
    await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de vingt jours.', ARTICLE_2[1]] })
    const stale = (await s.client().get(`/amendments/${am.id}`)).body
    assert.equal(stale.stale, true)
    assert.equal(stale.rebase.clean, false)
    Amendment.strict().parse(stale)
    assert.equal(stale.rebase.baseRevision, 2)
    assert.equal(stale.rebase.conflicts.length, 1)
    const [c] = stale.rebase.conflicts
    assert.equal(c.alinea, 1)
    assert.match(c.ours, /vingt/)
    assert.match(c.theirs, /quinze/)
    const r = await citizen.post(`/amendments/${am.id}/rebase`, {})
    assert.equal(r.status, 409)
    assert.equal(r.body.error.code, 'conflict')
    assert.deepEqual(r.body.error.details.conflicts, stale.rebase.conflicts)
    const after = (await s.client().get(`/amendments/${am.id}`)).body
    assert.equal(after.baseRevision, 1)
    assert.deepEqual(after.alineas, QUINZE)
  })

  it('refuses a rebase that would leave nothing to propose, and one onto a removed article', async () => {
    const { editor, bill, citizen, art1, art2, am } = await setup()
    const other = await proposed(citizen, art1, ['Texte remplacé.'])
    await publishEdits(s.app, editor, bill, { [art2]: QUINZE })
    const same = await citizen.post(`/amendments/${am.id}/rebase`, {})
    assert.equal(same.status, 422)
    assert.equal(same.body.error.code, 'identical')
    const blocks = (await editedBlocks(s.app, bill.id, {})).filter(b => b.id !== art1)
    await replaceWorkingText(s.app, bill.id, blocks)
    assert.equal((await editor.post(`/bills/${bill.id}/publish`, { closesAt: bill.closesAt })).status, 200)
    const gone = (await s.client().get(`/amendments/${other.id}`)).body
    assert.equal(gone.stale, true)
    assert.equal(gone.rebase, undefined)
    const r = await citizen.post(`/amendments/${other.id}/rebase`, {})
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'article_removed')
    const p = await propose(citizen, art1, ['Encore.'], { baseRevision: 3 })
    assert.equal(p.status, 422)
    assert.equal(p.body.error.code, 'article_removed')
  })

  it('accepts a proposal written against an older revision, stale from the start', async () => {
    const { editor, bill, citizen, art2 } = await setup()
    await publishEdits(s.app, editor, bill, { [art2]: [ARTICLE_2[0], 'Un arrêté fixe les modalités.'] })
    const old = await proposed(citizen, art2, QUINZE, { baseRevision: 1 })
    assert.equal(old.stale, true)
    assert.ok(old.rebase?.clean, 'a clean rebase is offered')
    assert.deepEqual(old.rebase.alineas, ['Le délai est de quinze jours.', 'Un arrêté fixe les modalités.'])
    const fresh = await proposed(citizen, art2, ['Le délai est de dix jours.', 'Un arrêté fixe les modalités.'], { baseRevision: 2 })
    assert.equal(fresh.stale, false)
  })
})
