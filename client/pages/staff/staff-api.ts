/**
 * The calls of the editors', moderators' and clerks' pages: amendments by
 * status, decisions, the consolidated text, moderation (queue, actions,
 * log), notifications, the synthesis and the export addresses. Types come
 * from shared/api.ts as type-only imports (no zod in the bundle).
 */
import { call } from '../../api.ts'
import { ROUTES } from '../../../shared/routes.ts'
import { fillPath, queryString } from '../../../shared/route.ts'
import type {
  ConsolidatedView, ExportFormat, CsvKind, ModerationActionView, ModerationQueueItemView, NotificationView, SynthesisView
} from '../../../shared/api.ts'
import type { ReportReason } from '../../../shared/types.ts'
import { getLocale } from '../../i18n/index.ts'

export type { ConsolidatedView, ExportFormat, CsvKind, ModerationActionView, ModerationQueueItemView, NotificationView, SynthesisView }
export type { ConsolidatedArticleView, SynthesisArticleView, SynthesisAmendmentView, SynthesisArgumentView, ParticipationView } from '../../../shared/api.ts'

/** A status to list, or every status but withdrawn (`all`, the server's default). */
export type StatusFilter = 'proposed' | 'accepted' | 'rejected' | 'withdrawn' | 'all'
/** What the moderators act on. */
export type ModerationTargetRef = { type: 'argument' | 'amendment'; id: string }

/** The staff calls, one function per use. */
export const staffApi = {
  amendments: (articleId: string, q: { status: StatusFilter; sort: 'supported' | 'recent'; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    call('listAmendments', { params: { articleId }, query: listQuery(q) }, signal),
  billAmendments: (billId: string, q: { status: StatusFilter; sort: 'supported' | 'recent'; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    call('listBillAmendments', { params: { billId }, query: listQuery(q) }, signal),
  decide: (id: string, status: 'accepted' | 'rejected', response: string) =>
    call('decideAmendment', { params: { amendmentId: id }, body: { status, response } }),
  consolidated: (billId: string, signal?: AbortSignal, from?: number) =>
    call('getConsolidated', { params: { billId }, query: { from } }, signal),

  queue: (cursor?: string | null, signal?: AbortSignal) => call('moderationQueue', { query: { cursor, limit: 20 } }, signal),
  moderate: (target: ModerationTargetRef, action: 'hide' | 'restore', reason: string, category?: ReportReason) =>
    call('moderate', { body: { target, action, reason, category } }),
  log: (cursor?: string | null, signal?: AbortSignal) => call('moderationLog', { query: { cursor, limit: 20 } }, signal),
  notifications: (cursor?: string | null, signal?: AbortSignal) =>
    call('myNotifications', { query: { cursor, limit: 20 } }, signal),

  synthesis: (billId: string, signal?: AbortSignal) => call('getSynthesis', { params: { billId } }, signal)
}

/** The query of an amendment list: every status but withdrawn unless one is chosen, 50 a page. */
function listQuery (q: { status: StatusFilter; sort: 'supported' | 'recent'; cursor?: string | null; limit?: number }) {
  return { sort: q.sort, status: q.status === 'all' ? undefined : q.status, cursor: q.cursor, limit: q.limit ?? 50 }
}

/** The address of an export (a download served by the API, not a page). */
export function exportHref (billId: string, format: ExportFormat, extra: { kind?: CsvKind; version?: 'consolidated' } = {}): string {
  // The reports and tables come in the interface language (CSV in French: semicolons, for Excel).
  const query = queryString({ format, kind: extra.kind, version: extra.version, lang: getLocale() })
  return `/api/v1${fillPath(ROUTES.exportBill.path, { billId })}?${query}`
}

/**
 * Runs `task` over `items`, at most `limit` at a time, keeping the order of
 * the results (a bill has dozens of articles: not one request each at once).
 */
export async function mapLimited<T, R> (items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  async function worker (): Promise<void> {
    while (next < items.length) {
      const i = next++
      out[i] = await task(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
