/**
 * The calls of the editors', moderators' and clerks' pages: amendments by
 * status, decisions, the consolidated text, moderation (queue, actions,
 * log), notifications, the synthesis and the export addresses. Types come
 * from shared/api.ts as type-only imports (no zod in the bundle).
 */
import { request, type AmendmentView, type Page } from '../../api.ts'
import type {
  ConsolidatedView, ExportFormat, CsvKind, ModerationActionView, ModerationQueueItemView, NotificationView, SynthesisView
} from '../../../shared/api.ts'
import type { ReportReason } from '../../../shared/types.ts'
import { getLocale } from '../../i18n/index.ts'
import type { UserNotificationView } from '../../../shared/api.ts'

export type { ConsolidatedView, ExportFormat, CsvKind, ModerationActionView, ModerationQueueItemView, NotificationView, SynthesisView }
export type { ConsolidatedArticleView, SynthesisArticleView, SynthesisAmendmentView, SynthesisArgumentView, ParticipationView } from '../../../shared/api.ts'

/** A status to list, or every status but withdrawn (`all`, the server's default). */
export type StatusFilter = 'proposed' | 'accepted' | 'rejected' | 'withdrawn' | 'all'
/** What the moderators act on. */
export type ModerationTargetRef = { type: 'argument' | 'amendment'; id: string }

const enc = encodeURIComponent

function qs (q: Record<string, string | number | null | undefined>): string {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v))
  const s = p.toString()
  return s ? '?' + s : ''
}

/** The staff calls, one function per route. */
export const staffApi = {
  amendments: (articleId: string, q: { status: StatusFilter; sort: 'supported' | 'recent'; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    request<Page<AmendmentView>>('GET', `/articles/${enc(articleId)}/amendments${qs({
      sort: q.sort, status: q.status === 'all' ? undefined : q.status, cursor: q.cursor, limit: q.limit ?? 50
    })}`, undefined, signal),
  billAmendments: (billId: string, q: { status: StatusFilter; sort: 'supported' | 'recent'; cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    request<Page<AmendmentView>>('GET', `/bills/${enc(billId)}/amendments${qs({
      sort: q.sort, status: q.status === 'all' ? undefined : q.status, cursor: q.cursor, limit: q.limit ?? 50
    })}`, undefined, signal),
  decide: (id: string, status: 'accepted' | 'rejected', response: string) =>
    request<AmendmentView>('POST', `/amendments/${enc(id)}/decision`, { status, response }),
  consolidated: (billId: string, signal?: AbortSignal, from?: number) =>
    request<ConsolidatedView>('GET', `/bills/${enc(billId)}/consolidated${qs({ from })}`, undefined, signal),

  queue: (cursor?: string | null, signal?: AbortSignal) =>
    request<Page<ModerationQueueItemView> & { autoHideReports: number }>('GET', `/moderation/queue${qs({ cursor, limit: 20 })}`, undefined, signal),
  moderate: (target: ModerationTargetRef, action: 'hide' | 'restore', reason: string, category?: ReportReason) =>
    request<ModerationActionView>('POST', '/moderation/actions', { target, action, reason, category }),
  log: (cursor?: string | null, signal?: AbortSignal) =>
    request<Page<ModerationActionView>>('GET', `/moderation/log${qs({ cursor, limit: 20 })}`, undefined, signal),
  notifications: (cursor?: string | null, signal?: AbortSignal) =>
    request<Page<UserNotificationView> & { unread: number }>('GET', `/me/notifications${qs({ cursor, limit: 20 })}`, undefined, signal),

  synthesis: (billId: string, signal?: AbortSignal) =>
    request<SynthesisView>('GET', `/bills/${enc(billId)}/synthesis`, undefined, signal)
}

/** The address of an export (a download served by the API, not a page). */
export function exportHref (billId: string, format: ExportFormat, extra: { kind?: CsvKind; version?: 'consolidated' } = {}): string {
  // The reports and tables come in the interface language (CSV in French: semicolons, for Excel).
  return `/api/v1/bills/${enc(billId)}/export${qs({ format, kind: extra.kind, version: extra.version, lang: getLocale() })}`
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
