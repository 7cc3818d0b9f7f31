/**
 * The Store contract for citizens' councils: compare-and-set of the council,
 * volunteers only while recruiting (count and version in the same
 * transaction), counts per category value, the commitment reading every
 * volunteer in its transaction, and the agenda, members' votes and opinions.
 * Declared inside `storeContract`.
 */
import assert from 'node:assert/strict'
import type { CouncilRecord, Store } from '../../server/store/store.ts'
import { bill } from './contract.ts'

const at = '2030-01-01T00:00:00.000Z'

function council (over: Partial<CouncilRecord> = {}): CouncilRecord {
  return {
    billId: 'b1', size: 2, categories: [{ key: 'g', label: 'G', values: [{ key: 'f', label: 'F', min: 1, max: 1 }, { key: 'm', label: 'M', min: 1, max: 1 }] }],
    closesAt: null, commitmentText: '', status: 'recruiting', volunteersCount: 0, version: 1, commitment: null, draw: null,
    members: [], declined: [], log: [], updatedAt: at, ...over
  }
}

/** Declares the council contract on the store `get` returns. */
export function councilContract (get: () => Store): void {
  describe('councils', () => {
    beforeEach(async () => { await get().createBill(bill('b1')) })

    it('creates a council once and changes it by compare-and-set on its version', async () => {
      const s = get()
      assert.equal(await s.getCouncil('b1'), null)
      assert.equal(await s.saveCouncil(council(), null), true)
      assert.equal(await s.saveCouncil(council(), null), false)
      assert.equal(await s.saveCouncil(council({ version: 2, size: 3 }), 5), false)
      assert.equal(await s.saveCouncil(council({ version: 2, size: 3 }), 1), true)
      const c = await s.getCouncil('b1')
      assert.equal(c?.size, 3)
      assert.equal(c?.version, 2)
    })

    it('takes volunteers while recruiting, counts them per value, and freezes them at the commitment', async () => {
      const s = get()
      await s.saveCouncil(council(), null)
      assert.equal(await s.addVolunteer({ billId: 'b1', userId: 'u1', answers: { g: 'f' }, at }), 'added')
      assert.equal(await s.addVolunteer({ billId: 'b1', userId: 'u2', answers: { g: 'm' }, at }), 'added')
      assert.equal(await s.addVolunteer({ billId: 'b1', userId: 'u3', answers: { g: 'm' }, at }), 'added')
      assert.equal(await s.addVolunteer({ billId: 'b1', userId: 'u3', answers: { g: 'f' }, at }), 'updated')
      assert.equal(await s.removeVolunteer('b1', 'u2'), 'removed')
      assert.equal(await s.removeVolunteer('b1', 'u2'), 'absent')
      assert.deepEqual(await s.volunteerCounts('b1'), { g: { f: 2 } })
      assert.deepEqual((await s.getVolunteer('b1', 'u3'))?.answers, { g: 'f' })
      const c = (await s.getCouncil('b1'))!
      assert.equal(c.volunteersCount, 2)
      assert.equal(await s.commitCouncil('b1', c.version - 1, () => assert.fail('a stale version must not freeze')), null)
      const committed = await s.commitCouncil('b1', c.version, volunteers => {
        assert.deepEqual(volunteers.map(v => v.userId), ['u1', 'u3'])
        return { ...c, status: 'committed', version: c.version + 1 }
      })
      assert.equal(committed?.status, 'committed')
      assert.equal(await s.addVolunteer({ billId: 'b1', userId: 'u4', answers: { g: 'f' }, at }), 'closed')
      assert.equal(await s.removeVolunteer('b1', 'u1'), 'closed')
      assert.equal((await s.getCouncil('b1'))?.status, 'committed')
    })

    it('keeps the agenda in order, one item per target, with members\' arguments, votes and opinions', async () => {
      const s = get()
      const item = (id: string, targetId: string) => ({ id, billId: 'b1', target: { type: 'article' as const, id: targetId }, title: id, articleId: targetId, note: '', addedBy: 'u1', addedAt: at })
      assert.equal(await s.addAgendaItem(item('i1', 'a1')), true)
      assert.equal(await s.addAgendaItem(item('i2', 'a2')), true)
      assert.equal(await s.addAgendaItem(item('i3', 'a1')), false)
      assert.deepEqual((await s.listAgenda('b1')).map(i => i.id), ['i1', 'i2'])
      await s.addCouncilArgument({ id: 'x1', billId: 'b1', itemId: 'i2', userId: 'u1', side: 'for', body: 'oui', at })
      await s.setCouncilVote({ billId: 'b1', itemId: 'i2', userId: 'u1', value: 'for', at })
      await s.setCouncilVote({ billId: 'b1', itemId: 'i2', userId: 'u1', value: 'against', at })
      assert.deepEqual((await s.listCouncilVotes('b1')).map(v => [v.userId, v.value]), [['u1', 'against']])
      await s.saveOpinion({ itemId: 'i1', billId: 'b1', target: { type: 'article', id: 'a1' }, text: 'avis', vote: { for: 1, mixed: 0, against: 0 }, by: 'u1', at })
      await s.saveOpinion({ itemId: 'i1', billId: 'b1', target: { type: 'article', id: 'a1' }, text: 'avis 2', vote: { for: 2, mixed: 0, against: 0 }, by: 'u1', at })
      assert.deepEqual((await s.listOpinions('b1')).map(o => [o.itemId, o.text, o.vote.for]), [['i1', 'avis 2', 2]])
      assert.equal(await s.removeAgendaItem('b1', 'i2'), true)
      assert.equal(await s.removeAgendaItem('b1', 'i2'), false)
      assert.deepEqual(await s.listCouncilArguments('b1'), [])
      assert.deepEqual(await s.listCouncilVotes('b1'), [])
    })
  })
}
