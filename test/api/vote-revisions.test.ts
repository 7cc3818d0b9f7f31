/**
 * Issue 16: a vote records the revision it was cast on; after a revision
 * changes an article's text, its tally keeps every vote (the totals) and
 * splits them between the current text and an earlier one; casting the same
 * choice again confirms it on the new text; the synthesis counts likewise;
 * the consolidated comparison can start from revision 1.
 */
import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { publishEdits } from '../helpers/edit.ts'
import { connect, nextEvent, subscribe } from '../helpers/live.ts'
import { Article, Consolidated, Tally } from '../../shared/api.ts'
import { recountTally } from '../helpers/recount.ts'

const ZERO = { for: 0, mixed: 0, against: 0 }

describe('API: votes by revision', () => {
  const s = serverSuite()

  it('records the revision of each vote, splits the tally after a new text, and moves a confirmed vote to it', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const [art1, art2] = bill.articles.map((a: any) => a.id)
    const ann = await s.as('citizen', 'Ann')
    const bob = await s.as('citizen', 'Bob')
    assert.equal((await ann.put(`/articles/${art2}/vote`, { value: 'for' })).status, 200)
    assert.equal((await bob.put(`/articles/${art2}/vote`, { value: 'against' })).status, 200)
    assert.equal((await ann.put(`/articles/${art1}/vote`, { value: 'mixed' })).status, 200)

    const before = (await ann.get(`/articles/${art2}`)).body
    Article.strict().parse(before)
    assert.equal(before.myVoteRevision, 1)
    assert.deepEqual(before.changedIn, { revision: 1, at: before.changedIn.at, previous: null })
    assert.deepEqual(before.tally, { for: 1, mixed: 0, against: 1 }, 'no split while the text never changed')

    // Revision 2 changes article 2 only.
    const published = await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'] })
    assert.equal(published.revision, 2)

    const after = (await ann.get(`/articles/${art2}`)).body
    assert.deepEqual({ for: after.tally.for, mixed: after.tally.mixed, against: after.tally.against }, { for: 1, mixed: 0, against: 1 }, 'the totals still count every vote')
    assert.deepEqual(after.tally.byRevision, { since: 2, current: ZERO, earlier: { for: 1, mixed: 0, against: 1 } })
    assert.equal(after.changedIn.revision, 2)
    assert.equal(after.changedIn.previous, 1)
    assert.ok(!Number.isNaN(Date.parse(after.changedIn.at)))
    assert.equal(after.myVote, 'for')
    assert.equal(after.myVoteRevision, 1, 'cast on the earlier text')

    // Article 1 did not change: its votes stay on its current text.
    const bill2 = (await ann.get(`/bills/${bill.id}`)).body
    const a1 = bill2.articles.find((a: any) => a.id === art1)
    assert.deepEqual(a1.changedIn, { revision: 1, at: a1.changedIn.at, previous: null })
    assert.deepEqual(a1.tally, { for: 0, mixed: 1, against: 0 })
    assert.equal(a1.myVoteRevision, 1)

    // Confirming: the same choice again, on the new text.
    const confirmed = await ann.put(`/articles/${art2}/vote`, { value: 'for' })
    assert.equal(confirmed.status, 200)
    Tally.strict().parse(confirmed.body)
    assert.deepEqual(confirmed.body, { for: 1, mixed: 0, against: 1, byRevision: { since: 2, current: { for: 1, mixed: 0, against: 0 }, earlier: { for: 0, mixed: 0, against: 1 } } })
    assert.equal((await ann.get(`/articles/${art2}`)).body.myVoteRevision, 2)

    // Changing one's vote also records the current revision; withdrawing takes it out of its revision.
    const changed = await bob.put(`/articles/${art2}/vote`, { value: 'mixed' })
    assert.deepEqual(changed.body.byRevision, { since: 2, current: { for: 1, mixed: 1, against: 0 }, earlier: ZERO })
    const withdrawn = await bob.delete(`/articles/${art2}/vote`)
    assert.deepEqual(withdrawn.body, { for: 1, mixed: 0, against: 0, byRevision: { since: 2, current: { for: 1, mixed: 0, against: 0 }, earlier: ZERO } })

    // The counters per revision agree with the votes themselves.
    assert.deepEqual(await recountTally(s.app.ctx.store, bill.id, { type: 'article', id: art2 }), { for: 1, mixed: 0, against: 0 })
    assert.deepEqual(await s.app.ctx.store.getRevisionTallies([art2]), new Map([[art2, [
      { revision: 1, tally: ZERO }, { revision: 2, tally: { for: 1, mixed: 0, against: 0 } }
    ]]]))
  })

  it('counts by revision in the synthesis', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const art2 = bill.articles[1].id
    const voters = await Promise.all([s.as('citizen'), s.as('citizen'), s.as('citizen')])
    for (const v of voters) assert.equal((await v.put(`/articles/${art2}/vote`, { value: 'for' })).status, 200)
    await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de dix jours.'] })
    assert.equal((await voters[0].put(`/articles/${art2}/vote`, { value: 'against' })).status, 200)
    const synthesis = (await editor.get(`/bills/${bill.id}/synthesis`)).body
    const entry = synthesis.articles.find((a: any) => a.id === art2)
    assert.equal(entry.votes, 3)
    assert.deepEqual(entry.tally, { for: 2, mixed: 0, against: 1, byRevision: { since: 2, current: { for: 0, mixed: 0, against: 1 }, earlier: { for: 2, mixed: 0, against: 0 } } })
    const html = await editor.get(`/bills/${bill.id}/export?format=html`)
    assert.equal(html.status, 200)
    assert.match(String(html.body), /Sur le texte actuel \(révision 2\) : pour 0 · mitigé 0 · contre 1 ; sur un texte antérieur, non confirmés : pour 2/)
  })

  it('compares the consolidated text with revision 1 on request, and refuses a revision that does not exist', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const art2 = bill.articles[1].id
    await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'] })
    const latest = (await s.client().get(`/bills/${bill.id}/consolidated`)).body
    Consolidated.strict().parse(latest)
    assert.equal(latest.from, 2)
    assert.deepEqual(latest.articles[1].revisionAlineas, ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'])
    const r = await s.client().get(`/bills/${bill.id}/consolidated?from=1`)
    assert.equal(r.status, 200)
    Consolidated.strict().parse(r.body)
    assert.equal(r.body.revision, 2)
    assert.equal(r.body.from, 1)
    assert.deepEqual(r.body.articles[1].revisionAlineas, ['Le délai est de trente jours.', 'Un décret fixe les modalités.'])
    assert.deepEqual(r.body.articles[1].diff.alineas.map((d: any) => d.kind), ['changed', 'kept'])
    for (const bad of ['from=3', 'from=0', 'from=abc', 'from=1.5', 'other=1']) {
      const refused = await s.client().get(`/bills/${bill.id}/consolidated?${bad}`)
      assert.equal(refused.status, 400, bad)
      assert.equal(refused.body.error.code, 'invalid_input', bad)
    }
  })

  it('refuses bad votes with a 4xx and changes nothing', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const art2 = bill.articles[1].id
    const ann = await s.as('citizen')
    assert.equal((await ann.put(`/articles/${art2}/vote`, { value: 'for' })).status, 200)
    for (const body of [{ value: 'for', revision: 2 }, { value: 'maybe' }, {}]) {
      const r = await ann.put(`/articles/${art2}/vote`, body)
      assert.equal(r.status, 400, JSON.stringify(body))
    }
    assert.equal((await s.client().put(`/articles/${art2}/vote`, { value: 'for' })).status, 401)
    assert.equal((await ann.put('/articles/nope/vote', { value: 'for' })).status, 404)
    const a = (await ann.get(`/articles/${art2}`)).body
    assert.deepEqual(a.tally, { for: 1, mixed: 0, against: 0 })
    assert.equal(a.myVoteRevision, 1)
  })

  it('announces the split tally live after a vote on a changed article', async () => {
    const editor = await s.as('author')
    const bill = await publishedBill(editor)
    const art2 = bill.articles[1].id
    const ann = await s.as('citizen')
    const bob = await s.as('citizen')
    assert.equal((await ann.put(`/articles/${art2}/vote`, { value: 'against' })).status, 200)
    await publishEdits(s.app, editor, bill, { [art2]: ['Le délai est de dix jours.'] })
    const socket = await connect(s.url)
    try {
      await subscribe(socket, bill.id)
      const event = nextEvent(socket, 'tally', (p: any) => p.target.id === art2)
      assert.equal((await bob.put(`/articles/${art2}/vote`, { value: 'for' })).status, 200)
      assert.deepEqual((await event).tally, { for: 1, mixed: 0, against: 1, byRevision: { since: 2, current: { for: 1, mixed: 0, against: 0 }, earlier: { for: 0, mixed: 0, against: 1 } } })
    } finally {
      socket.close()
    }
  })
})
