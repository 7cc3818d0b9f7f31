/**
 * The OpenAPI 3.1 document of the API, built from the zod schemas of
 * shared/api.ts (zod's own JSON Schema output, which OpenAPI 3.1 accepts),
 * so the documentation cannot drift from what the server validates.
 */
import { z } from 'zod'
import * as api from '../../shared/api.ts'
import { IDENTITY_OPERATIONS } from './openapi-identity.ts'

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  who: string
  body?: z.ZodType
  /** Query parameters, one per field of the object. */
  query?: z.ZodObject
  response?: z.ZodType
  status?: number
}

/** Every route of the contract; new routes add a line here. */
export const OPERATIONS: Operation[] = [
  { method: 'post', path: '/auth/register', summary: 'Create an account and sign in', who: 'anyone', body: api.RegisterBody, response: api.User, status: 201 },
  { method: 'post', path: '/auth/login', summary: 'Sign in (sets the session cookie)', who: 'anyone', body: api.LoginBody, response: api.User },
  { method: 'post', path: '/auth/logout', summary: 'Sign out', who: 'anyone', status: 204 },
  { method: 'get', path: '/me', summary: 'The signed-in user', who: 'signed in', response: api.User },
  { method: 'post', path: '/auth/tokens', summary: 'A personal API token for scripts (Authorization: Bearer)', who: 'signed in', body: api.TokenBody, response: api.TokenResponse, status: 201 },
  { method: 'get', path: '/auth/tokens', summary: 'The signed-in user\'s API tokens (never their secrets)', who: 'signed in', response: api.TokenList },
  { method: 'delete', path: '/auth/tokens/{id}', summary: 'Revoke one of one\'s API tokens', who: 'signed in', status: 204 },
  { method: 'post', path: '/auth/logout-all', summary: 'Log out everywhere: end every session and API token of the signed-in user', who: 'signed in', status: 204 },
  { method: 'patch', path: '/users/{id}', summary: 'Change a user\'s role', who: 'admin', body: api.UserPatchBody, response: api.User },
  { method: 'get', path: '/bills', summary: 'Bills the viewer may see', who: 'anyone (drafts: their editors)', response: api.BillList },
  { method: 'post', path: '/bills', summary: 'Create a draft bill from Markdown, Akoma Ntoso or a list of articles', who: 'author, admin', body: api.BillCreateBody, response: api.Bill, status: 201 },
  { method: 'post', path: '/bills/{billId}/amendments', summary: 'Propose an additional article (after or before an article)', who: 'signed in, while the consultation is open', body: api.AddArticleBody, response: api.Amendment, status: 201 },
  { method: 'post', path: '/bills/{billId}/amendments/import', summary: 'Import a parliament\'s amendments (Assemblée XML, Sénat CSV) with a report of what was and was not imported', who: 'the bill\'s editors, staff, admin', body: api.ImportAmendmentsBody, response: api.ImportReport },
  { method: 'get', path: '/bills/{billId}', summary: 'One bill with its outline, articles and tallies', who: 'anyone (drafts: their editors)', response: api.Bill },
  { method: 'patch', path: '/bills/{billId}', summary: 'Title, summary, dates, editors, wording style', who: 'editors', body: api.BillPatchBody, response: api.Bill },
  { method: 'post', path: '/bills/{billId}/publish', summary: 'Freeze the working text as a new revision and open the consultation', who: 'editors', body: api.PublishBody, response: api.Bill },
  { method: 'post', path: '/bills/{billId}/close', summary: 'Close the consultation', who: 'editors', response: api.Bill },
  { method: 'get', path: '/bills/{billId}/revisions/{n}', summary: 'A published revision', who: 'anyone', response: api.Revision },
  { method: 'get', path: '/articles/{articleId}', summary: 'One article with its tally', who: 'anyone', response: api.Article },
  { method: 'put', path: '/articles/{articleId}/vote', summary: 'Vote for, mixed or against (again to change)', who: 'signed in', body: api.VoteBody, response: api.Tally },
  { method: 'delete', path: '/articles/{articleId}/vote', summary: 'Withdraw one\'s vote', who: 'signed in', response: api.Tally },
  // amendments
  { method: 'get', path: '/articles/{articleId}/amendments', summary: 'Amendments of an article: sort supported|recent|random, status, cursor, limit <= 50, seed (random order of anonymous visitors)', who: 'anyone', query: api.AmendmentListQuery, response: api.AmendmentList },
  { method: 'get', path: '/bills/{billId}/amendments', summary: 'All the amendments of a bill, every article together: same sorts, filters and cursors as an article\'s list', who: 'anyone (drafts: editors)', query: api.AmendmentListQuery, response: api.AmendmentList },
  { method: 'post', path: '/articles/{articleId}/amendments', summary: 'Propose the whole article as amended (empty alineas: delete it), with its explanation and base revision (while open; rate limited)', who: 'signed in', body: api.AmendmentCreateBody, response: api.Amendment, status: 201 },
  { method: 'get', path: '/amendments/{amendmentId}', summary: 'One amendment with its diff, wording (fr, en), tally, stale flag and, when stale, the rebase on offer', who: 'anyone', response: api.Amendment },
  { method: 'put', path: '/amendments/{amendmentId}/vote', summary: 'Vote for, mixed or against a proposed amendment (while open)', who: 'signed in', body: api.VoteBody, response: api.Tally },
  { method: 'delete', path: '/amendments/{amendmentId}/vote', summary: 'Withdraw one\'s vote on a proposed amendment (while open)', who: 'signed in', response: api.Tally },
  { method: 'post', path: '/amendments/{amendmentId}/decision', summary: 'Accept or reject a proposed amendment, with a response (final)', who: 'editors', body: api.DecisionBody, response: api.Amendment },
  { method: 'post', path: '/amendments/{amendmentId}/withdraw', summary: 'Withdraw one\'s proposed amendment', who: 'its author', body: api.EmptyBody, response: api.Amendment },
  { method: 'post', path: '/amendments/{amendmentId}/rebase', summary: 'Apply the clean rebase of one\'s stale amendment onto the latest revision (409 conflict with the conflicts otherwise)', who: 'its author', body: api.EmptyBody, response: api.Amendment },
  { method: 'get', path: '/bills/{billId}/consolidated', summary: 'The latest revision with accepted amendments applied in decision order, conflicts listed (tableau comparatif); ?from=1 compares with revision 1 instead of the latest', who: 'anyone', query: api.ConsolidatedQuery, response: api.Consolidated },
  { method: 'get', path: '/healthz', summary: 'Liveness and store reachability', who: 'anyone', response: api.Health },
  { method: 'post', path: '/bills/import', summary: 'A draft bill from a .docx (base64), Markdown, Akoma Ntoso or the-law-factory JSON, with what was recognised and what was not; ?dryRun=1 creates nothing (422 nothing_recognised)', who: 'author, admin', body: api.BillImportBody, response: api.BillImportResult, status: 201 },
  { method: 'post', path: '/wording/parse', summary: 'Read a dispositif (both house styles) into operations (422 wording_unreadable { line, message })', who: 'anyone', body: api.WordingParseBody, response: api.WordingParsed },
  { method: 'post', path: '/wording/apply', summary: 'Apply a dispositif to an article\'s alinéas (422 wording_unreadable, or wording_not_applicable { operation, reason })', who: 'anyone', body: api.WordingApplyBody, response: api.WordingApplied },
  // debate and moderation
  { method: 'get', path: '/articles/{articleId}/arguments', summary: 'Arguments on an article (side, sort, cursor, limit <= 50)', who: 'anyone', query: api.ArgumentListQuery, response: api.ArgumentList },
  { method: 'post', path: '/articles/{articleId}/arguments', summary: 'Argue for or against an article (while open; rate limited)', who: 'signed in', body: api.ArgumentBody, response: api.Argument, status: 201 },
  { method: 'get', path: '/amendments/{amendmentId}/arguments', summary: 'Arguments on an amendment (side, sort, cursor, limit <= 50)', who: 'anyone', query: api.ArgumentListQuery, response: api.ArgumentList },
  { method: 'post', path: '/amendments/{amendmentId}/arguments', summary: 'Argue for or against an amendment (while open; rate limited)', who: 'signed in', body: api.ArgumentBody, response: api.Argument, status: 201 },
  { method: 'get', path: '/arguments/{argumentId}', summary: 'One argument', who: 'anyone', response: api.Argument },
  { method: 'patch', path: '/arguments/{argumentId}', summary: 'Edit one\'s argument within 15 minutes of posting it (clears its upvotes)', who: 'its author', body: api.ArgumentPatchBody, response: api.Argument },
  { method: 'delete', path: '/arguments/{argumentId}', summary: 'Delete an argument (its author while open; moderators and admins always)', who: 'its author, moderator, admin', status: 204 },
  { method: 'put', path: '/arguments/{argumentId}/vote', summary: 'Upvote an argument (no body; not one\'s own)', who: 'signed in', response: api.ArgumentUpvotes },
  { method: 'delete', path: '/arguments/{argumentId}/vote', summary: 'Withdraw one\'s upvote', who: 'signed in', response: api.ArgumentUpvotes },
  { method: 'post', path: '/reports', summary: 'Report an argument or an amendment (201; 200 with the earlier report when repeated)', who: 'signed in', body: api.ReportBody, response: api.Report, status: 201 },
  { method: 'get', path: '/moderation/queue', summary: 'Reported and auto-hidden content, most reported first, with full text and reports', who: 'moderator, admin', query: api.PageQuery, response: api.ModerationQueue },
  { method: 'post', path: '/moderation/actions', summary: 'Hide or restore a contribution (appended to the log; its author is notified)', who: 'moderator, admin', body: api.ModerationActionBody, response: api.ModerationAction, status: 201 },
  { method: 'get', path: '/moderation/log', summary: 'The moderation log, newest first', who: 'moderator, admin', query: api.PageQuery, response: api.ModerationLog },
  { method: 'get', path: '/me/notifications', summary: 'One\'s notifications, newest first (moderation of one\'s content, decisions on one\'s amendments, activity on what one follows), with the number unread', who: 'signed in', query: api.PageQuery, response: api.UserNotificationList },
  // synthesis and exports
  { method: 'get', path: '/bills/{billId}/synthesis', summary: 'The synthesis: participation by profile type, kind and day; per article the tally, counts, most supported amendments (Wilson lower bound), most upvoted arguments, decisions; the consolidated text', who: 'anyone (drafts: their editors)', response: api.Synthesis },
  { method: 'get', path: '/bills/{billId}/export', summary: 'Reports and open data: json (open data, streamed), akn (Akoma Ntoso 3.0), csv (one table per kind), xlsx, docx, html, pdf (503 without Chromium); audience=staff adds hidden content, flagged', who: 'json and akn: anyone; csv, xlsx, docx, html, pdf and audience=staff: staff, the bill\'s editors, admins', query: api.ExportQuery },
  // citizens' council
  { method: 'get', path: '/bills/{billId}/council', summary: 'The council of a bill: setup, counts of volunteers per category value (never who), commitment, draw, members, agenda, opinions', who: 'anyone (drafts: their editors)', response: api.Council },
  { method: 'put', path: '/bills/{billId}/council', summary: 'Create or change the council while it recruits (201 when created)', who: 'editors', body: api.CouncilSetupBody, response: api.Council },
  { method: 'get', path: '/bills/{billId}/council/me', summary: 'One\'s own volunteering (with one\'s answers), pseudonym, membership', who: 'signed in', response: api.CouncilMe, status: 200 },
  { method: 'post', path: '/bills/{billId}/council/volunteers', summary: 'Volunteer with one\'s private answers (again to change them), while recruiting and the consultation is open', who: 'signed in', body: api.VolunteerBody, response: api.CouncilMe, status: 201 },
  { method: 'delete', path: '/bills/{billId}/council/volunteers', summary: 'Withdraw while recruiting', who: 'signed in', response: api.CouncilMe },
  { method: 'post', path: '/bills/{billId}/council/commit', summary: 'Freeze pool, quotas and algorithm; publish their SHA-256 and the public value that will seed the draw (422 quotas_infeasible with the reasons)', who: 'editors', body: api.CommitBody, response: api.Council },
  { method: 'post', path: '/bills/{billId}/council/draw', summary: 'Draw with the public value: fair (maximin) distribution over panels meeting the quotas, one panel sampled with SHA-256(commitment + value)', who: 'editors', body: api.DrawBody, response: api.Council },
  { method: 'post', path: '/bills/{billId}/council/decline', summary: 'Decline one\'s seat: the first alternate of the same stratum takes it (logged)', who: 'members', body: api.EmptyBody, response: api.Council },
  { method: 'get', path: '/bills/{billId}/council/audit', summary: 'Everything needed to re-run the draw, under pseudonyms (npm run verify-draw -- audit.json)', who: 'anyone, once drawn', response: api.CouncilAudit },
  { method: 'get', path: '/bills/{billId}/council/proposals', summary: 'What the synthesis proposes for the agenda: most supported amendments and arguments, most debated articles', who: 'editors', response: api.AgendaProposals },
  { method: 'post', path: '/bills/{billId}/council/agenda', summary: 'Put a bill, article, amendment or argument on the agenda', who: 'editors', body: api.AgendaItemBody, response: api.Council, status: 201 },
  { method: 'delete', path: '/bills/{billId}/council/agenda/{itemId}', summary: 'Take an item off the agenda (not once its opinion is published)', who: 'editors', status: 204 },
  { method: 'get', path: '/bills/{billId}/council/deliberation', summary: 'Per agenda item, the members\' arguments and votes', who: 'members', response: api.Deliberation },
  { method: 'post', path: '/bills/{billId}/council/agenda/{itemId}/arguments', summary: 'Argue on an agenda item', who: 'members', body: api.CouncilArgumentBody, response: api.Deliberation, status: 201 },
  { method: 'put', path: '/bills/{billId}/council/agenda/{itemId}/vote', summary: 'Vote on an agenda item (again to change)', who: 'members', body: api.CouncilVoteBody, response: api.Tally },
  { method: 'put', path: '/bills/{billId}/council/agenda/{itemId}/opinion', summary: 'Publish the council\'s opinion on an item, with the members\' vote at that time', who: 'members', body: api.OpinionBody, response: api.Opinion },
  ...IDENTITY_OPERATIONS,
  { method: 'get', path: '/me/workspace', summary: '« Mon espace »: the bills one edits with amendments by status, proposed amendments to decide (oldest first), the latest amendments and arguments', who: 'author, staff, admin', query: api.WorkspaceQuery, response: api.Workspace }
]

const STATUS_TEXT: Record<number, string> = {
  400: 'invalid input', 401: 'not signed in', 403: 'not allowed', 404: 'not found', 409: 'conflict',
  413: 'body too large', 422: 'a rule forbids it (e.g. consultation closed)', 429: 'rate limited'
}

/** All schemas of shared/api.ts that carry an id, as OpenAPI components (requests as input, the rest as output). */
function components (): { schemas: Record<string, unknown>; ref: (s: z.ZodType, io: 'input' | 'output') => unknown } {
  const uri = (id: string) => `#/components/schemas/${id}`
  const gen = (io: 'input' | 'output') => (z.toJSONSchema(z.globalRegistry, { io, uri, unrepresentable: 'any', target: 'draft-2020-12' }) as { schemas: Record<string, Record<string, unknown>> }).schemas
  const inputs = gen('input')
  const outputs = gen('output')
  const requestIds = new Set(OPERATIONS.flatMap(op => op.body ? [z.globalRegistry.get(op.body)?.id] : []))
  const schemas: Record<string, unknown> = {}
  for (const [id, schema] of Object.entries(outputs)) {
    const chosen = requestIds.has(id) ? inputs[id] : schema
    delete chosen.$schema
    delete chosen.id
    delete chosen.$id
    schemas[id] = chosen
  }
  const ref = (s: z.ZodType, io: 'input' | 'output') => {
    const id = z.globalRegistry.get(s)?.id
    if (id) return { $ref: uri(id) }
    const json = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>
    delete json.$schema
    return json
  }
  return { schemas, ref }
}

/** Builds the OpenAPI document. */
export function openApiDocument (): Record<string, unknown> {
  const { schemas, ref } = components()
  const schemaOf = ref
  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of OPERATIONS) {
    const params: Record<string, unknown>[] = [...op.path.matchAll(/\{(\w+)\}/g)].map(m => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }))
    for (const [name, field] of Object.entries(op.query?.shape ?? {})) {
      params.push({ name, in: 'query', required: !(field as z.ZodType).safeParse(undefined).success, schema: schemaOf(field as z.ZodType, 'input') })
    }
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: op.response
        ? { description: 'success', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }
        : { description: 'success' }
    }
    for (const [code, description] of Object.entries(STATUS_TEXT)) {
      responses[code] = { description, content: { 'application/json': { schema: schemaOf(api.ErrorBody, 'output') } } }
    }
    paths[op.path] ??= {}
    paths[op.path][op.method] = {
      summary: op.summary,
      description: `Who: ${op.who}.`,
      parameters: params.length ? params : undefined,
      requestBody: op.body ? { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } } : undefined,
      responses
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Alinea API', version: '1', description: 'Legislative co-writing: bills, articles, votes, amendments, arguments. JSON; errors are { error: { code, message, details } }.' },
    servers: [{ url: '/api/v1' }],
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'alinea_session' },
        token: { type: 'http', scheme: 'bearer' }
      }
    },
    security: [{}, { session: [] }, { token: [] }],
    paths
  }
}
