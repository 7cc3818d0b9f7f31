/** Routes of bills, revisions, articles and their votes; bill import, wording services, synthesis, exports, health. */
import type { RouteDecl } from '../route.ts'

/** Bill routes, part of ROUTES. */
export const BILL_ROUTES = {
  listBills: { method: 'get', path: '/bills', who: 'anyone (drafts: their editors)', summary: 'Bills the viewer may see', response: 'BillList' },
  createBill: { method: 'post', path: '/bills', who: 'author, admin', summary: 'Create a draft bill from Markdown, Akoma Ntoso or a list of articles', body: 'BillCreateBody', response: 'Bill', status: 201 },
  getBill: { method: 'get', path: '/bills/:billId', who: 'anyone (drafts: their editors)', summary: 'One bill with its outline, articles and tallies', response: 'Bill' },
  updateBill: { method: 'patch', path: '/bills/:billId', who: 'editors', summary: 'Title, summary, dates, editors, wording style', body: 'BillPatchBody', response: 'Bill' },
  publishBill: { method: 'post', path: '/bills/:billId/publish', who: 'editors', summary: 'Freeze the working text as a new revision and open the consultation', body: 'PublishBody', response: 'Bill' },
  closeBill: { method: 'post', path: '/bills/:billId/close', who: 'editors', summary: 'Close the consultation', response: 'Bill' },
  getRevision: { method: 'get', path: '/bills/:billId/revisions/:n', who: 'anyone', summary: 'A published revision', params: 'RevisionParams', response: 'Revision' },
  getArticle: { method: 'get', path: '/articles/:articleId', who: 'anyone', summary: 'One article with its tally', response: 'Article' },
  voteArticle: { method: 'put', path: '/articles/:articleId/vote', who: 'signed in', summary: 'Vote for, mixed or against (again to change)', body: 'VoteBody', response: 'Tally' },
  unvoteArticle: { method: 'delete', path: '/articles/:articleId/vote', who: 'signed in', summary: 'Withdraw one\'s vote', response: 'Tally' },
  health: { method: 'get', path: '/healthz', who: 'anyone', summary: 'Liveness and store reachability', response: 'Health' },
  importBill: { method: 'post', path: '/bills/import', who: 'author, admin', summary: 'A draft bill from a .docx (base64), Markdown, Akoma Ntoso or the-law-factory JSON, with what was recognised and what was not; ?dryRun=1 creates nothing (422 nothing_recognised)', query: 'BillImportQuery', body: 'BillImportBody', response: 'BillImportResult', status: 201 },
  parseWording: { method: 'post', path: '/wording/parse', who: 'anyone', summary: 'Read a dispositif (both house styles) into operations (422 wording_unreadable { line, message })', body: 'WordingParseBody', response: 'WordingParsed' },
  applyWording: { method: 'post', path: '/wording/apply', who: 'anyone', summary: 'Apply a dispositif to an article\'s alinéas (422 wording_unreadable, or wording_not_applicable { operation, reason })', body: 'WordingApplyBody', response: 'WordingApplied' },
  getSynthesis: { method: 'get', path: '/bills/:billId/synthesis', who: 'anyone (drafts: their editors)', summary: 'The synthesis: participation by profile type, kind and day; per article the tally, counts, most supported amendments (Wilson lower bound), most upvoted arguments, decisions; the consolidated text', response: 'Synthesis', limit: 'expensive' },
  exportBill: { method: 'get', path: '/bills/:billId/export', who: 'json and akn: anyone; csv, xlsx, docx, html, pdf and audience=staff: staff, the bill\'s editors, admins', summary: 'Reports and open data: json (open data, streamed), akn (Akoma Ntoso 3.0), csv (one table per kind), xlsx, docx, html, pdf (503 without Chromium); audience=staff adds hidden content, flagged', query: 'ExportQuery', limit: 'expensive' }
} as const satisfies Record<string, RouteDecl>
