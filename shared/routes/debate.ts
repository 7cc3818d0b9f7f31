/** Routes of the debate (arguments on articles and amendments, upvotes) and of moderation (reports, queue, actions, log). */
import type { RouteDecl } from '../route.ts'

/** Debate and moderation routes, part of ROUTES. */
export const DEBATE_ROUTES = {
  listArticleArguments: { method: 'get', path: '/articles/:articleId/arguments', who: 'anyone', summary: 'Arguments on an article (side, sort, cursor, limit <= 50)', query: 'ArgumentListQuery', response: 'ArgumentList' },
  postArticleArgument: { method: 'post', path: '/articles/:articleId/arguments', who: 'signed in', summary: 'Argue for or against an article (while open; rate limited)', body: 'ArgumentBody', response: 'Argument', status: 201 },
  listAmendmentArguments: { method: 'get', path: '/amendments/:amendmentId/arguments', who: 'anyone', summary: 'Arguments on an amendment (side, sort, cursor, limit <= 50)', query: 'ArgumentListQuery', response: 'ArgumentList' },
  postAmendmentArgument: { method: 'post', path: '/amendments/:amendmentId/arguments', who: 'signed in', summary: 'Argue for or against an amendment (while open; rate limited)', body: 'ArgumentBody', response: 'Argument', status: 201 },
  getArgument: { method: 'get', path: '/arguments/:argumentId', who: 'anyone', summary: 'One argument', response: 'Argument' },
  editArgument: { method: 'patch', path: '/arguments/:argumentId', who: 'its author', summary: 'Edit one\'s argument within 15 minutes of posting it (clears its upvotes)', body: 'ArgumentPatchBody', response: 'Argument' },
  deleteArgument: { method: 'delete', path: '/arguments/:argumentId', who: 'its author, moderator, admin', summary: 'Delete an argument (its author while open; moderators and admins always)', status: 204 },
  upvoteArgument: { method: 'put', path: '/arguments/:argumentId/vote', who: 'signed in', summary: 'Upvote an argument (no body; not one\'s own)', body: 'ArgumentUpvoteBody', response: 'ArgumentUpvotes' },
  removeUpvote: { method: 'delete', path: '/arguments/:argumentId/vote', who: 'signed in', summary: 'Withdraw one\'s upvote', response: 'ArgumentUpvotes' },
  report: { method: 'post', path: '/reports', who: 'signed in', summary: 'Report an argument or an amendment (201; 200 with the earlier report when repeated)', body: 'ReportBody', response: 'Report', status: 201 },
  moderationQueue: { method: 'get', path: '/moderation/queue', who: 'moderator, admin', summary: 'Reported and auto-hidden content, most reported first, with full text and reports', query: 'PageQuery', response: 'ModerationQueue' },
  moderate: { method: 'post', path: '/moderation/actions', who: 'moderator, admin', summary: 'Hide or restore a contribution (appended to the log; its author is notified)', body: 'ModerationActionBody', response: 'ModerationAction', status: 201 },
  moderationLog: { method: 'get', path: '/moderation/log', who: 'moderator, admin', summary: 'The moderation log, newest first', query: 'PageQuery', response: 'ModerationLog' }
} as const satisfies Record<string, RouteDecl>
