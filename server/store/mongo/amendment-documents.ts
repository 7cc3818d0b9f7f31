/**
 * The MongoDB documents of amendments and their mapping to and from the
 * store's records (as `documents.ts` does for the other aggregates): `_id` is
 * the amendment id, and each mapper copies fields one by one so a record
 * holds exactly the fields of its type.
 */
import type { AmendmentDecision, AmendmentKind, AmendmentOrigin, AmendmentRecord, AmendmentText, AmendmentWording } from '../store.ts'
import type { ArticleDiff } from '../../../shared/diff.ts'
import type { AmendmentStatus } from '../../../shared/types.ts'

/** `amendments`: `_id` is the amendment id; indexed by article, by author and by decision rank. */
export interface AmendmentDoc {
  _id: string
  billId: string
  articleId: string
  authorId: string
  baseRevision: number
  baseAlineas: string[]
  baseHash: string
  alineas: string[]
  explanation: string
  status: AmendmentStatus
  diff: ArticleDiff
  wording: AmendmentWording
  decision: AmendmentDecision | null
  decidedSeq: number | null
  shuffle: number
  createdAt: string
  updatedAt: string
  /** Missing on documents stored before additional articles: read as `article`. */
  kind?: AmendmentKind
  position?: 'after' | 'before' | null
  heading?: string | null
  /** Missing on documents stored before numbers: read as 0. */
  number?: number
  origin?: AmendmentOrigin | null
  applies?: boolean
  appliesReason?: string | null
}

/** `amendmentNumbers`: `_id` is the bill id; `seq` is the last amendment number handed out. */
export interface AmendmentNumberDoc {
  _id: string
  seq: number
}

/** `decisionSeqs`: `_id` is the bill id; `seq` is the last decision rank handed out. */
export interface DecisionSeqDoc {
  _id: string
  seq: number
}

/** The document of a new amendment. */
export function amendmentDoc (a: AmendmentRecord): AmendmentDoc {
  return {
    _id: a.id,
    billId: a.billId,
    articleId: a.articleId,
    authorId: a.authorId,
    baseRevision: a.baseRevision,
    baseAlineas: [...a.baseAlineas],
    baseHash: a.baseHash,
    alineas: [...a.alineas],
    explanation: a.explanation,
    status: a.status,
    diff: a.diff,
    wording: { fr: a.wording.fr, en: a.wording.en },
    decision: a.decision ? { by: a.decision.by, at: a.decision.at, response: a.decision.response } : null,
    decidedSeq: a.decidedSeq ?? null,
    shuffle: a.shuffle,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    kind: a.kind,
    position: a.position,
    heading: a.heading,
    number: a.number,
    origin: a.origin ? { chamber: a.origin.chamber, number: a.origin.number, authors: [...a.origin.authors], url: a.origin.url, dispositif: a.origin.dispositif } : null,
    applies: a.applies,
    appliesReason: a.appliesReason
  }
}

/** The fields a rebase sets, the amendment's text on its new base revision (additional articles add their anchor). */
export function amendmentTextFields (text: AmendmentText): Pick<AmendmentDoc, 'baseRevision' | 'baseAlineas' | 'baseHash' | 'alineas' | 'diff' | 'wording' | 'updatedAt'> {
  return {
    baseRevision: text.baseRevision,
    baseAlineas: [...text.baseAlineas],
    baseHash: text.baseHash,
    alineas: [...text.alineas],
    diff: text.diff,
    wording: { fr: text.wording.fr, en: text.wording.en },
    updatedAt: text.updatedAt
  }
}

/** The amendment an `amendments` document holds (extra fields of aggregation stages are dropped). */
export function toAmendment (d: AmendmentDoc): AmendmentRecord {
  return {
    id: d._id,
    billId: d.billId,
    articleId: d.articleId,
    authorId: d.authorId,
    baseRevision: d.baseRevision,
    baseAlineas: d.baseAlineas,
    baseHash: d.baseHash,
    alineas: d.alineas,
    explanation: d.explanation,
    status: d.status,
    diff: d.diff,
    wording: { fr: d.wording.fr, en: d.wording.en },
    decision: d.decision ? { by: d.decision.by, at: d.decision.at, response: d.decision.response } : null,
    decidedSeq: d.decidedSeq ?? null,
    shuffle: d.shuffle,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    kind: d.kind ?? 'article',
    position: d.position ?? null,
    heading: d.heading ?? null,
    number: d.number ?? 0,
    origin: d.origin ? { chamber: d.origin.chamber, number: d.origin.number, authors: d.origin.authors, url: d.origin.url, dispositif: d.origin.dispositif } : null,
    applies: d.applies ?? true,
    appliesReason: d.appliesReason ?? null
  }
}
