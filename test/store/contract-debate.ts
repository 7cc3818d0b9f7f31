/**
 * The Store contract for debate and moderation: arguments, their upvotes,
 * reports, moderation state and log, notifications. Declared inside
 * `storeContract`, so every store implementation runs it.
 */
import assert from 'node:assert/strict'
import type {
  ArgumentRecord, AutoHide, ModerationActionRecord, ModerationTarget, ReportRecord, Store
} from '../../server/store/store.ts'
import { autoHideDue } from '../../server/domain/auto-hide.ts'
import { recountTally } from '../helpers/recount.ts'

const at = (minute: number): string => new Date(Date.UTC(2030, 0, 1, 0, minute)).toISOString()

function argument (id: string, over: Partial<ArgumentRecord> = {}): ArgumentRecord {
  return {
    id, billId: 'b1', target: { type: 'article', id: 'a1' }, side: 'for', body: `body ${id}`, authorId: 'u1',
    createdAt: at(0), editedAt: null, deletedAt: null, deletedBy: null, ...over
  }
}

function report (id: string, userId: string, target: ModerationTarget, minute = 1): ReportRecord {
  return { id, target, billId: 'b1', userId, reason: 'spam', body: null, at: at(minute) }
}

function action (id: string, target: ModerationTarget, over: Partial<ModerationActionRecord> = {}): ModerationActionRecord {
  return { id, target, billId: 'b1', action: 'hide', reason: 'reported', by: 'system', at: at(5), ...over }
}

const autoHide = (threshold: number, target: ModerationTarget, id = 'auto'): AutoHide => ({
  due: counts => autoHideDue(threshold, counts),
  action: action(id, target),
  notification: { id: `n-${id}`, userId: 'u1', kind: 'moderation', target, billId: 'b1', action: 'hide', reason: 'reported', at: at(5) }
})

const upvote = (userId: string, id: string) =>
  ({ userId, target: { type: 'argument' as const, id }, billId: 'b1', value: 'for' as const, at: at(2) })

/** Declares the debate and moderation contract; `store()` is the fresh store of the running test. */
export function debateContract (store: () => Store): void {
  describe('arguments', () => {
    it('creates, reads, lists newest first and pages without gaps or repeats', async () => {
      for (let i = 0; i < 5; i++) await store().createArgument(argument(`g${i}`, { createdAt: at(i), side: i % 2 ? 'against' : 'for' }))
      await store().createArgument(argument('other', { target: { type: 'amendment', id: 'a1' } }))
      assert.deepEqual(await store().getArgument('g0'), argument('g0'))
      assert.equal(await store().getArgument('nope'), null)
      const first = await store().listArguments({ target: { type: 'article', id: 'a1' }, sort: 'recent', limit: 2 })
      assert.deepEqual(first.map(a => a.id), ['g4', 'g3'])
      const last = first[first.length - 1]
      const second = await store().listArguments({ target: { type: 'article', id: 'a1' }, sort: 'recent', limit: 10, after: { upvotes: last.upvotes, createdAt: last.createdAt, id: last.id } })
      assert.deepEqual(second.map(a => a.id), ['g2', 'g1', 'g0'])
      const against = await store().listArguments({ target: { type: 'article', id: 'a1' }, side: 'against', sort: 'recent', limit: 10 })
      assert.deepEqual(against.map(a => a.id), ['g3', 'g1'])
    })

    it('sorts by upvotes (the argument tally), then newest, and pages on that order', async () => {
      for (let i = 0; i < 4; i++) await store().createArgument(argument(`g${i}`, { createdAt: at(i) }))
      await store().castVote(upvote('u2', 'g1'))
      await store().castVote(upvote('u3', 'g1'))
      await store().castVote(upvote('u2', 'g2'))
      const all = await store().listArguments({ target: { type: 'article', id: 'a1' }, sort: 'upvotes', limit: 10 })
      assert.deepEqual(all.map(a => [a.id, a.upvotes]), [['g1', 2], ['g2', 1], ['g3', 0], ['g0', 0]])
      const p = all[1]
      const rest = await store().listArguments({ target: { type: 'article', id: 'a1' }, sort: 'upvotes', limit: 10, after: { upvotes: p.upvotes, createdAt: p.createdAt, id: p.id } })
      assert.deepEqual(rest.map(a => a.id), ['g3', 'g0'])
    })

    it('edits the body and clears its upvotes in the same write', async () => {
      await store().createArgument(argument('g1'))
      await store().castVote(upvote('u2', 'g1'))
      const edited = await store().editArgument('g1', 'new body', at(3))
      assert.equal(edited?.body, 'new body')
      assert.equal(edited?.editedAt, at(3))
      const t = { type: 'argument' as const, id: 'g1' }
      assert.deepEqual(await store().getTally(t), { for: 0, mixed: 0, against: 0 })
      assert.deepEqual(await recountTally(store(), 'b1', t), { for: 0, mixed: 0, against: 0 })
      assert.equal((await store().getUserVotes('u2', 'argument', ['g1'])).size, 0)
      assert.equal(await store().editArgument('nope', 'x', at(3)), null)
    })

    it('deletes: gone from lists and counts, still readable by id, once', async () => {
      await store().createArgument(argument('g1'))
      await store().createArgument(argument('g2', { side: 'against' }))
      await store().createArgument(argument('g3', { target: { type: 'article', id: 'a2' } }))
      assert.deepEqual(Object.fromEntries(await store().countArguments('article', ['a1', 'a2', 'a3'])),
        { a1: { for: 1, against: 1 }, a2: { for: 1, against: 0 }, a3: { for: 0, against: 0 } })
      const deleted = await store().deleteArgument('g1', 'u1', at(4))
      assert.equal(deleted?.deletedAt, at(4))
      assert.equal(await store().deleteArgument('g1', 'u1', at(4)), null)
      assert.equal(await store().editArgument('g1', 'x', at(4)), null)
      assert.deepEqual((await store().listArguments({ target: { type: 'article', id: 'a1' }, sort: 'recent', limit: 10 })).map(a => a.id), ['g2'])
      assert.deepEqual((await store().countArguments('article', ['a1'])).get('a1'), { for: 0, against: 1 })
      assert.equal((await store().getArgument('g1'))?.deletedBy, 'u1')
      assert.equal((await store().countArguments('amendment', [])).size, 0)
    })

    it('lists a bill\'s arguments for staff with hidden flags and full bodies', async () => {
      await store().createArgument(argument('g1', { createdAt: at(1) }))
      await store().createArgument(argument('g2', { createdAt: at(2) }))
      await store().createArgument(argument('g3', { createdAt: at(3), billId: 'b2' }))
      await store().applyModeration(action('m1', { type: 'argument', id: 'g2' }, { by: 'mod', reason: 'offensive' }), null)
      const staff = await store().listBillArguments('b1')
      assert.deepEqual(staff.map(a => [a.id, a.body, a.hidden, a.hiddenReason]), [['g1', 'body g1', false, null], ['g2', 'body g2', true, 'offensive']])
    })
  })

  describe('reports and moderation', () => {
    const t: ModerationTarget = { type: 'argument', id: 'g1' }

    it('counts one report per user and hides once when distinct reports reach the threshold', async () => {
      const r1 = await store().fileReport(report('r1', 'u2', t), autoHide(2, t, 'x1'))
      assert.deepEqual([r1.created, r1.hidden], [true, null])
      const again = await store().fileReport(report('r1b', 'u2', t), autoHide(2, t, 'x2'))
      assert.deepEqual([again.created, again.report.id, again.hidden], [false, 'r1', null])
      assert.equal((await store().getModerationStates('argument', ['g1'])).get('g1')?.pendingReports, 1)
      const r2 = await store().fileReport(report('r2', 'u3', t), autoHide(2, t, 'x3'))
      assert.equal(r2.hidden?.id, 'x3')
      const r3 = await store().fileReport(report('r3', 'u4', t), autoHide(2, t, 'x4'))
      assert.equal(r3.hidden, null)
      const state = (await store().getModerationStates('argument', ['g1', 'g9'])).get('g1')!
      assert.deepEqual([state.hidden, state.reason, state.by, state.reports, state.pendingReports], [true, 'reported', 'system', 3, 3])
      assert.deepEqual((await store().listModerationLog(undefined, 10)).map(a => a.id), ['x3'])
      assert.deepEqual((await store().listNotifications('u1', undefined, 10)).map(n => n.id), ['n-x3'])
      assert.equal((await store().getUserReport('u2', t))?.id, 'r1')
      assert.equal(await store().getUserReport('u9', t), null)
    })

    it('never auto-hides with threshold 0, and counts concurrent reports exactly', async () => {
      await Promise.all(Array.from({ length: 30 }, (_, i) => store().fileReport(report(`r${i}`, `u${i % 10}`, t), autoHide(0, t, `x${i}`))))
      const state = (await store().getModerationStates('argument', ['g1'])).get('g1')!
      assert.deepEqual([state.hidden, state.reports, state.pendingReports], [false, 10, 10])
      assert.equal((await store().listReports([t])).length, 10)
    })

    it('applies a moderator\'s action, clears pending reports and queues by pending reports', async () => {
      const t2: ModerationTarget = { type: 'amendment', id: 'm1' }
      await store().fileReport(report('r1', 'u2', t, 1), autoHide(5, t))
      await store().fileReport(report('r2', 'u2', t2, 2), autoHide(5, t2))
      await store().fileReport(report('r3', 'u3', t2, 3), autoHide(5, t2))
      assert.deepEqual((await store().listModerationQueue(0, 10)).map(s => s.target), [t2, t])
      assert.deepEqual((await store().listModerationQueue(1, 10)).map(s => s.target), [t])
      const state = await store().applyModeration(action('a1', t2, { by: 'mod', reason: 'spam', excerpt: 'Achetez « ça » !', at: at(6) }), null)
      assert.deepEqual([state.hidden, state.pendingReports, state.reports, state.by], [true, 0, 2, 'mod'])
      const [logged] = await store().listModerationLog(undefined, 1)
      assert.deepEqual([logged.id, logged.excerpt], ['a1', 'Achetez « ça » !'], 'the log keeps the excerpt stored with the action')
      assert.deepEqual((await store().listModerationQueue(0, 10)).map(s => s.target), [t])
      const restored = await store().applyModeration(action('a2', t2, { by: 'mod', action: 'restore', reason: 'error', at: at(7) }), null)
      assert.equal(restored.hidden, false)
      await store().markModerationRemoved(t)
      assert.deepEqual(await store().listModerationQueue(0, 10), [])
      assert.deepEqual((await store().listReports([t, t2])).map(r => r.id), ['r1', 'r2', 'r3'])
      assert.deepEqual(await store().listReports([]), [])
    })

    it('pages the log and notifications newest first', async () => {
      for (let i = 0; i < 5; i++) {
        await store().applyModeration(action(`a${i}`, t, { by: 'mod', at: at(10 + i) }),
          { id: `n${i}`, userId: 'u1', kind: 'moderation', target: t, billId: 'b1', action: 'hide', reason: 'spam', at: at(10 + i) })
      }
      const page = await store().listModerationLog(undefined, 2)
      assert.deepEqual(page.map(a => a.id), ['a4', 'a3'])
      assert.deepEqual((await store().listModerationLog({ at: page[1].at, id: page[1].id }, 10)).map(a => a.id), ['a2', 'a1', 'a0'])
      const notes = await store().listNotifications('u1', undefined, 3)
      assert.deepEqual(notes.map(n => n.id), ['n4', 'n3', 'n2'])
      assert.deepEqual((await store().listNotifications('u1', { at: notes[2].at, id: notes[2].id }, 3)).map(n => n.id), ['n1', 'n0'])
      assert.deepEqual(await store().listNotifications('u2', undefined, 3), [])
    })
  })
}
