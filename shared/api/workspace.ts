/**
 * « Mon espace » (GET /me/workspace), for authors, staff and admins: the
 * bills they edit with their amendments counted by status, the proposed
 * amendments waiting for a decision (oldest first) and the latest activity
 * (amendments and arguments, newest first) on those bills.
 */
import { z } from 'zod'
import { PublicUser, Tally } from './common.ts'
import { ArgumentSide } from './debate.ts'

export const WorkspaceQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20).describe('items of each list (needsDecision, activity); 20 by default')
}).meta({ id: 'WorkspaceQuery' })

export const WorkspaceBill = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'open', 'closed']),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  revision: z.number().int(),
  amendments: z.object({ proposed: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), withdrawn: z.number().int() })
    .describe('the bill\'s amendments (additional articles included) by status; `proposed` are pending a decision')
}).meta({ id: 'WorkspaceBill' })

export const WorkspaceAmendment = z.object({
  id: z.string(),
  number: z.number().int(),
  billId: z.string(),
  billTitle: z.string(),
  kind: z.enum(['article', 'addArticle']),
  articleNum: z.string().nullable().describe('the article it amends or, for an additional article, its anchor; null when that article left the bill'),
  position: z.enum(['after', 'before']).nullable().describe('addArticle: the side of the anchor'),
  author: PublicUser,
  createdAt: z.string(),
  stale: z.boolean().describe('the article changed since the amendment was written'),
  tally: Tally
}).meta({ id: 'WorkspaceAmendment' })

export const WorkspaceActivity = z.object({
  type: z.enum(['amendment', 'argument']),
  id: z.string(),
  billId: z.string(),
  billTitle: z.string(),
  at: z.string(),
  author: PublicUser,
  articleId: z.string().nullable().describe('the article it is about (an amendment\'s article or anchor; an argument\'s article, or its amendment\'s)'),
  articleNum: z.string().nullable(),
  amendmentId: z.string().nullable().describe('the amendment itself, or the amendment an argument is about'),
  amendmentNumber: z.number().int().nullable(),
  side: ArgumentSide.nullable().describe('an argument\'s side')
}).meta({ id: 'WorkspaceActivity', description: 'who did what where; never the text (moderation decides who reads that)' })

export const Workspace = z.object({
  bills: z.array(WorkspaceBill).describe('the bills one edits, newest first'),
  pending: z.number().int().describe('proposed amendments on those bills, all told'),
  needsDecision: z.array(WorkspaceAmendment).describe('proposed amendments of open or closed bills one edits, oldest first'),
  activity: z.array(WorkspaceActivity).describe('the latest amendments and arguments on those bills, newest first')
}).meta({ id: 'Workspace' })

export type WorkspaceQuery = z.infer<typeof WorkspaceQuery>
export type WorkspaceView = z.infer<typeof Workspace>
export type WorkspaceBillView = z.infer<typeof WorkspaceBill>
export type WorkspaceAmendmentView = z.infer<typeof WorkspaceAmendment>
export type WorkspaceActivityView = z.infer<typeof WorkspaceActivity>
