/**
 * Reports, moderation state, the moderation log and notifications in
 * MongoDB. A report, its counters and the automatic hiding it may trigger
 * are one transaction: concurrent reports of one target collide on its
 * state document, and the loser runs again on a fresh snapshot, so the
 * N-th distinct reporter hides the content exactly once.
 */
import type { ClientSession } from 'mongodb'
import type { ModerationActionRecord, ModerationStateRecord, ModerationStore, NotificationRecord } from '../store.ts'
import type { MongoContext } from './schema.ts'
import {
  actionDoc, notificationDoc, reportDoc, targetKey, toAction, toModerationState, toNotification, toReport
} from './debate-documents.ts'
import { runTransaction } from './transactions.ts'

/** The report, moderation and notification methods of the MongoDB store. */
export function mongoModeration ({ client, col }: MongoContext): ModerationStore {
  /** Appends an action, sets the state it leads to and notifies; `reviewed` clears the pending reports. */
  const act = async (a: ModerationActionRecord, n: NotificationRecord | null, reviewed: boolean, session: ClientSession): Promise<ModerationStateRecord> => {
    await col.moderationActions.insertOne(actionDoc(a), { session })
    const set = { hidden: a.action === 'hide', reason: a.reason, by: a.by, at: a.at, ...(reviewed ? { pendingReports: 0, pendingVerified: 0 } : {}) }
    const state = await col.moderationStates.findOneAndUpdate({ _id: targetKey(a.target) }, {
      $set: set,
      $setOnInsert: {
        target: { type: a.target.type, id: a.target.id }, billId: a.billId, reports: 0, lastReportAt: null, removed: false,
        ...(reviewed ? {} : { pendingReports: 0, pendingVerified: 0 })
      }
    }, { upsert: true, returnDocument: 'after', session })
    if (n) await col.notifications.insertOne(notificationDoc(n), { session })
    return toModerationState(state!)
  }

  return {
    async fileReport (report, autoHide) {
      const key = { userId: report.userId, 'target.type': report.target.type, 'target.id': report.target.id }
      // Two first reports by one user race on the unique index: the loser runs again and finds the winner's.
      return runTransaction(client, async session => {
        const existing = await col.reports.findOne(key, { session })
        if (existing) return { report: toReport(existing), created: false, hidden: null }
        await col.reports.insertOne(reportDoc(report), { session })
        const state = await col.moderationStates.findOneAndUpdate({ _id: targetKey(report.target) }, {
          $inc: { reports: 1, pendingReports: 1, pendingVerified: autoHide.reporterVerified === false ? 0 : 1 },
          $set: { lastReportAt: report.at },
          $setOnInsert: {
            target: { type: report.target.type, id: report.target.id }, billId: report.billId,
            hidden: false, reason: null, by: null, at: null, removed: false
          }
        }, { upsert: true, returnDocument: 'after', session })
        let hidden: ModerationActionRecord | null = null
        if (state && autoHide.due({ hidden: state.hidden === true, pendingVerified: state.pendingVerified ?? 0 })) {
          await act(autoHide.action, autoHide.notification, false, session)
          hidden = autoHide.action
        }
        return { report, created: true, hidden }
      }, { retryDuplicateKey: true })
    },
    async getUserReport (userId, t) {
      const d = await col.reports.findOne({ userId, 'target.type': t.type, 'target.id': t.id })
      return d ? toReport(d) : null
    },
    async applyModeration (action, notification) {
      return runTransaction(client, session => act(action, notification, true, session), { retryDuplicateKey: true })
    },
    async getModerationStates (type, ids) {
      const out = new Map<string, ModerationStateRecord>()
      if (ids.length === 0) return out
      for (const d of await col.moderationStates.find({ _id: { $in: ids.map(id => targetKey({ type, id })) } }).toArray()) {
        out.set(d.target.id, toModerationState(d))
      }
      return out
    },
    async markModerationRemoved (t) {
      await col.moderationStates.updateOne({ _id: targetKey(t) }, { $set: { removed: true } })
    },
    async listModerationQueue (offset, limit) {
      const docs = await col.moderationStates.find({ pendingReports: { $gt: 0 }, removed: false })
        .sort({ pendingReports: -1, lastReportAt: -1, _id: 1 }).skip(offset).limit(limit).toArray()
      return docs.map(toModerationState)
    },
    async listReports (targets) {
      if (targets.length === 0) return []
      const docs = await col.reports.find({ $or: targets.map(t => ({ 'target.type': t.type, 'target.id': t.id })) })
        .sort({ at: 1, _id: 1 }).toArray()
      return docs.map(toReport)
    },
    async listModerationLog (after, limit) {
      const filter = after ? { $or: [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.id } }] } : {}
      return (await col.moderationActions.find(filter).sort({ at: -1, _id: -1 }).limit(limit).toArray()).map(toAction)
    },
    async listNotifications (userId, after, limit) {
      const filter = after
        ? { userId, $or: [{ at: { $lt: after.at } }, { at: after.at, _id: { $lt: after.id } }] }
        : { userId }
      return (await col.notifications.find(filter).sort({ at: -1, _id: -1 }).limit(limit).toArray()).map(toNotification)
    }
  }
}
