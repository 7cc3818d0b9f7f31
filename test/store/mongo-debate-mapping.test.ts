/**
 * The parts of the MongoDB debate and moderation store that need no server:
 * record mapping through a BSON round trip, the keys shared with tallies,
 * and the keyset filters of argument pages.
 */
import assert from 'node:assert/strict'
import { BSON } from 'mongodb'
import {
  actionDoc, argumentDoc, notificationDoc, reportDoc, targetKey, toAction, toArgument, toModerationState, toNotification, toReport
} from '../../server/store/mongo/debate-documents.ts'
import { tallyId } from '../../server/store/mongo/documents.ts'
import { afterFilter } from '../../server/store/mongo/arguments.ts'
import type { ArgumentRecord, ModerationActionRecord, NotificationRecord, ReportRecord } from '../../server/store/store.ts'

const roundTrip = <T extends object> (doc: T): T => BSON.deserialize(BSON.serialize(doc, { ignoreUndefined: true })) as T

describe('MongoDB store: debate and moderation mapping', () => {
  it('maps arguments, reports, actions and notifications to documents and back exactly', () => {
    const a: ArgumentRecord = {
      id: 'arg_1', billId: 'b1', target: { type: 'amendment', id: 'amd_1' }, side: 'against', body: '<b>texte</b>', authorId: 'u1',
      createdAt: 't0', editedAt: null, deletedAt: 't1', deletedBy: 'u2'
    }
    const d = argumentDoc(a)
    assert.equal(d._id, 'arg_1')
    assert.equal(d.tallyId, tallyId({ type: 'argument', id: 'arg_1' }), 'lists join the vote counters on this key')
    assert.deepEqual(toArgument(roundTrip(d)), a)
    assert.equal('tallyId' in toArgument(d), false)
    const r: ReportRecord = { id: 'rep_1', target: { type: 'argument', id: 'arg_1' }, billId: 'b1', userId: 'u3', reason: 'spam', body: null, at: 't2' }
    assert.deepEqual(toReport(roundTrip(reportDoc(r))), r)
    const m: ModerationActionRecord = { id: 'mod_1', target: r.target, billId: 'b1', action: 'hide', reason: 'reported', by: 'system', at: 't3' }
    assert.deepEqual(toAction(roundTrip(actionDoc(m))), m)
    const withExcerpt: ModerationActionRecord = { ...m, id: 'mod_2', note: 'Hors sujet.', excerpt: 'Le début du texte…' }
    assert.deepEqual(toAction(roundTrip(actionDoc(withExcerpt))), withExcerpt)
    const n: NotificationRecord = { id: 'ntf_1', userId: 'u1', kind: 'moderation', target: r.target, billId: 'b1', action: 'restore', reason: 'error', at: 't4' }
    assert.deepEqual(toNotification(roundTrip(notificationDoc(n))), n)
  })

  it('keys moderation states like tallies, and reads missing counters as zero', () => {
    assert.equal(targetKey({ type: 'argument', id: 'x' }), tallyId({ type: 'argument', id: 'x' }))
    const state = toModerationState({ _id: 'amendment:a', target: { type: 'amendment', id: 'a' }, billId: 'b1' } as never)
    assert.deepEqual(state, {
      target: { type: 'amendment', id: 'a' }, billId: 'b1', hidden: false, reason: null, by: null, at: null,
      reports: 0, pendingReports: 0, lastReportAt: null, removed: false
    })
  })

  it('starts a page strictly after the last argument in each order', () => {
    const p = { upvotes: 3, createdAt: 't5', id: 'arg_9' }
    assert.deepEqual(afterFilter('recent', p), { $or: [{ createdAt: { $lt: 't5' } }, { createdAt: 't5', _id: { $lt: 'arg_9' } }] })
    assert.deepEqual(afterFilter('upvotes', p), { $or: [
      { upvotes: { $lt: 3 } },
      { upvotes: 3, createdAt: { $lt: 't5' } },
      { upvotes: 3, createdAt: 't5', _id: { $lt: 'arg_9' } }
    ] })
  })
})
