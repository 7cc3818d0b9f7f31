/** Routes of the citizens' council: setup, volunteering, commitment, draw, audit, agenda, deliberation, opinions. */
import type { RouteDecl } from '../route.ts'

/** Council routes, part of ROUTES. */
export const COUNCIL_ROUTES = {
  getCouncil: { method: 'get', path: '/bills/:billId/council', who: 'anyone (drafts: their editors)', summary: 'The council of a bill: setup, counts of volunteers per category value (never who), commitment, draw, members, agenda, opinions', response: 'Council' },
  putCouncil: { method: 'put', path: '/bills/:billId/council', who: 'editors', summary: 'Create or change the council while it recruits (201 when created)', body: 'CouncilSetupBody', response: 'Council' },
  councilMe: { method: 'get', path: '/bills/:billId/council/me', who: 'signed in', summary: 'One\'s own volunteering (with one\'s answers), pseudonym, membership', response: 'CouncilMe', status: 200 },
  volunteer: { method: 'post', path: '/bills/:billId/council/volunteers', who: 'signed in', summary: 'Volunteer with one\'s private answers (again to change them), while recruiting and the consultation is open', body: 'VolunteerBody', response: 'CouncilMe', status: 201 },
  withdrawVolunteer: { method: 'delete', path: '/bills/:billId/council/volunteers', who: 'signed in', summary: 'Withdraw while recruiting', response: 'CouncilMe' },
  commitCouncil: { method: 'post', path: '/bills/:billId/council/commit', who: 'editors', summary: 'Freeze pool, quotas and algorithm; publish their SHA-256 and the public value that will seed the draw (422 quotas_infeasible with the reasons)', body: 'CommitBody', response: 'Council' },
  drawCouncil: { method: 'post', path: '/bills/:billId/council/draw', who: 'editors', summary: 'Draw with the public value: fair (maximin) distribution over panels meeting the quotas, one panel sampled with SHA-256(commitment + value)', body: 'DrawBody', response: 'Council' },
  declineSeat: { method: 'post', path: '/bills/:billId/council/decline', who: 'members', summary: 'Decline one\'s seat: the first alternate of the same stratum takes it (logged)', body: 'EmptyBody', response: 'Council' },
  councilAudit: { method: 'get', path: '/bills/:billId/council/audit', who: 'anyone, once drawn', summary: 'Everything needed to re-run the draw, under pseudonyms (npm run verify-draw -- audit.json)', response: 'CouncilAudit' },
  agendaProposals: { method: 'get', path: '/bills/:billId/council/proposals', who: 'editors', summary: 'What the synthesis proposes for the agenda: most supported amendments and arguments, most debated articles', response: 'AgendaProposals' },
  addAgendaItem: { method: 'post', path: '/bills/:billId/council/agenda', who: 'editors', summary: 'Put a bill, article, amendment or argument on the agenda', body: 'AgendaItemBody', response: 'Council', status: 201 },
  removeAgendaItem: { method: 'delete', path: '/bills/:billId/council/agenda/:itemId', who: 'editors', summary: 'Take an item off the agenda (not once its opinion is published)', status: 204 },
  deliberation: { method: 'get', path: '/bills/:billId/council/deliberation', who: 'members', summary: 'Per agenda item, the members\' arguments and votes', response: 'Deliberation' },
  postCouncilArgument: { method: 'post', path: '/bills/:billId/council/agenda/:itemId/arguments', who: 'members', summary: 'Argue on an agenda item', body: 'CouncilArgumentBody', response: 'Deliberation', status: 201 },
  voteCouncilItem: { method: 'put', path: '/bills/:billId/council/agenda/:itemId/vote', who: 'members', summary: 'Vote on an agenda item (again to change)', body: 'CouncilVoteBody', response: 'Tally' },
  publishOpinion: { method: 'put', path: '/bills/:billId/council/agenda/:itemId/opinion', who: 'members', summary: 'Publish the council\'s opinion on an item, with the members\' vote at that time', body: 'OpinionBody', response: 'Opinion' }
} as const satisfies Record<string, RouteDecl>
