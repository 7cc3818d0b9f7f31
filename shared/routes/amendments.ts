/** Routes of amendments: per article and per bill, proposed, imported, voted, decided, withdrawn, rebased; the consolidated text. */
import type { RouteDecl } from '../route.ts'

/** Amendment routes, part of ROUTES. */
export const AMENDMENT_ROUTES = {
  proposeAdditionalArticle: { method: 'post', path: '/bills/:billId/amendments', who: 'signed in, while the consultation is open', summary: 'Propose an additional article (after or before an article)', body: 'AddArticleBody', response: 'Amendment', status: 201 },
  importAmendments: { method: 'post', path: '/bills/:billId/amendments/import', who: 'the bill\'s editors, staff, admin', summary: 'Import a parliament\'s amendments (Assemblée XML, Sénat CSV) with a report of what was and was not imported', body: 'ImportAmendmentsBody', response: 'ImportReport', largeBody: true },
  listAmendments: { method: 'get', path: '/articles/:articleId/amendments', who: 'anyone', summary: 'Amendments of an article: sort supported|recent|random, status, cursor, limit <= 50, seed (random order of anonymous visitors)', query: 'AmendmentListQuery', response: 'AmendmentList' },
  listBillAmendments: { method: 'get', path: '/bills/:billId/amendments', who: 'anyone (drafts: editors)', summary: 'All the amendments of a bill, every article together: same sorts, filters and cursors as an article\'s list', query: 'AmendmentListQuery', response: 'AmendmentList' },
  proposeAmendment: { method: 'post', path: '/articles/:articleId/amendments', who: 'signed in', summary: 'Propose the whole article as amended (empty alineas: delete it), with its explanation and base revision (while open; rate limited)', body: 'AmendmentCreateBody', response: 'Amendment', status: 201 },
  getAmendment: { method: 'get', path: '/amendments/:amendmentId', who: 'anyone', summary: 'One amendment with its diff, wording (fr, en), tally, stale flag and, when stale, the rebase on offer', response: 'Amendment' },
  voteAmendment: { method: 'put', path: '/amendments/:amendmentId/vote', who: 'signed in', summary: 'Vote for, mixed or against a proposed amendment (while open)', body: 'VoteBody', response: 'Tally' },
  unvoteAmendment: { method: 'delete', path: '/amendments/:amendmentId/vote', who: 'signed in', summary: 'Withdraw one\'s vote on a proposed amendment (while open)', response: 'Tally' },
  decideAmendment: { method: 'post', path: '/amendments/:amendmentId/decision', who: 'editors', summary: 'Accept or reject a proposed amendment, with a response (final)', body: 'DecisionBody', response: 'Amendment' },
  withdrawAmendment: { method: 'post', path: '/amendments/:amendmentId/withdraw', who: 'its author', summary: 'Withdraw one\'s proposed amendment', body: 'EmptyBody', response: 'Amendment' },
  rebaseAmendment: { method: 'post', path: '/amendments/:amendmentId/rebase', who: 'its author', summary: 'Apply the clean rebase of one\'s stale amendment onto the latest revision (409 conflict with the conflicts otherwise)', body: 'EmptyBody', response: 'Amendment' },
  getConsolidated: { method: 'get', path: '/bills/:billId/consolidated', who: 'anyone', summary: 'The latest revision with accepted amendments applied in decision order, conflicts listed (tableau comparatif); ?from=1 compares with revision 1 instead of the latest', query: 'ConsolidatedQuery', response: 'Consolidated' }
} as const satisfies Record<string, RouteDecl>
